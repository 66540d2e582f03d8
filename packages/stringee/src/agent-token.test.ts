import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createAgentAccessToken, verifyAgentAccessToken } from "./agent-token.ts";
import { createRestToken } from "./rest-token.ts";

const KEY = { keySid: "SK.0.abc", keySecret: "super-secret-key-value" };
const NOW = 1_700_000_000_123;
const NOW_SEC = 1_700_000_000;

describe("agent access token", () => {
  it("carries userId and icc_api: true under Stringee's header", async () => {
    const token = await createAgentAccessToken({ ...KEY, userId: "agent_1", nowMs: NOW, ttlSec: 600 });
    expect(decodeProtectedHeader(token)).toEqual({ typ: "JWT", alg: "HS256", cty: "stringee-api;v=1" });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(KEY.keySecret), {
      currentDate: new Date(NOW),
    });
    expect(payload).toEqual({
      jti: expect.stringMatching(new RegExp(`^SK\\.0\\.abc-${NOW_SEC}-[0-9a-f-]{36}$`)),
      iss: "SK.0.abc",
      exp: NOW_SEC + 600,
      userId: "agent_1",
      icc_api: true,
    });
  });

  it("gives every token its own jti: two tokens for the same agent in the same second differ", async () => {
    const secret = new TextEncoder().encode(KEY.keySecret);
    const jtiOf = async () => {
      const token = await createAgentAccessToken({ ...KEY, userId: "agent_1", nowMs: NOW });
      return (await jwtVerify(token, secret, { currentDate: new Date(NOW) })).payload.jti;
    };
    const jtis = new Set([await jtiOf(), await jtiOf(), await jtiOf()]);
    expect(jtis.size).toBe(3);
  });
});

describe("verifyAgentAccessToken", () => {
  const keys = { keySid: "SK_test", keySecret: "secret-of-the-key" };

  it("accepts the token Callboard issued and names its agent", async () => {
    const token = await createAgentAccessToken({ ...keys, userId: "lan", nowMs: 1_000_000 });
    expect(await verifyAgentAccessToken(token, keys.keySecret, 1_000_000)).toEqual({
      ok: true,
      userId: "lan",
    });
  });

  it("refuses expired tokens, other secrets, REST tokens and garbage", async () => {
    const token = await createAgentAccessToken({ ...keys, userId: "lan", nowMs: 1_000_000, ttlSec: 60 });
    expect(await verifyAgentAccessToken(token, keys.keySecret, 1_000_000 + 61_000)).toEqual({
      ok: false,
      message: "the token has expired",
    });
    expect((await verifyAgentAccessToken(token, "another-secret", 1_000_000)).ok).toBe(false);
    const rest = await createRestToken({ ...keys, nowMs: 1_000_000 });
    expect(await verifyAgentAccessToken(rest, keys.keySecret, 1_000_000)).toEqual({
      ok: false,
      message: "the token is not a PCC agent token (icc_api)",
    });
    expect((await verifyAgentAccessToken("not.a.jwt", keys.keySecret, 1_000_000)).ok).toBe(false);
  });
});
