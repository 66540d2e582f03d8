"use client";

import type { Granularity } from "@callboard/kpi";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { type ChartTable, localPeriodFormatter } from "~/lib/history-table";
import { useDarkTheme } from "../preferences";
import type { ChartLook } from "./chart-options";

/** A ChartTable as the page shows it: column names from the catalogs, periods in the viewer's language. */
export interface ShownTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * The table the chart and the figures table draw: the same numbers as the CSV's, with its words in
 * the viewer's language (the CSV keeps its stable column names and ISO periods).
 */
export function useShownTable(
  table: ChartTable | null,
  granularity: Granularity,
  timeZone: string | undefined,
  oneDay: boolean,
): ShownTable | null {
  const t = useTranslations("history.columns");
  const locale = useLocale();
  return useMemo(() => {
    if (!table || !timeZone) return null;
    const period = localPeriodFormatter(locale, granularity, timeZone, oneDay);
    const starts = table.starts;
    return {
      columns: table.columns.map((c) => t(c)),
      rows: starts ? table.rows.map((row, i) => [period(starts[i]!), ...row.slice(1)]) : table.rows,
    };
  }, [table, granularity, timeZone, oneDay, locale, t]);
}

/** The charts' theme, axis names and number format for this page. */
export function useChartLook(): ChartLook {
  const t = useTranslations("history.axis");
  const locale = useLocale();
  const dark = useDarkTheme();
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return {
      dark,
      axis: { calls: t("calls"), percent: t("percent"), asaSec: t("asaSec"), hours: t("hours") },
      number: (value: number) => number.format(value),
    };
  }, [dark, t, locale]);
}
