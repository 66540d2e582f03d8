/**
 * "Today" in a queue's time zone: the instant of local midnight, found with Intl (the runtime's
 * time-zone data), so days of 23 or 25 hours (daylight saving) start at their own midnight.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local time minus UTC at instant `t`, ms (e.g. +7 h in Ho Chi Minh City). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of formatter(timeZone).formatToParts(t)) {
    const v = Number(part.value);
    if (part.type === "year") y = v;
    else if (part.type === "month") mo = v;
    else if (part.type === "day") d = v;
    else if (part.type === "hour") h = v;
    else if (part.type === "minute") mi = v;
    else if (part.type === "second") s = v;
  }
  const wholeSecond = Math.floor(t / 1000) * 1000;
  return Date.UTC(y, mo - 1, d, h, mi, s) - wholeSecond;
}

/**
 * The instant the local day holding `t` began in `timeZone`: local midnight, or — on a day whose
 * midnight a clock change skips — the first instant of that local date.
 */
export function localDayStart(t: number, timeZone: string): number {
  const offset = zoneOffsetMs(t, timeZone);
  const local = t + offset;
  const localMidnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  // The offset at midnight may differ from the offset now (a clock change earlier today).
  let start = localMidnight - offset;
  const atStart = zoneOffsetMs(start, timeZone);
  if (atStart !== offset) {
    const candidate = localMidnight - atStart;
    if (zoneOffsetMs(candidate, timeZone) === atStart) start = candidate;
  }
  // A skipped midnight (the clock jumped from 23:59:59 to 01:00): step forward to the local date.
  while (start + zoneOffsetMs(start, timeZone) < localMidnight) start += 60_000 * 15;
  return Math.min(start, t);
}

/** [start, end) of the local day holding `t`; days last 23 to 25 hours where clocks change. */
export interface LocalDay {
  start: number;
  end: number;
}

export function localDay(t: number, timeZone: string): LocalDay {
  const start = localDayStart(t, timeZone);
  // 26 h after any midnight lies in the next local day (days are 23–25 h long).
  return { start, end: localDayStart(start + 26 * 3_600_000, timeZone) };
}

const lastDays = new Map<string, LocalDay>();

/** localDay with a one-day memo per zone: the fold asks this for every event. */
export function localDayCached(t: number, timeZone: string): LocalDay {
  const last = lastDays.get(timeZone);
  if (last && t >= last.start && t < last.end) return last;
  const day = localDay(t, timeZone);
  lastDays.set(timeZone, day);
  return day;
}

/**
 * A record kept for one local day (`dayStart`), as it stands at `at`: the record itself within its
 * day; `fresh(start)` once local midnight has passed (the earlier day's figures are dropped); null
 * when `at` lies in a day before the record's (a late event: the caller decides). The one midnight
 * rule of the per-agent folds (agent-day.ts, status-day.ts).
 */
export function rollOver<T extends { dayStart: number }>(
  record: T,
  at: number,
  timeZone: string,
  fresh: (dayStart: number) => T,
): T | null {
  const start = localDayCached(at, timeZone).start;
  if (start === record.dayStart) return record;
  return start > record.dayStart ? fresh(start) : null;
}
