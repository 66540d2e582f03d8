import type { EChartsCoreOption } from "echarts/core";
import type { ChartTable } from "~/lib/history-table";

/**
 * Chart options drawn from a ChartTable (the dataset is the table itself), so the chart and the
 * CSV cannot disagree. Thousands of points (30 days × 96) stay fast: no animation past a few
 * hundred, bars in large mode, and a zoom slider.
 */
const MANY = 300;

const PALETTE = {
  answered: "#0369a1",
  abandoned: "#b91c1c",
  shortAbandoned: "#f97316",
  timedOut: "#7c3aed",
  serviceLevel: "#0369a1",
  target: "#15803d",
  asa: "#b45309",
  canRing: "#16a34a",
  onCall: "#0369a1",
  wrapUp: "#7c3aed",
  away: "#f59e0b",
  offline: "#94a3b8",
};

function base(table: ChartTable): EChartsCoreOption {
  const many = table.rows.length > MANY;
  return {
    animation: !many,
    dataset: { source: [table.columns, ...table.rows] },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: many ? 72 : 40 },
    dataZoom: many ? [{ type: "inside" }, { type: "slider", bottom: 16 }] : [],
  };
}

const bar = (table: ChartTable, column: number, color: string, stack: string, horizontal = false) => ({
  type: "bar",
  name: table.columns[column],
  stack,
  large: true,
  itemStyle: { color },
  encode: horizontal ? { y: 0, x: column } : { x: 0, y: column },
});

/** Answered, abandoned, short abandoned and timed out stacked: each bar is the period's offered calls. */
export function callsOption(table: ChartTable): EChartsCoreOption {
  return {
    ...base(table),
    xAxis: { type: "category" },
    yAxis: { type: "value", name: "calls", minInterval: 1 },
    series: [
      bar(table, 2, PALETTE.answered, "calls"),
      bar(table, 3, PALETTE.abandoned, "calls"),
      bar(table, 4, PALETTE.shortAbandoned, "calls"),
      bar(table, 5, PALETTE.timedOut, "calls"),
    ],
  };
}

/** Service level (%) against the target, ASA (s) on the right axis. */
export function serviceLevelOption(table: ChartTable): EChartsCoreOption {
  const line = (column: number, color: string, yAxisIndex: number, dashed = false) => ({
    type: "line",
    name: table.columns[column],
    yAxisIndex,
    showSymbol: table.rows.length <= 48,
    connectNulls: false,
    sampling: "lttb",
    itemStyle: { color },
    lineStyle: { color, type: dashed ? "dashed" : "solid" },
    encode: { x: 0, y: column },
  });
  return {
    ...base(table),
    xAxis: { type: "category" },
    yAxis: [
      { type: "value", name: "%", min: 0, max: 100 },
      { type: "value", name: "ASA s", min: 0 },
    ],
    series: [line(1, PALETTE.serviceLevel, 0), line(2, PALETTE.target, 0, true), line(3, PALETTE.asa, 1)],
  };
}

/** Hours in each state, stacked: per member (horizontal) or per period for one member. */
export function agentStatesOption(table: ChartTable, perMember: boolean): EChartsCoreOption {
  const colors = [PALETTE.canRing, PALETTE.onCall, PALETTE.wrapUp, PALETTE.away, PALETTE.offline];
  const series = colors.map((color, i) => bar(table, i + 1, color, "hours", perMember));
  return perMember
    ? {
        ...base(table),
        dataZoom: [],
        grid: { left: 140, right: 24, top: 40, bottom: 32 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", name: "h" },
        yAxis: { type: "category", inverse: true },
        series,
      }
    : { ...base(table), xAxis: { type: "category" }, yAxis: { type: "value", name: "h" }, series };
}
