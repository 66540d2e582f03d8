import { describe, expect, it } from "vitest";
import { bearerToken, isOperator } from "./credentials.ts";

describe("bearerToken", () => {
  it("reads the auth-scheme case-insensitively (RFC 9110): Bearer, bearer, BEARER, bEaReR", () => {
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
      expect(bearerToken(`${scheme} abc.def`), scheme).toBe("abc.def");
    }
    expect(isOperator("bearer operator-token-0123456789", "operator-token-0123456789")).toBe(true);
  });

  it("is empty for no header, another scheme, or no token", () => {
    expect(bearerToken(undefined)).toBe("");
    expect(bearerToken("")).toBe("");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBe("");
    expect(bearerToken("Bearer")).toBe("");
    expect(bearerToken("Bearer    ")).toBe("");
    expect(bearerToken("Bearertoken")).toBe("");
    expect(isOperator("Basic operator-token-0123456789", "operator-token-0123456789")).toBe(false);
  });
});
