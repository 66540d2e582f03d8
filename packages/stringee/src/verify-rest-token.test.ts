import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createAgentAccessToken } from "./agent-token.ts";
import { createRestToken } from "./rest-token.ts";
import { verifyRestToken } from "./verify-rest-token.ts";

const KEY = { keySid: "SK.0.abc", keySecret: "super-secret-key-value" };
const NOW = 1_700_000_000_123;
const NOW_SEC = 1_700_000_000;

async function problem(token: string, secret = KEY.keySecret, nowMs = NOW, keySid?: string) {
  const r = await verifyRestToken(token, secret, { nowMs, ...(keySid ? { keySid } : {}) });
  return r.ok ? null : r.problem;
}

describe("verifyRestToken", () => {
  it("returns the payload of a good token", async () => {
    const token = await createRestToken({ ...KEY, nowMs: NOW, jti: `SK.0.abc-${NOW_SEC}` });
    const result = await verifyRestToken(token, KEY.keySecret, { nowMs: NOW, keySid: KEY.keySid });
    expect(result).toEqual({
      ok: true,
      payload: { jti: `SK.0.abc-${NOW_SEC}`, iss: "SK.0.abc", exp: NOW_SEC + 3600, rest_api: true },
    });
  });

  it("names what is wrong with a bad token", async () => {
    const token = await createRestToken({ ...KEY, nowMs: NOW, ttlSec: 10 });
    expect(await problem("garbage")).toBe("malformed");
    expect(await problem(token, "wrong-secret")).toBe("bad-signature");
    expect(await problem(token, KEY.keySecret, NOW + 3_600_000)).toBe("expired");
    expect(await problem(token, KEY.keySecret, NOW, "SK.other")).toBe("wrong-issuer");
  });

  it("refuses a client token (no rest_api) and a header without Stringee's cty", async () => {
    const client = await createAgentAccessToken({ ...KEY, userId: "u1", nowMs: NOW, ttlSec: 60 });
    expect(await problem(client)).toBe("not-rest");
    const noCty = await new SignJWT({ rest_api: true, iss: "x", jti: "x", exp: NOW_SEC + 60 })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(KEY.keySecret));
    expect(await problem(noCty)).toBe("bad-header");
  });
});
