"use client";

import type { Decision } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { CandidateTable } from "../decision-feed";
import { Chart } from "../history/chart";
import { useFormat } from "../use-format";
import type { RunFigures, WhatIfComparison } from "./what-if-types";

const cell = "px-3 py-1.5 text-right tabular-nums";

/** The comparison: figures side by side, waiting calls over the period, and the first decisions that differ. */
export function WhatIfResultView({ result, ms }: { result: WhatIfComparison; ms: number }) {
  const t = useTranslations("whatIf");
  const f = useFormat();
  const rows: { label: string; value: (r: RunFigures) => string }[] = [
    { label: t("kpi.serviceLevel"), value: (r) => f.percent(r.kpi.serviceLevel) },
    { label: t("kpi.asa"), value: (r) => f.seconds(r.kpi.asaSec === null ? null : Math.round(r.kpi.asaSec)) },
    {
      label: t("kpi.abandonment"),
      value: (r) =>
        t("kpi.abandonedOf", { rate: f.percent(r.kpi.abandonRate), count: f.count(r.kpi.abandoned) }),
    },
    { label: t("kpi.occupancy"), value: (r) => f.percent(r.kpi.occupancy) },
    {
      label: t("kpi.callsPerAgent"),
      value: (r) =>
        r.callsPerAgent === null
          ? "—"
          : t("kpi.perAgent", {
              calls: f.count(Math.round(r.callsPerAgent * 10) / 10),
              agents: r.answeredBy.length,
            }),
    },
    { label: t("kpi.answered"), value: (r) => f.count(r.kpi.answered) },
    { label: t("kpi.offered"), value: (r) => f.count(r.kpi.offered) },
  ];
  const name = (id: string) => result.names[id] ?? id;
  return (
    <div className="space-y-4" data-testid="what-if-result">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("ranIn", {
          from: f.dateTime(result.from),
          to: f.dateTime(result.to),
          seconds: f.count(Math.round(ms / 100) / 10),
        })}
        {result.agents.added.length > 0 &&
          ` ${t("added", { agents: result.agents.added.map((a) => `${a.id} (${name(a.copies)})`).join(", ") })}`}
        {result.agents.removed.length > 0 &&
          ` ${t("removed", { agents: result.agents.removed.map(name).join(", ") })}`}
      </p>
      <table className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-700 dark:bg-slate-900">
        <caption className="p-2 text-left font-medium text-slate-800 dark:text-slate-200">
          {t("figures")}
        </caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th className="px-3 py-1.5 text-left font-medium">{t("figure")}</th>
            <th className={`${cell} font-medium`}>{t("real")}</th>
            <th className={`${cell} font-medium`}>{t("whatIf")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {row.label}
              </th>
              <td className={cell}>{row.value(result.real)}</td>
              <td className={`${cell} font-medium`}>{row.value(result.whatIf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WaitingChart result={result} />
      <Differences result={result} name={name} />
    </div>
  );
}

function WaitingChart({ result }: { result: WhatIfComparison }) {
  const t = useTranslations("whatIf");
  const f = useFormat();
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      xAxis: {
        type: "category",
        data: result.real.waiting.map((_, i) => f.clock(result.from + i * result.sampleMs)),
      },
      yAxis: { type: "value", name: t("calls"), minInterval: 1 },
      series: [
        {
          type: "line",
          name: t("real"),
          data: result.real.waiting,
          step: "end",
          showSymbol: false,
          itemStyle: { color: "#64748b" },
          // Wide and solid under a dashed what-if: where the runs agree, both stay visible.
          lineStyle: { color: "#64748b", width: 4, opacity: 0.6 },
        },
        {
          type: "line",
          name: t("whatIf"),
          data: result.whatIf.waiting,
          step: "end",
          showSymbol: false,
          itemStyle: { color: "#0369a1" },
          lineStyle: { color: "#0369a1", width: 2, type: "dashed" },
        },
      ],
    }),
    [result, f, t],
  );
  return <Chart option={option} label={t("waitingChart")} height={280} />;
}

function Differences({ result, name }: { result: WhatIfComparison; name: (id: string) => string }) {
  const t = useTranslations("whatIf");
  const f = useFormat();
  const { decisions } = result;
  return (
    <section className="space-y-3">
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{t("decisions")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("differing", {
          differing: decisions.differing,
          real: f.count(decisions.real),
          whatIf: f.count(decisions.whatIf),
        })}
      </p>
      {decisions.first.map((diff) => (
        <article
          key={`${diff.callId}#${diff.attempt}`}
          className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
          data-testid="what-if-difference"
        >
          <h3 className="mb-2 text-sm font-medium">
            {t("decisionHeading", { callId: diff.callId, attempt: diff.attempt, time: f.clock(diff.at) })}
          </h3>
          <div className="grid gap-3 md:grid-cols-2">
            <Side title={t("real")} decision={diff.real} name={name} />
            <Side title={t("whatIf")} decision={diff.whatIf} name={name} />
          </div>
        </article>
      ))}
    </section>
  );
}

function Side({
  title,
  decision,
  name,
}: {
  title: string;
  decision: Decision | null;
  name: (id: string) => string;
}) {
  const t = useTranslations("whatIf");
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">
        {title}:{" "}
        {decision === null ? t("notDecided") : t("rang", { agents: decision.agentIds.map(name).join(", ") })}
      </p>
      {decision && <CandidateTable decision={decision} name={name} />}
    </div>
  );
}
