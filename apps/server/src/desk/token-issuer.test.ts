import { verifyAgentAccessToken } from "@callboard/stringee";
import { describe, expect, it } from "vitest";
import { DESK_TOKEN_TTL_SEC, deskTokenIssuer } from "./token-issuer.ts";

/** A JWT's header or claims, read without checking them (the checks are what is tested). */
const part = (token: string, index: 0 | 1) =>
  JSON.parse(Buffer.from(token.split(".")[index]!, "base64url").toString()) as Record<string, unknown>;
const decodeProtectedHeader = (token: string) => part(token, 0);
const decodeJwt = (token: string) => part(token, 1);

const KEYS = { keySid: "SK.test.desk", keySecret: "desk-secret-0123456789abcdef" };
const NOW = Date.parse("2026-12-01T08:00:00Z");

describe("the desk's client tokens", () => {
  it("carry PCC's client claims for the agent, and expire after the desk's short ttl", async () => {
    const issued = await deskTokenIssuer({ ...KEYS, clock: () => NOW })("lan");
    expect(decodeProtectedHeader(issued.token)).toMatchObject({ alg: "HS256", cty: "stringee-api;v=1" });
    const claims = decodeJwt(issued.token);
    expect(claims).toMatchObject({ iss: KEYS.keySid, userId: "lan", icc_api: true });
    expect(claims.exp).toBe(NOW / 1000 + DESK_TOKEN_TTL_SEC);
    expect(issued.expiresAt).toBe(NOW + DESK_TOKEN_TTL_SEC * 1000);
    expect(issued.renewAt).toBeLessThan(issued.expiresAt);
    expect(issued.renewAt).toBeGreaterThan(NOW);
    expect(await verifyAgentAccessToken(issued.token, KEYS.keySecret, issued.expiresAt - 1)).toEqual({
      ok: true,
      userId: "lan",
    });
    expect(await verifyAgentAccessToken(issued.token, KEYS.keySecret, issued.expiresAt + 1000)).toEqual({
      ok: false,
      message: "the token has expired",
    });
  });

  it("renewal gives a new token (its own jti) that outlives the first", async () => {
    let now = NOW;
    const issue = deskTokenIssuer({ ...KEYS, clock: () => now });
    const first = await issue("lan");
    now = first.renewAt;
    const second = await issue("lan");
    expect(decodeJwt(second.token).jti).not.toBe(decodeJwt(first.token).jti);
    expect(second.expiresAt).toBeGreaterThan(first.expiresAt);
    expect(await verifyAgentAccessToken(second.token, KEYS.keySecret, first.expiresAt + 1000)).toMatchObject({
      ok: true,
    });
  });

  it("a forged token (another key) is refused", async () => {
    const forged = await deskTokenIssuer({
      keySid: KEYS.keySid,
      keySecret: "not-the-secret-000000",
      clock: () => NOW,
    })("lan");
    expect(await verifyAgentAccessToken(forged.token, KEYS.keySecret, NOW)).toEqual({
      ok: false,
      message: "the token is not valid for this project",
    });
  });
});
