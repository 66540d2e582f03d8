import { describe, expect, it } from "vitest";
import { formatClock, formatDuration } from "./format.ts";

describe("formatDuration", () => {
  it.each([
    [-5, "0s"],
    [0, "0s"],
    [999, "0s"],
    [45_000, "45s"],
    [65_000, "1m 05s"],
    [3_599_000, "59m 59s"],
    [3_780_000, "1h 03m"],
    [26 * 3_600_000, "26h 00m"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatClock", () => {
  it("pads hours, minutes and seconds", () => {
    expect(formatClock(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe("03:04:05");
  });
});
