import { describe, expect, it } from "vitest";
import { boardNow } from "./board-time.ts";

describe("boardNow", () => {
  it("is the clock while live", () => {
    expect(boardNow(10_000, null)).toEqual({ now: 10_000, frozen: false });
  });
  it("stops at the last data while stale, however long the silence", () => {
    expect(boardNow(10_000, 7_000)).toEqual({ now: 7_000, frozen: true });
    expect(boardNow(99_000, 7_000)).toEqual({ now: 7_000, frozen: true });
  });
  it("never runs ahead of the clock (a since a little in the future from clock skew)", () => {
    expect(boardNow(10_000, 10_400)).toEqual({ now: 10_000, frozen: true });
  });
});
