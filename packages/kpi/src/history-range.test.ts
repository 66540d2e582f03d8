import { describe, expect, it } from "vitest";
import { HISTORY_MAX_DAYS, resolveHistoryRange } from "./history-range.ts";

const TZ = "Asia/Ho_Chi_Minh";
/** Wednesday 2 December 2026, 08:00 in Ho Chi Minh City. */
const NOW = Date.parse("2026-12-02T01:00:00Z");

describe("resolveHistoryRange", () => {
  it("turns the presets into whole local days ending today", () => {
    expect(resolveHistoryRange({ preset: "today" }, NOW, TZ)).toEqual({
      fromDate: "2026-12-02",
      toDate: "2026-12-02",
      start: Date.parse("2026-12-01T17:00:00Z"),
      end: Date.parse("2026-12-02T17:00:00Z"),
      days: 1,
      today: "2026-12-02",
    });
    expect(resolveHistoryRange({ preset: "yesterday" }, NOW, TZ)).toMatchObject({
      fromDate: "2026-12-01",
      toDate: "2026-12-01",
      days: 1,
    });
    expect(resolveHistoryRange({ preset: "last7" }, NOW, TZ)).toMatchObject({
      fromDate: "2026-11-26",
      toDate: "2026-12-02",
      days: 7,
    });
  });

  it("takes a custom range in the zone's days, 23- and 25-hour days included", () => {
    const r = resolveHistoryRange(
      { preset: "custom", from: "2026-03-29", to: "2026-03-29" },
      NOW,
      "Europe/Berlin",
    );
    expect(r).toMatchObject({
      start: Date.parse("2026-03-28T23:00:00Z"),
      end: Date.parse("2026-03-29T22:00:00Z"),
    });
  });

  it("refuses, naming the field: an inverted range, a day in the future, too long, no date", () => {
    const custom = (from: string, to: string) => resolveHistoryRange({ preset: "custom", from, to }, NOW, TZ);
    expect(custom("2026-11-10", "2026-11-09")).toEqual({
      field: "to",
      reason: "inverted",
      message: "the last day is before the first day",
    });
    const today = resolveHistoryRange({ preset: "today" }, NOW, TZ);
    if ("field" in today) throw new Error("today is never refused");
    expect(custom("2026-12-01", "2026-12-03")).toEqual({
      field: "to",
      reason: "future",
      date: "2026-12-03",
      today: today.today,
      message: `2026-12-03 is in the future (today is ${today.today})`,
    });
    expect(custom("2026-12-03", "2026-12-04")).toMatchObject({
      field: "from",
      reason: "future",
      date: "2026-12-03",
    });
    expect(custom("2026-01-01", "2026-12-01")).toEqual({
      field: "to",
      reason: "tooLong",
      maxDays: HISTORY_MAX_DAYS,
      message: `at most ${HISTORY_MAX_DAYS} days at a time`,
    });
    expect(custom("2026-02-30", "2026-03-01")).toMatchObject({ field: "from", reason: "notADate" });
    expect(resolveHistoryRange({ preset: "custom", from: "2026-11-01" }, NOW, TZ)).toMatchObject({
      field: "to",
      reason: "missing",
    });
    // 92 days exactly is allowed.
    expect(custom("2026-09-01", "2026-12-01")).toMatchObject({ days: 92 });
  });
});
