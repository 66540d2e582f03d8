import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createRestToken } from "./rest-token.ts";

const KEY = { keySid: "SK.0.abc", keySecret: "super-secret-key-value" };
const NOW = 1_700_000_000_123;
const NOW_SEC = 1_700_000_000;
const secret = new TextEncoder().encode(KEY.keySecret);

describe("REST token", () => {
  it("has Stringee's header and payload and verifies with the key secret", async () => {
    const token = await createRestToken({ ...KEY, nowMs: NOW });
    expect(decodeProtectedHeader(token)).toEqual({ typ: "JWT", alg: "HS256", cty: "stringee-api;v=1" });
    const { payload } = await jwtVerify(token, secret, { currentDate: new Date(NOW) });
    expect(payload).toEqual({
      jti: expect.stringMatching(new RegExp(`^SK\\.0\\.abc-${NOW_SEC}-[0-9a-f-]{36}$`)),
      iss: "SK.0.abc",
      exp: NOW_SEC + 3600,
      rest_api: true,
    });
  });

  it("gives every token its own jti, even two signed in the same millisecond", async () => {
    const jtis = new Set<unknown>();
    for (let i = 0; i < 20; i++) {
      const { payload } = await jwtVerify(await createRestToken({ ...KEY, nowMs: NOW }), secret, {
        currentDate: new Date(NOW),
      });
      jtis.add(payload.jti);
    }
    expect(jtis.size).toBe(20);
  });

  it("is pure given nowMs and jti, and honours ttlSec", async () => {
    const a = await createRestToken({ ...KEY, nowMs: NOW, ttlSec: 60, jti: "j1" });
    expect(await createRestToken({ ...KEY, nowMs: NOW, ttlSec: 60, jti: "j1" })).toBe(a);
    const { payload } = await jwtVerify(a, secret, { currentDate: new Date(NOW) });
    expect(payload.exp).toBe(NOW_SEC + 60);
  });
});
