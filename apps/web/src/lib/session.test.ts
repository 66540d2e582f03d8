import { describe, expect, it } from "vitest";
import { safeNextPath } from "./session";

describe("safeNextPath", () => {
  it("returns only to this site", () => {
    expect(safeNextPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    for (const evil of [
      null,
      "",
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\\evil.example",
    ]) {
      expect(safeNextPath(evil)).toBe("/");
    }
  });
});
