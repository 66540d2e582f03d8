import type { AgentsHistory, QueueHistory } from "@callboard/contracts";
import type { AgentPeriod } from "@callboard/kpi";

/**
 * A history table's columns, by stable name. The CSV's header row is these names, not the viewer's
 * language: a file downloaded in Vietnamese and one downloaded in English load into the same
 * spreadsheet or script. The pages show each column's name from the catalogs (history.columns).
 */
export const HISTORY_COLUMNS = [
  "period",
  "offered",
  "answered",
  "abandoned",
  "shortAbandoned",
  "timedOut",
  "serviceLevel",
  "target",
  "asa",
  "agent",
  "canRing",
  "onCall",
  "wrapUp",
  "away",
  "offline",
  "handled",
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/**
 * What a history chart shows, as a table: the chart is drawn from it and the CSV is written from
 * it, so both carry the same numbers (rounded once, here). Period tables also keep each row's start
 * (`starts`), so the page can label periods in the viewer's language while the CSV keeps ISO dates.
 */
export interface ChartTable {
  columns: HistoryColumn[];
  rows: (string | number | null)[][];
  starts?: number[];
}
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const percent = (x: number | null) => (x === null ? null : round(x * 100, 1));
const hours = (sec: number) => round(sec / 3600, 2);

/** "2026-11-24 14:15", or "2026-11-24" for days, in the queue's time zone: the CSV's period, any language. */
export function periodLabel(
  from: number,
  granularity: QueueHistory["granularity"],
  timeZone: string,
): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(from);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  return granularity === "day" ? date : `${date} ${get("hour")}:${get("minute")}`;
}

export function callsTable(h: QueueHistory): ChartTable {
  return {
    columns: ["period", "offered", "answered", "abandoned", "shortAbandoned", "timedOut"],
    starts: h.points.map((p) => p.from),
    rows: h.points.map((p) => [
      periodLabel(p.from, h.granularity, h.timeZone),
      p.offered,
      p.answered,
      p.abandoned,
      p.shortAbandoned,
      p.timedOut,
    ]),
  };
}

export function serviceLevelTable(h: QueueHistory): ChartTable {
  return {
    columns: ["period", "serviceLevel", "target", "asa", "offered", "answered"],
    starts: h.points.map((p) => p.from),
    rows: h.points.map((p) => [
      periodLabel(p.from, h.granularity, h.timeZone),
      percent(p.serviceLevel),
      h.target.serviceLevelTarget,
      p.asaSec === null ? null : round(p.asaSec, 1),
      p.offered,
      p.answered,
    ]),
  };
}

const stateCells = (p: AgentPeriod) => [
  hours(p.canRingSec),
  hours(p.onCallSec),
  hours(p.wrapUpSec),
  hours(p.awaySec),
  hours(p.offlineSec),
  p.answered,
  p.handled,
];
const STATE_COLUMNS: HistoryColumn[] = [
  "canRing",
  "onCall",
  "wrapUp",
  "away",
  "offline",
  "answered",
  "handled",
];

/** Each member's totals over the range. */
export function agentsTable(h: AgentsHistory): ChartTable {
  return { columns: ["agent", ...STATE_COLUMNS], rows: h.agents.map((a) => [a.name, ...stateCells(a)]) };
}

/** One member over time. */
export function agentSeriesTable(h: AgentsHistory): ChartTable | null {
  if (!h.series) return null;
  return {
    columns: ["period", ...STATE_COLUMNS],
    starts: h.series.points.map((p) => p.from),
    rows: h.series.points.map((p) => [periodLabel(p.from, h.granularity, h.timeZone), ...stateCells(p)]),
  };
}

/** RFC 4180 CSV: a header row, then the rows; empty cells for "nothing counted". */
export function toCsv(table: ChartTable): string {
  const cell = (v: string | number | null) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[table.columns, ...table.rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Labels periods for the page in the viewer's language, in the queue's time zone: "14:15 24-11"
 * (vi) or "11/24, 14:15" (en) for quarter hours and hours ("14:15" alone when the range is one
 * day), the locale's numeric date for days.
 */
export function localPeriodFormatter(
  locale: string,
  granularity: QueueHistory["granularity"],
  timeZone: string,
  oneDay = false,
): (start: number) => string {
  const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  const format = new Intl.DateTimeFormat(
    locale,
    granularity === "day"
      ? { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }
      : oneDay
        ? { timeZone, ...time }
        : { timeZone, month: "2-digit", day: "2-digit", ...time },
  );
  return (start) => format.format(start);
}

/** A calendar day ("2026-11-24", as the server names days) in the viewer's language: "24 thg 11, 2026". */
export function localDayFormatter(locale: string): (day: string) => string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium" });
  return (day) => format.format(Date.parse(`${day}T00:00:00Z`));
}
