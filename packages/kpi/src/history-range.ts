import { localDay, zoneOffsetMs } from "./local-day.ts";

/**
 * The periods history answers for: whole local days in a time zone, named as the page names them
 * (today, yesterday, the last 7 days — today included — or two dates). Refusals name the field.
 */
export const HISTORY_PRESETS = ["today", "yesterday", "last7", "custom"] as const;
export type HistoryPreset = (typeof HISTORY_PRESETS)[number];

/** The longest period one query may cover, in days. */
export const HISTORY_MAX_DAYS = 92;

/** A calendar date as the page and CSV write it. */
export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export interface HistoryRangeInput {
  preset: HistoryPreset;
  /** custom only: first day, YYYY-MM-DD */
  from?: string | undefined;
  /** custom only: last day (included), YYYY-MM-DD */
  to?: string | undefined;
}

export interface ResolvedRange {
  /** First and last local day, YYYY-MM-DD. */
  fromDate: string;
  toDate: string;
  /** [start, end) in ms: local midnight of the first day to local midnight after the last. */
  start: number;
  end: number;
  days: number;
  /** Today's local date in the zone, for the page's date fields. */
  today: string;
}

/**
 * Why a range is refused: the field, a reason a page words in its own language (with `date`, `today`
 * or `maxDays` where the words need them), and English words that follow the field's name ("to: …")
 * for API clients.
 */
export type RangeRefusal = {
  field: "from" | "to";
  reason: RangeRefusalReason;
  message: string;
  date?: string;
  today?: string;
  maxDays?: number;
};
export type RangeRefusalReason = "missing" | "notADate" | "inverted" | "tooLong" | "future";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN when it is no date of the calendar. */
export function dayNumber(date: string): number {
  if (!LOCAL_DATE_PATTERN.test(date)) return Number.NaN;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return t / DAY_MS;
}

const dateOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The local date (YYYY-MM-DD) holding instant `t` in `timeZone`. */
export function localDateOf(t: number, timeZone: string): string {
  return new Date(t + zoneOffsetMs(t, timeZone)).toISOString().slice(0, 10);
}

/** Local midnight starting `date` in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): number {
  const utcMidnight = dayNumber(date) * DAY_MS;
  // Local noon of that date lies inside it whatever the zone's offset (−12 h … +14 h).
  return localDay(utcMidnight + 12 * 3_600_000 - zoneOffsetMs(utcMidnight, timeZone), timeZone).start;
}

/**
 * The shape checks that need no clock: both dates of a custom range present and real, in order,
 * at most HISTORY_MAX_DAYS long. The zod schema and the resolver share them.
 */
export function checkRangeShape(input: HistoryRangeInput): RangeRefusal | null {
  if (input.preset !== "custom") return null;
  if (input.from === undefined) return { field: "from", reason: "missing", message: "pick the first day" };
  if (input.to === undefined) return { field: "to", reason: "missing", message: "pick the last day" };
  const from = dayNumber(input.from);
  const to = dayNumber(input.to);
  if (Number.isNaN(from)) return { field: "from", reason: "notADate", message: "not a date (YYYY-MM-DD)" };
  if (Number.isNaN(to)) return { field: "to", reason: "notADate", message: "not a date (YYYY-MM-DD)" };
  if (to < from) return { field: "to", reason: "inverted", message: "the last day is before the first day" };
  if (to - from + 1 > HISTORY_MAX_DAYS)
    return {
      field: "to",
      reason: "tooLong",
      maxDays: HISTORY_MAX_DAYS,
      message: `at most ${HISTORY_MAX_DAYS} days at a time`,
    };
  return null;
}

/** The range's days in `timeZone` at `now`, or why it is refused (a day after today, or a shape check). */
export function resolveHistoryRange(
  input: HistoryRangeInput,
  now: number,
  timeZone: string,
): ResolvedRange | RangeRefusal {
  const shape = checkRangeShape(input);
  if (shape) return shape;
  const today = localDateOf(now, timeZone);
  const todayN = dayNumber(today);
  let fromN = todayN;
  let toN = todayN;
  if (input.preset === "yesterday") fromN = toN = todayN - 1;
  else if (input.preset === "last7") fromN = todayN - 6;
  else if (input.preset === "custom") {
    fromN = dayNumber(input.from!);
    toN = dayNumber(input.to!);
    for (const field of ["from", "to"] as const) {
      const date = input[field]!;
      if (dayNumber(date) > todayN)
        return {
          field,
          reason: "future",
          date,
          today,
          message: `${date} is in the future (today is ${today})`,
        };
    }
  }
  const fromDate = dateOfDayNumber(fromN);
  const toDate = dateOfDayNumber(toN);
  const start = startOfLocalDate(fromDate, timeZone);
  const end = localDay(startOfLocalDate(toDate, timeZone), timeZone).end;
  return { fromDate, toDate, start, end, days: toN - fromN + 1, today };
}

/** The longest period shown in 15-minute steps (31 × 96 points), in days; longer: hours or days. */
export const QUARTER_HOUR_MAX_DAYS = 31;

/** Refuses 15-minute steps over more than QUARTER_HOUR_MAX_DAYS days (presets are all shorter). */
export function checkStep(input: HistoryRangeInput, granularity: string): string | null {
  if (granularity !== "15min" || input.preset !== "custom") return null;
  const days = dayNumber(input.to ?? "") - dayNumber(input.from ?? "") + 1;
  return days > QUARTER_HOUR_MAX_DAYS
    ? `15-minute steps are for at most ${QUARTER_HOUR_MAX_DAYS} days: pick hours or days`
    : null;
}

export const isRefusal = (r: ResolvedRange | RangeRefusal): r is RangeRefusal => "field" in r;
