import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatDuration,
  formatElapsed,
  formatLeft,
  formatPercent,
  formatSeconds,
} from "./format.ts";

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

describe("frozen figures", () => {
  it("say at least for elapsed time and at most for a countdown while stale", () => {
    expect(formatElapsed(63_000, false)).toBe("1m 03s");
    expect(formatElapsed(63_000, true)).toBe("≥ 1m 03s");
    expect(formatLeft(12_000, false)).toBe("12s");
    expect(formatLeft(12_000, true)).toBe("≤ 12s");
  });
});

describe("KPI figures", () => {
  it("percent and seconds, a dash when nothing counts yet", () => {
    expect(formatPercent(0.8234)).toBe("82%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("—");
    expect(formatSeconds(12.4)).toBe("12s");
    expect(formatSeconds(75)).toBe("1m 15s");
    expect(formatSeconds(null)).toBe("—");
  });
});
