"use client";

import type { QueueHistory as QueueHistoryData } from "@callboard/contracts";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { HISTORY_TEXT } from "~/lib/history-strings";
import { callsTable, serviceLevelTable } from "~/lib/history-table";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import { useFormat } from "../use-format";
import { Chart } from "./chart";
import { callsOption, serviceLevelOption } from "./chart-options";
import { CsvButton } from "./csv-button";
import { HistoryControls } from "./history-controls";
import { useHistoryParams } from "./use-history-params";

const T = HISTORY_TEXT;

const VIEWS = {
  calls: { title: T.callsChart, table: callsTable, option: callsOption, file: "calls" },
  serviceLevel: {
    title: T.slChart,
    table: serviceLevelTable,
    option: serviceLevelOption,
    file: "service-level",
  },
} as const;

/** A queue's calls, or its service level and ASA, over the chosen days: chart, totals and CSV. */
export function QueueHistory({ view }: { view: keyof typeof VIEWS }) {
  const trpc = useTRPC();
  const state = useHistoryParams();
  const { params, range } = state;
  const query = useQuery(
    trpc.history.queue.queryOptions(
      { queueId: params.queueId ?? "", range: range ?? { preset: "today" }, granularity: params.step },
      { enabled: params.queueId !== null && range !== null },
    ),
  );
  const spec = VIEWS[view];
  const data = query.data;
  const table = useMemo(() => (data ? spec.table(data) : null), [data, spec]);
  const option = useMemo(() => (table ? spec.option(table) : null), [table, spec]);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">
        {T.title}: {view === "calls" ? T.nav.calls : T.nav.serviceLevel}
      </h1>
      <HistoryControls state={state} today={data?.today} />
      <ErrorAlert error={query.error} />
      {data && table && option && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600">
              {data.name} · {T.days(data.fromDate, data.toDate, data.timeZone)}
            </p>
            <CsvButton
              table={table}
              filename={`history-${spec.file}-${data.queueId}-${data.fromDate}-${data.toDate}-${data.granularity}.csv`}
            />
          </div>
          <Chart option={option} label={`${spec.title} — ${data.name}`} />
          <Totals data={data} />
        </>
      )}
    </>
  );
}

/** The whole period's figures, by the live tiles' formulas. */
function Totals({ data }: { data: QueueHistoryData }) {
  const f = useFormat();
  const t = data.total;
  const C = T.columns;
  const cells: [string, string][] = [
    [C.offered, String(t.offered)],
    [C.answered, String(t.answered)],
    [C.abandoned, String(t.abandoned)],
    [C.shortAbandoned, String(t.shortAbandoned)],
    [C.timedOut, String(t.timedOut)],
    [C.serviceLevel, f.percent(t.serviceLevel)],
    [C.target, `${data.target.serviceLevelTarget}%`],
    [C.asa, t.asaSec === null ? "—" : t.asaSec.toFixed(1)],
  ];
  return (
    <section aria-label={T.totals} className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 text-sm font-medium text-slate-800">{T.totals}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        {cells.map(([name, value]) => (
          <div key={name} className="flex justify-between gap-2">
            <dt className="text-slate-600">{name}</dt>
            <dd className="font-medium tabular-nums text-slate-900" data-total={name}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
