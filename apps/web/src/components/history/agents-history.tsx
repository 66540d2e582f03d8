"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { HISTORY_TEXT } from "~/lib/history-strings";
import { agentSeriesTable, agentsTable, type ChartTable } from "~/lib/history-table";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import { Chart } from "./chart";
import { agentStatesOption } from "./chart-options";
import { CsvButton } from "./csv-button";
import { HistoryControls } from "./history-controls";
import { useHistoryParams } from "./use-history-params";

const T = HISTORY_TEXT;

/** Each member's time in each state and calls handled; one member over time when chosen. */
export function AgentsHistory() {
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
  const members = useMemo(() => (data ? agentsTable(data) : null), [data]);
  const series = useMemo(() => (data ? agentSeriesTable(data) : null), [data]);
  const shown: ChartTable | null = series ?? members;
  const option = useMemo(() => (shown ? agentStatesOption(shown, series === null) : null), [shown, series]);
  const height = series === null && members ? Math.max(240, 48 + members.rows.length * 28) : 360;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">
        {T.title}: {T.nav.agents}
      </h1>
      <HistoryControls state={state} today={data?.today}>
        <label className="flex flex-col gap-1 text-slate-700">
          {T.agent}
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1"
            value={params.agentId ?? ""}
            onChange={(e) => set({ agentId: e.target.value || null })}
          >
            <option value="">{T.allMembers}</option>
            {(data?.agents ?? []).map((a) => (
              <option key={a.agentId} value={a.agentId}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </HistoryControls>
      <ErrorAlert error={query.error} />
      {data && shown && option && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600">{T.days(data.fromDate, data.toDate, data.timeZone)}</p>
            <CsvButton
              table={shown}
              filename={`history-agents-${data.queueId}${data.series ? `-${data.series.agentId}` : ""}-${data.fromDate}-${data.toDate}.csv`}
            />
          </div>
          <Chart
            option={option}
            height={height}
            label={data.series ? T.agentChart(data.series.name) : T.agentsChart}
          />
          {members && <FiguresTable table={members} label={T.agentsChart} />}
        </>
      )}
    </>
  );
}

function FiguresTable({ table, label }: { table: ChartTable; label: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
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
            <tr key={String(row[0])} className="border-t border-slate-100">
              {row.map((cell, i) => (
                <td key={table.columns[i]} className={`px-3 py-1.5 ${i > 0 ? "tabular-nums" : ""}`}>
                  {cell ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
