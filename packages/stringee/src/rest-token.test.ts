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
      jti: `SK.0.abc-${NOW_SEC}`,
      iss: "SK.0.abc",
      exp: NOW_SEC + 3600,
      rest_api: true,
    });
  });

  it("is pure given nowMs and honours ttlSec", async () => {
    const a = await createRestToken({ ...KEY, nowMs: NOW, ttlSec: 60 });
    expect(await createRestToken({ ...KEY, nowMs: NOW, ttlSec: 60 })).toBe(a);
    const { payload } = await jwtVerify(a, secret, { currentDate: new Date(NOW) });
    expect(payload.exp).toBe(NOW_SEC + 60);
  });
});
