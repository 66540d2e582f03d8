"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { agentSeriesTable, agentsTable, type ChartTable } from "~/lib/history-table";
import { rangeRefusalOfError } from "~/lib/range-refusal";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import { Chart } from "./chart";
import { agentStatesOption } from "./chart-options";
import { CsvButton } from "./csv-button";
import { HistoryControls } from "./history-controls";
import { PeriodLine } from "./period-line";
import { useHistoryParams } from "./use-history-params";
import { type ShownTable, useChartLook, useShownTable } from "./use-shown-table";

/** Each member's time in each state and calls handled; one member over time when chosen. */
export function AgentsHistory() {
  const t = useTranslations("history");
  const trpc = useTRPC();
  const state = useHistoryParams();
  const { params, range, set } = state;
  const query = useQuery(
    trpc.history.agents.queryOptions(
      {
        queueId: params.queueId ?? "",
        range: range ?? { preset: "today" },
        granularity: params.step,
        agentId: params.agentId,
      },
      { enabled: params.queueId !== null && range !== null },
    ),
  );
  const data = query.data;
  const look = useChartLook();
  const members = useMemo(() => (data ? agentsTable(data) : null), [data]);
  const series = useMemo(() => (data ? agentSeriesTable(data) : null), [data]);
  const table: ChartTable | null = series ?? members;
  const shown = useShownTable(table, params.step, data?.timeZone, data?.fromDate === data?.toDate);
  const shownMembers = useShownTable(members, params.step, data?.timeZone, data?.fromDate === data?.toDate);
  const option = useMemo(
    () => (shown ? agentStatesOption(shown, series === null, look) : null),
    [shown, series, look],
  );
  const height = series === null && members ? Math.max(240, 48 + members.rows.length * 28) : 360;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">
        {t("title")}: {t("nav.agents")}
      </h1>
      <HistoryControls state={state} today={data?.today} refused={query.error}>
        <label className="flex flex-col gap-1 text-slate-700 dark:text-slate-300">
          {t("agent")}
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            value={params.agentId ?? ""}
            onChange={(e) => set({ agentId: e.target.value || null })}
          >
            <option value="">{t("allMembers")}</option>
            {(data?.agents ?? []).map((a) => (
              <option key={a.agentId} value={a.agentId}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </HistoryControls>
      <ErrorAlert error={rangeRefusalOfError(query.error) ? null : query.error} />
      {data && table && option && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <PeriodLine from={data.fromDate} to={data.toDate} zone={data.timeZone} />
            </p>
            <CsvButton
              table={table}
              filename={`history-agents-${data.queueId}${data.series ? `-${data.series.agentId}` : ""}-${data.fromDate}-${data.toDate}.csv`}
            />
          </div>
          {data.agents.length === 0 && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {t("noMembers")}
            </p>
          )}
          <Chart
            option={option}
            height={height}
            label={data.series ? t("agentChart", { name: data.series.name }) : t("agentsChart")}
          />
          {shownMembers && <FiguresTable table={shownMembers} label={t("agentsChart")} />}
        </>
      )}
    </>
  );
}

/** The members' figures as a table (what the chart draws, readable by screen readers), numbers in the viewer's language. */
function FiguresTable({ table, label }: { table: ShownTable; label: string }) {
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800 dark:text-slate-400">
          <tr>
            {table.columns.map((c) => (
              <th key={c} className="px-3 py-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={String(row[0])} className="border-t border-slate-100 dark:border-slate-800">
              {row.map((cell, i) => (
                <td
                  key={table.columns[i]}
                  className={`px-3 py-1.5 ${i > 0 ? "tabular-nums" : "whitespace-nowrap"}`}
                >
                  {cell === null ? "—" : typeof cell === "number" ? number.format(cell) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
