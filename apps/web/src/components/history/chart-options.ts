import type { EChartsCoreOption } from "echarts/core";
import type { ShownTable } from "./use-shown-table";

/**
 * Chart options drawn from a ChartTable as the page shows it (the dataset is the table itself, its
 * column names and periods in the viewer's language), so the chart and the CSV cannot disagree.
 * Thousands of points (30 days × 96) stay fast: no animation past a few hundred, bars in large
 * mode, and a zoom slider.
 */
const MANY = 300;

/** How a chart looks: the page's theme (colours), its axes' names and its numbers in the viewer's language. */
export interface ChartLook {
  dark: boolean;
  axis: { calls: string; percent: string; asaSec: string; hours: string };
  /** 0.25 → "0.25" (en) or "0,25" (vi): the value axes' labels and the tooltip's figures. */
  number: (value: number) => string;
}

/** Tailwind's 700s on white; its 400s on the dark theme's slate (both past 3:1 against their ground). */
const LIGHT = {
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
const DARK: typeof LIGHT = {
  answered: "#38bdf8",
  abandoned: "#f87171",
  shortAbandoned: "#fb923c",
  timedOut: "#a78bfa",
  serviceLevel: "#38bdf8",
  target: "#4ade80",
  asa: "#fbbf24",
  canRing: "#4ade80",
  onCall: "#38bdf8",
  wrapUp: "#c4b5fd",
  away: "#fbbf24",
  offline: "#94a3b8",
};
const palette = (look: ChartLook) => (look.dark ? DARK : LIGHT);

/** A value axis named `name`, its labels in the viewer's number format. */
const valueAxis = (look: ChartLook, name: string, extra: Record<string, unknown> = {}) => ({
  type: "value",
  name,
  axisLabel: { formatter: look.number },
  ...extra,
});

function base(table: ShownTable, look: ChartLook): EChartsCoreOption {
  const many = table.rows.length > MANY;
  return {
    // The page's own background shows through (the dark theme's would be ECharts' navy).
    backgroundColor: "transparent",
    animation: !many,
    dataset: { source: [table.columns, ...table.rows] },
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: unknown) => (typeof value === "number" ? look.number(value) : "—"),
    },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: many ? 72 : 40 },
    dataZoom: many ? [{ type: "inside" }, { type: "slider", bottom: 16 }] : [],
  };
}

const bar = (table: ShownTable, column: number, color: string, stack: string, horizontal = false) => ({
  type: "bar",
  name: table.columns[column],
  stack,
  large: true,
  itemStyle: { color },
  encode: horizontal ? { y: 0, x: column } : { x: 0, y: column },
});

/** Answered, abandoned, short abandoned and timed out stacked: each bar is the period's offered calls. */
export function callsOption(table: ShownTable, look: ChartLook): EChartsCoreOption {
  const colors = palette(look);
  return {
    ...base(table, look),
    xAxis: { type: "category" },
    yAxis: valueAxis(look, look.axis.calls, { minInterval: 1 }),
    series: [
      bar(table, 2, colors.answered, "calls"),
      bar(table, 3, colors.abandoned, "calls"),
      bar(table, 4, colors.shortAbandoned, "calls"),
      bar(table, 5, colors.timedOut, "calls"),
    ],
  };
}

/** Service level (%) against the target, ASA (s) on the right axis. */
export function serviceLevelOption(table: ShownTable, look: ChartLook): EChartsCoreOption {
  const colors = palette(look);
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
    ...base(table, look),
    xAxis: { type: "category" },
    yAxis: [
      valueAxis(look, look.axis.percent, { min: 0, max: 100 }),
      valueAxis(look, look.axis.asaSec, { min: 0 }),
    ],
    series: [line(1, colors.serviceLevel, 0), line(2, colors.target, 0, true), line(3, colors.asa, 1)],
  };
}

/** Hours in each state, stacked: per member (horizontal) or per period for one member. */
export function agentStatesOption(table: ShownTable, perMember: boolean, look: ChartLook): EChartsCoreOption {
  const p = palette(look);
  const colors = [p.canRing, p.onCall, p.wrapUp, p.away, p.offline];
  const series = colors.map((color, i) => bar(table, i + 1, color, "hours", perMember));
  const common = base(table, look);
  return perMember
    ? {
        ...common,
        dataZoom: [],
        grid: { left: 140, right: 24, top: 40, bottom: 32 },
        tooltip: { ...(common.tooltip as object), axisPointer: { type: "shadow" } },
        xAxis: valueAxis(look, look.axis.hours),
        yAxis: { type: "category", inverse: true },
        series,
      }
    : { ...common, xAxis: { type: "category" }, yAxis: valueAxis(look, look.axis.hours), series };
}
