"use client";

import type { QueueHistory as QueueHistoryData } from "@callboard/contracts";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { callsTable, serviceLevelTable } from "~/lib/history-table";
import { rangeRefusalOfError } from "~/lib/range-refusal";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import { useFormat } from "../use-format";
import { Chart } from "./chart";
import { callsOption, serviceLevelOption } from "./chart-options";
import { CsvButton } from "./csv-button";
import { HistoryControls } from "./history-controls";
import { PeriodLine } from "./period-line";
import { useHistoryParams } from "./use-history-params";
import { useChartLook, useShownTable } from "./use-shown-table";

const VIEWS = {
  calls: { nav: "calls", title: "callsChart", table: callsTable, option: callsOption, file: "calls" },
  serviceLevel: {
    nav: "serviceLevel",
    title: "slChart",
    table: serviceLevelTable,
    option: serviceLevelOption,
    file: "service-level",
  },
} as const;

/** A queue's calls, or its service level and ASA, over the chosen days: chart, totals and CSV. */
export function QueueHistory({ view }: { view: keyof typeof VIEWS }) {
  const t = useTranslations("history");
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
  const look = useChartLook();
  const table = useMemo(() => (data ? spec.table(data) : null), [data, spec]);
  const shown = useShownTable(table, params.step, data?.timeZone, data?.fromDate === data?.toDate);
  const option = useMemo(() => (shown ? spec.option(shown, look) : null), [shown, spec, look]);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">
        {t("title")}: {t(`nav.${spec.nav}`)}
      </h1>
      <HistoryControls state={state} today={data?.today} refused={query.error} />
      <ErrorAlert error={rangeRefusalOfError(query.error) ? null : query.error} />
      {data && table && option && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {data.name} · <PeriodLine from={data.fromDate} to={data.toDate} zone={data.timeZone} />
            </p>
            <CsvButton
              table={table}
              filename={`history-${spec.file}-${data.queueId}-${data.fromDate}-${data.toDate}-${data.granularity}.csv`}
            />
          </div>
          {data.total.offered === 0 && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {t("noCalls")}
            </p>
          )}
          <Chart option={option} label={t("chartOf", { chart: t(spec.title), queue: data.name })} />
          <Totals data={data} />
        </>
      )}
    </>
  );
}

/** The whole period's figures, by the live tiles' formulas. */
function Totals({ data }: { data: QueueHistoryData }) {
  const t = useTranslations("history");
  const f = useFormat();
  const locale = useLocale();
  const tenths = useMemo(
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    [locale],
  );
  const total = data.total;
  const cells: [string, string, string][] = [
    ["offered", t("columns.offered"), f.count(total.offered)],
    ["answered", t("columns.answered"), f.count(total.answered)],
    ["abandoned", t("columns.abandoned"), f.count(total.abandoned)],
    ["shortAbandoned", t("columns.shortAbandoned"), f.count(total.shortAbandoned)],
    ["timedOut", t("columns.timedOut"), f.count(total.timedOut)],
    ["serviceLevel", t("columns.serviceLevel"), f.percent(total.serviceLevel)],
    ["target", t("columns.target"), f.percent(data.target.serviceLevelTarget / 100)],
    ["asa", t("columns.asa"), total.asaSec === null ? "—" : tenths.format(total.asaSec)],
  ];
  return (
    <section
      aria-label={t("totals")}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">{t("totals")}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        {cells.map(([key, name, value]) => (
          <div key={key} className="flex justify-between gap-2">
            <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
            <dd className="font-medium tabular-nums text-slate-900 dark:text-slate-100" data-total={key}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
