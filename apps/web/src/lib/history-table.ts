import type { AgentsHistory, QueueHistory } from "@callboard/contracts";
import type { AgentPeriod } from "@callboard/kpi";
import { HISTORY_TEXT } from "./history-strings";

/**
 * What a history chart shows, as a table: the chart is drawn from it and the CSV is written from
 * it, so both carry the same numbers (rounded once, here).
 */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

const C = HISTORY_TEXT.columns;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const percent = (x: number | null) => (x === null ? null : round(x * 100, 1));
const hours = (sec: number) => round(sec / 3600, 2);

/** "2026-11-24 14:15", or "2026-11-24" for days, in the queue's time zone. */
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
    columns: [C.period, C.offered, C.answered, C.abandoned, C.shortAbandoned, C.timedOut],
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
    columns: [C.period, C.serviceLevel, C.target, C.asa, C.offered, C.answered],
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
const STATE_COLUMNS = [C.canRing, C.onCall, C.wrapUp, C.away, C.offline, C.answered, C.handled];

/** Each member's totals over the range. */
export function agentsTable(h: AgentsHistory): ChartTable {
  return { columns: [C.agent, ...STATE_COLUMNS], rows: h.agents.map((a) => [a.name, ...stateCells(a)]) };
}

/** One member over time. */
export function agentSeriesTable(h: AgentsHistory): ChartTable | null {
  if (!h.series) return null;
  return {
    columns: [C.period, ...STATE_COLUMNS],
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
