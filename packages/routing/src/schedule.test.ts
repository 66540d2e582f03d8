import { describe, expect, it } from "vitest";
import { HOUR, MONDAY_0900_HCM, SUNDAY_0900_HCM } from "./center.test-helpers.ts";
import { DEFAULT_TIME_ZONE, type Schedule } from "./queue.ts";
import { isClockTime, isKnownTimeZone, isOpen } from "./schedule.ts";

describe("isClockTime", () => {
  it.each(["00:00", "08:30", "09:05", "19:59", "23:59", "24:00"])("accepts %s", (value) => {
    expect(isClockTime(value)).toBe(true);
  });
  it.each([
    "",
    "8:00",
    "08:0",
    "24:01",
    "25:00",
    "12:60",
    "12:00 ",
    " 12:00",
    "1200",
    "12.00",
    "ab:cd",
    "-1:00",
  ])("rejects %j", (value) => {
    expect(isClockTime(value)).toBe(false);
  });
});

describe("isKnownTimeZone", () => {
  it("knows IANA zones, PCC's default among them", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
    for (const zone of ["Asia/Ho_Chi_Minh", "UTC", "Europe/London", "America/New_York"]) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
    }
  });
  it("refuses what is not a zone", () => {
    for (const zone of ["", "Mars/Olympus", "+07:00", "Asia/Nowhere"])
      expect(isKnownTimeZone(zone), zone).toBe(false);
  });
});

describe("isOpen", () => {
  const office: Schedule = {
    kind: "business-hours",
    timeZone: "Asia/Ho_Chi_Minh",
    hours: [
      { days: [1, 2, 3, 4, 5], open: "08:00", close: "12:00" },
      { days: [1, 2, 3, 4, 5], open: "13:00", close: "17:30" },
      { days: [6], open: "09:00", close: "24:00" },
    ],
  };
  const monday = (hh: number, mm = 0, ms = 0) => MONDAY_0900_HCM + (hh - 9) * HOUR + mm * 60_000 + ms;

  it("always is always open", () => {
    for (const at of [0, MONDAY_0900_HCM, SUNDAY_0900_HCM, 4_102_444_800_000]) {
      expect(isOpen({ kind: "always" }, at)).toBe(true);
    }
  });

  it("opens at the opening minute and closes at the closing minute, local time", () => {
    expect(isOpen(office, monday(7, 59, 59_999))).toBe(false);
    expect(isOpen(office, monday(8))).toBe(true);
    expect(isOpen(office, monday(9))).toBe(true);
    expect(isOpen(office, monday(11, 59, 59_999))).toBe(true);
    expect(isOpen(office, monday(12))).toBe(false); // lunch
    expect(isOpen(office, monday(13))).toBe(true);
    expect(isOpen(office, monday(17, 29))).toBe(true);
    expect(isOpen(office, monday(17, 30))).toBe(false);
  });

  it("uses the day of the week in the zone: Sunday closed; Saturday until midnight", () => {
    expect(isOpen(office, SUNDAY_0900_HCM)).toBe(false);
    const saturday = SUNDAY_0900_HCM - 24 * HOUR;
    expect(isOpen(office, saturday)).toBe(true);
    expect(isOpen(office, saturday + 14 * HOUR + 59 * 60_000)).toBe(true); // 23:59
    expect(isOpen(office, saturday + 15 * HOUR)).toBe(false); // Sunday 00:00
  });

  it("reads the hours in the queue's zone, not UTC: Monday 02:00Z is 09:00 in Ho Chi Minh City", () => {
    const utcOffice: Schedule = { ...office, timeZone: "UTC" };
    expect(isOpen(office, MONDAY_0900_HCM)).toBe(true);
    expect(isOpen(utcOffice, MONDAY_0900_HCM)).toBe(false);
    // Sunday 17:00Z is Monday 00:00 in Ho Chi Minh City.
    const earlyMonday: Schedule = { ...office, hours: [{ days: [1], open: "00:00", close: "00:30" }] };
    expect(isOpen(earlyMonday, Date.parse("2026-11-22T17:00:00Z"))).toBe(true);
    expect(isOpen(earlyMonday, Date.parse("2026-11-22T16:59:59Z"))).toBe(false);
  });

  it("no hours at all: never open", () => {
    expect(isOpen({ kind: "business-hours", timeZone: "UTC", hours: [] }, MONDAY_0900_HCM)).toBe(false);
  });
});
