import { describe, expect, it } from "vitest";
import { localDay, localDayStart, rollOver, zoneOffsetMs } from "./local-day.ts";

const HOUR = 3_600_000;

describe("local midnight", () => {
  it("Ho Chi Minh City (UTC+7, no daylight saving): midnight is 17:00Z the day before", () => {
    const noon = Date.parse("2026-11-23T05:00:00Z"); // 12:00 local
    expect(zoneOffsetMs(noon, "Asia/Ho_Chi_Minh")).toBe(7 * HOUR);
    expect(localDayStart(noon, "Asia/Ho_Chi_Minh")).toBe(Date.parse("2026-11-22T17:00:00Z"));
    // 00:30 local is already the next day; 23:59:59.999 local is still today.
    expect(localDayStart(Date.parse("2026-11-23T17:30:00Z"), "Asia/Ho_Chi_Minh")).toBe(
      Date.parse("2026-11-23T17:00:00Z"),
    );
    const lastMs = Date.parse("2026-11-23T16:59:59.999Z");
    expect(localDayStart(lastMs, "Asia/Ho_Chi_Minh")).toBe(Date.parse("2026-11-22T17:00:00Z"));
    expect(localDay(noon, "Asia/Ho_Chi_Minh")).toEqual({
      start: Date.parse("2026-11-22T17:00:00Z"),
      end: Date.parse("2026-11-23T17:00:00Z"),
    });
  });

  it("New York: the day clocks go forward lasts 23 hours, the day they go back 25", () => {
    const spring = localDay(Date.parse("2026-03-08T15:00:00Z"), "America/New_York");
    expect(spring.start).toBe(Date.parse("2026-03-08T05:00:00Z")); // midnight EST
    expect(spring.end).toBe(Date.parse("2026-03-09T04:00:00Z")); // midnight EDT
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = localDay(Date.parse("2026-11-01T15:00:00Z"), "America/New_York");
    expect(autumn.start).toBe(Date.parse("2026-11-01T04:00:00Z"));
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it("UTC and a half-hour zone", () => {
    expect(localDayStart(Date.parse("2026-05-05T23:59:00Z"), "UTC")).toBe(Date.parse("2026-05-05T00:00:00Z"));
    // Kolkata is UTC+5:30: 2026-05-05 00:00 local = 2026-05-04T18:30Z.
    expect(localDayStart(Date.parse("2026-05-05T10:00:00Z"), "Asia/Kolkata")).toBe(
      Date.parse("2026-05-04T18:30:00Z"),
    );
  });
});

describe("rollOver", () => {
  const zone = "Asia/Ho_Chi_Minh";
  const today = localDayStart(Date.UTC(2026, 0, 15, 5), zone);
  const record = { dayStart: today, n: 7 };
  const fresh = (dayStart: number) => ({ dayStart, n: 0 });

  it("keeps the record within its day, starts afresh past midnight, and says null for an earlier day", () => {
    expect(rollOver(record, today + 3_600_000, zone, fresh)).toBe(record);
    const tomorrow = localDayStart(today + 30 * 3_600_000, zone);
    expect(rollOver(record, tomorrow + 1, zone, fresh)).toEqual({ dayStart: tomorrow, n: 0 });
    expect(rollOver(record, today - 1, zone, fresh)).toBeNull();
  });
});
