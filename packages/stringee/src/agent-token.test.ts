import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createAgentAccessToken } from "./agent-token.ts";

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
      jti: `SK.0.abc-${NOW_SEC}`,
      iss: "SK.0.abc",
      exp: NOW_SEC + 600,
      userId: "agent_1",
      icc_api: true,
    });
  });
});
