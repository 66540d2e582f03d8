import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import { createFormat } from "./format.ts";

const format = (locale: "en" | "vi") =>
  createFormat(
    locale,
    createTranslator({ locale, messages: locale === "en" ? en : vi, namespace: "format" }),
  );
const f = format("en");
const fvi = format("vi");

describe("duration", () => {
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
    expect(f.duration(ms)).toBe(text);
  });

  it("uses Vietnamese units (giờ, phút) in Vietnamese, as compact as English", () => {
    expect(fvi.duration(45_000)).toBe("45s");
    expect(fvi.duration(65_000)).toBe("1ph 05s");
    expect(fvi.duration(3_780_000)).toBe("1g 03ph");
  });
});

describe("clock and date", () => {
  it("pads hours, minutes and seconds, 24 h in both languages", () => {
    const t = new Date(2026, 0, 2, 15, 4, 5).getTime();
    expect(f.clock(t)).toBe("15:04:05");
    expect(fvi.clock(t)).toBe("15:04:05");
  });

  it("writes the date in each language's own way", () => {
    const t = new Date(2026, 0, 2, 15, 4, 5).getTime();
    expect(f.dateTime(t)).toBe("Jan 2, 2026, 15:04:05");
    expect(fvi.dateTime(t)).toContain("2026");
    expect(fvi.dateTime(t)).toContain("15:04:05");
    expect(fvi.dateTime(t)).not.toContain("Jan");
  });
});

describe("frozen figures", () => {
  it("say at least for elapsed time and at most for a countdown while stale", () => {
    expect(f.elapsed(63_000, false)).toBe("1m 03s");
    expect(f.elapsed(63_000, true)).toBe("≥ 1m 03s");
    expect(f.left(12_000, false)).toBe("12s");
    expect(f.left(12_000, true)).toBe("≤ 12s");
  });
});

describe("KPI figures", () => {
  it("percent and seconds, a dash when nothing counts yet", () => {
    expect(f.percent(0.8234)).toBe("82%");
    expect(f.percent(1)).toBe("100%");
    expect(f.percent(null)).toBe("—");
    expect(f.seconds(12.4)).toBe("12s");
    expect(f.seconds(75)).toBe("1m 15s");
    expect(f.seconds(null)).toBe("—");
  });

  it("groups thousands per locale", () => {
    expect(f.count(10_000)).toBe("10,000");
    expect(fvi.count(10_000)).toBe("10.000");
  });
});
