import type { Schedule } from "./queue.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** True when `timeZone` is an IANA zone this runtime knows (e.g. "Asia/Ho_Chi_Minh"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" with 00 ≤ HH ≤ 24 and 00 ≤ MM ≤ 59 ("24:00" closes at midnight). */
export function isClockTime(value: string): boolean {
  const match = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(value);
  return match !== null && (match[1] !== "24" || match[2] === "00");
}

/** Whether a queue routes at instant `at` (ms): always, or inside one of its opening hours in its time zone. */
export function isOpen(schedule: Schedule, at: number): boolean {
  if (schedule.kind === "always") return true;
  const parts = formatter(schedule.timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = WEEKDAYS.indexOf(get("weekday"));
  const minute = Number(get("hour")) * 60 + Number(get("minute"));
  return schedule.hours.some(
    (h) => h.days.includes(day) && minute >= toMinutes(h.open) && minute < toMinutes(h.close),
  );
}

function toMinutes(clock: string): number {
  const [h = "0", m = "0"] = clock.split(":");
  return Number(h) * 60 + Number(m);
}
