import type { Translate } from "~/i18n/types";

/** The board's figures in the viewer's language: numbers, clocks and dates by Intl, duration units from the catalog. */
export interface Format {
  /** "45s", "4m 05s", "1h 03m" (vi: "4ph 05s", "1g 03ph"): compact enough for a table cell, exact enough for a supervisor. */
  duration(ms: number): string;
  /** hh:mm:ss (24 h) in the viewer's local time. */
  clock(epochMs: number): string;
  /** Date and time in the viewer's local time, for records older than today. */
  dateTime(epochMs: number): string;
  /** A duration counted up to `now`; while the board is stale `now` is frozen, so the true figure is at least this: "≥ 1m 03s". */
  elapsed(ms: number, frozen: boolean): string;
  /** A countdown to a deadline; while stale it may already have run down further: "≤ 12s". */
  left(ms: number, frozen: boolean): string;
  /** 0.823 → "82%"; null (nothing counted yet) → "—". */
  percent(ratio: number | null): string;
  /** Seconds as a figure (ASA, AHT): 12.4 → "12s", 75 → "1m 15s"; null → "—". */
  seconds(sec: number | null): string;
  /** A count with the locale's grouping: 10000 → "10,000" (vi: "10.000"). */
  count(n: number): string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Formatters for one locale; built once per locale (Intl formatters are costly to create). */
export function createFormat(locale: string, t: Translate<"format">): Format {
  const clock = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "medium",
    hourCycle: "h23",
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale);
  const duration = (ms: number) => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0) return t("hours", { h: String(h), m: pad(m) });
    if (m > 0) return t("minutes", { m: String(m), s: pad(s) });
    return t("seconds", { s: String(s) });
  };
  return {
    duration,
    clock: (epochMs) => clock.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
    elapsed: (ms, frozen) => (frozen ? t("atLeast", { value: duration(ms) }) : duration(ms)),
    left: (ms, frozen) => (frozen ? t("atMost", { value: duration(ms) }) : duration(ms)),
    percent: (ratio) => (ratio === null ? t("none") : percent.format(ratio)),
    seconds: (sec) => (sec === null ? t("none") : duration(Math.round(sec) * 1000)),
    count: (n) => count.format(n),
  };
}
