"use client";

import { type LiveCallRow, liveCallsByQueue, type QueueKpiView } from "@callboard/live";
import {
  type CenterRecords,
  own,
  type QueueConfig,
  type QueueSummary,
  summarizeQueues,
} from "@callboard/routing";
import { useTranslations } from "next-intl";
import { Fragment, useMemo, useState } from "react";
import type { Translate } from "~/i18n/types";
import { AUTO_COMPACT_ABOVE, QUEUE_VIEWS, type QueueView } from "~/lib/board-params";
import type { Format } from "~/lib/format";
import { naturalCompare, type QueueFacts, troubleFirst, troubleOf } from "~/lib/queue-order";
import { LiveCallList } from "./live-call-list";
import { useCenterSelector, useLiveSelector } from "./live-provider";
import { useFormat } from "./use-format";

type Level = QueueKpiView["levels"]["serviceLevelToday"];

interface QueueRow extends QueueFacts {
  queue: QueueConfig;
  summary: QueueSummary;
  kpi: QueueKpiView | null;
  /** Its calls waiting or ringing, in line order. */
  calls: readonly LiveCallRow[];
}

const NO_CALLS: readonly LiveCallRow[] = [];

const VIEW_LABEL = { auto: "viewAuto", cards: "viewCards", compact: "viewCompact" } as const satisfies Record<
  QueueView,
  string
>;

/**
 * Every queue: who is waiting and for how long, who can take a call, and its KPIs as the server
 * computed them (service level, ASA, abandonment, today and the window; the staffing advisor).
 * Cards for a few queues; a compact row per queue, trouble first, for many.
 */
export function QueuePanel({
  now,
  frozen,
  view,
  onViewChange,
}: {
  now: number;
  frozen: boolean;
  view: QueueView;
  onViewChange: (view: QueueView) => void;
}) {
  const t = useTranslations("queues");
  // A summary reads agents, calls and queues together: the whole (immutable) state is the dependency.
  const state = useCenterSelector((s) => s);
  const kpis = useLiveSelector((v) => v.kpis);
  const kpisSeq = useLiveSelector((v) => v.kpisSeq);
  const lines = useMemo(() => liveCallsByQueue(state.calls, state.agents), [state.calls, state.agents]);
  const queues = Object.values(state.queues);
  if (queues.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>;
  }
  const summaries = summarizeQueues(
    state,
    queues.map((queue) => queue.id),
    now,
  );
  const rows: QueueRow[] = queues.map((queue) => {
    const summary = summaries.get(queue.id)!;
    const kpi = own(kpis, queue.id) ?? null;
    return {
      id: queue.id,
      name: queue.name,
      waiting: summary.waiting,
      eligible: summary.eligible,
      longestWaitMs: summary.longestWaitMs,
      longestWaitAmberSec: queue.longestWaitAmberSec,
      serviceLevelBelowTarget:
        kpi?.levels.serviceLevelToday === "alarm" || kpi?.levels.serviceLevelWindow === "alarm",
      queue,
      summary,
      kpi,
      calls: lines.get(queue.id) ?? NO_CALLS,
    };
  });
  const compact = view === "compact" || (view === "auto" && queues.length > AUTO_COMPACT_ABOVE);
  return (
    <section aria-labelledby="queues-heading" className="flex min-h-0 flex-col gap-2">
      <div className="flex items-center gap-3">
        <h2 id="queues-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          {t("heading")}{" "}
          <span className="font-normal text-slate-500 dark:text-slate-400">{queues.length}</span>
        </h2>
        <span className="text-[11px] text-slate-500 dark:text-slate-400" data-testid="kpis-seq">
          {kpisSeq === null ? t("kpisWaiting") : t("kpisAsOf", { seq: kpisSeq })}
          {compact && t("troubleFirst")}
        </span>
        <fieldset className="ml-auto flex overflow-hidden rounded-md border border-slate-200 dark:border-slate-700 text-xs">
          <legend className="sr-only">{t("viewLegend")}</legend>
          {QUEUE_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => onViewChange(v)}
              className={`px-2 py-0.5 ${view === v ? "bg-slate-800 dark:bg-sky-800 text-white" : "bg-white dark:bg-slate-900 text-slate-600 dark:text-slate-400 hover:bg-slate-50 dark:hover:bg-slate-800"}`}
            >
              {t(VIEW_LABEL[v])}
              {v === "auto" && (
                <span className="sr-only">{t("autoHint", { count: AUTO_COMPACT_ABOVE })}</span>
              )}
            </button>
          ))}
        </fieldset>
      </div>
      <div
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll overflowing queues (cards hold no control)
        tabIndex={0}
        className="max-h-[42vh] min-h-0 overflow-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400"
        data-testid="queues-panel"
        data-view={compact ? "compact" : "cards"}
      >
        {compact ? (
          <CompactQueues rows={troubleFirst(rows)} state={state} now={now} frozen={frozen} />
        ) : (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {[...rows]
              .sort((a, b) => naturalCompare(a.name, b.name))
              .map((row) => (
                <QueueCard key={row.id} row={row} state={state} now={now} frozen={frozen} />
              ))}
          </div>
        )}
      </div>
    </section>
  );
}

function QueueCard({
  row,
  state,
  now,
  frozen,
}: {
  row: QueueRow;
  state: CenterRecords;
  now: number;
  frozen: boolean;
}) {
  const tLive = useTranslations("liveCalls");
  const t = useTranslations("queues");
  const f = useFormat();
  const { queue, summary: s, kpi } = row;
  const alarm = s.waiting > 0 && s.eligible === 0;
  return (
    <article
      data-testid={`queue-${queue.id}`}
      className={`rounded-xl border bg-white dark:bg-slate-900 p-3 shadow-sm ${alarm ? "border-rose-300 dark:border-rose-700" : "border-slate-200 dark:border-slate-700"}`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900 dark:text-slate-100">{queue.name}</h3>
        <span className="truncate text-xs text-slate-500 dark:text-slate-400" title={queue.id}>
          {t("groups", { strategy: queue.strategy, count: queue.groups.length })}
        </span>
      </header>
      <dl className="mt-2 grid grid-cols-5 gap-1 text-center">
        <Stat
          label={t("waiting")}
          value={s.waiting}
          testId="waiting"
          tone={s.waiting > 0 ? "warn" : "calm"}
        />
        <Stat label={t("ringing")} value={s.ringing} testId="ringing" />
        <Stat label={t("answering")} value={s.talking} testId="talking" />
        <Stat
          label={t("longest")}
          value={s.longestWaitMs > 0 ? f.elapsed(s.longestWaitMs, frozen) : "—"}
          mark={
            kpi?.levels.longestWait === "alarm"
              ? { icon: "✕", word: t("tooLong") }
              : kpi?.levels.longestWait === "warn"
                ? { icon: "▲", word: t("long") }
                : undefined
          }
          testId="longest-wait"
          tone={
            kpi?.levels.longestWait === "alarm"
              ? "alarm"
              : kpi?.levels.longestWait === "warn"
                ? "warn"
                : "calm"
          }
        />
        <Stat
          label={t("canRing")}
          value={`${s.eligible}/${s.members}`}
          testId="eligible"
          tone={alarm ? "alarm" : "calm"}
        />
      </dl>
      {row.calls.length > 0 && (
        <section
          className="mt-1 border-t border-slate-100 dark:border-slate-800 pt-1"
          aria-label={tLive("expand", { queue: queue.name })}
        >
          <LiveCallList queueId={queue.id} calls={row.calls} now={now} frozen={frozen} limit={3} />
        </section>
      )}
      {alarm && (
        <p role="status" className="mt-1 text-xs font-medium text-rose-600 dark:text-rose-400">
          {t("nobodyCanRing")}
        </p>
      )}
      {kpi ? (
        <KpiTable kpi={kpi} />
      ) : (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("kpisLoading")}</p>
      )}
      <p className="mt-2 truncate text-xs text-slate-500 dark:text-slate-400" data-testid="wrap-up">
        {wrapUpText(t, f, state, s, now, frozen)}
      </p>
      <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400" data-testid="outcomes">
        {outcomesText(t, s)}
      </p>
    </article>
  );
}

/** "Lan 12s, Minh 40s": who is in wrap-up and for how much longer. */
function wrapUpList(f: Format, state: CenterRecords, s: QueueSummary, now: number, frozen: boolean): string {
  const name = (id: string) => own(state.agents, id)?.name ?? id;
  return s.wrapUp.map((w) => `${name(w.agentId)} ${f.left(w.until - now, frozen)}`).join(", ");
}

function wrapUpText(
  t: Translate<"queues">,
  f: Format,
  state: CenterRecords,
  s: QueueSummary,
  now: number,
  frozen: boolean,
): string {
  if (s.wrapUp.length === 0) return t("nobodyInWrapUp");
  return t("wrapUpList", { list: wrapUpList(f, state, s, now, frozen) });
}

function outcomesText(t: Translate<"queues">, s: QueueSummary): string {
  const o = s.outcomes;
  return t("outcomes", {
    answered: o.answered,
    abandoned: o.abandoned,
    timedOut: o.timed_out,
    rejected: o.rejected,
    closed: o.closed,
  });
}

/** Service level, ASA and abandonment for today and the window, and the staffing advice. */
function KpiTable({ kpi }: { kpi: QueueKpiView }) {
  const t = useTranslations("queues");
  const f = useFormat();
  const { today, window: win, target, levels } = kpi;
  const slTarget = t("slTarget", { target: target.serviceLevelTarget, seconds: target.serviceLevelSec });
  return (
    <div className="mt-2 text-xs" data-testid="kpis">
      <table className="w-full">
        <caption className="sr-only">{t("kpiCaption", { minutes: kpi.windowMin })}</caption>
        <thead>
          <tr className="text-[10px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <th scope="col" className="text-left font-medium">
              <span className="sr-only">{t("figure")}</span>
            </th>
            <th scope="col" className="text-right font-medium">
              {t("today")}
            </th>
            <th scope="col" className="text-right font-medium">
              {t("windowMin", { minutes: kpi.windowMin })}
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr>
            <th
              scope="row"
              className="text-left font-normal text-slate-500 dark:text-slate-400"
              title={slTarget}
            >
              {t("serviceLevel")}
            </th>
            <td className="text-right" data-testid="sl-today">
              <LevelFigure level={levels.serviceLevelToday} kind="sl" value={f.percent(today.serviceLevel)} />
            </td>
            <td className="text-right" data-testid="sl-window">
              <LevelFigure level={levels.serviceLevelWindow} kind="sl" value={f.percent(win.serviceLevel)} />
            </td>
          </tr>
          <tr>
            <th
              scope="row"
              className="text-left font-normal text-slate-500 dark:text-slate-400"
              title={t("asaTitle")}
            >
              {t("asa")}
            </th>
            <td className="text-right text-slate-800 dark:text-slate-200" data-testid="asa-today">
              {f.seconds(today.asaSec)}
            </td>
            <td className="text-right text-slate-800 dark:text-slate-200" data-testid="asa-window">
              {f.seconds(win.asaSec)}
            </td>
          </tr>
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500 dark:text-slate-400">
              {t("abandoned")}
            </th>
            <td className="text-right text-slate-800 dark:text-slate-200" data-testid="abandon-today">
              {abandonText(f, today)}
            </td>
            <td className="text-right text-slate-800 dark:text-slate-200" data-testid="abandon-window">
              {abandonText(f, win)}
            </td>
          </tr>
        </tbody>
      </table>
      <p
        className="mt-1 flex flex-wrap items-center gap-x-2 text-slate-600 dark:text-slate-400"
        data-testid="staffing"
      >
        <span className="text-slate-500 dark:text-slate-400">{t("staffing")}</span>
        <Staffing kpi={kpi} />
      </p>
    </div>
  );
}

function abandonText(f: Format, p: QueueKpiView["today"]): string {
  return p.abandonRate === null
    ? f.count(p.abandoned)
    : `${f.count(p.abandoned)} · ${f.percent(p.abandonRate)}`;
}

function Staffing({ kpi }: { kpi: QueueKpiView }) {
  const t = useTranslations("queues");
  const f = useFormat();
  const { advice, levels } = kpi;
  if (advice === null)
    return <span className="text-slate-500 dark:text-slate-400">{t("notEnoughCalls")}</span>;
  return (
    <>
      <span className={`font-medium ${LEVEL_TONE[levels.staffing]}`}>
        {levels.staffing === "warn" ? t("short", { count: advice.shortBy }) : t("enough")}
      </span>
      <span className="tabular-nums">{t("needs", { needed: advice.needed, canRing: advice.canRing })}</span>
      <span className="tabular-nums text-slate-500 dark:text-slate-400" title={t("predictedTitle")}>
        {t("predicted", { value: f.percent(advice.predictedServiceLevel) })}
      </span>
    </>
  );
}

const LEVEL_TONE: Record<Level, string> = {
  ok: "text-emerald-700 dark:text-emerald-300",
  warn: "text-amber-700 dark:text-amber-300",
  alarm: "text-rose-700 dark:text-rose-300",
  none: "text-slate-500 dark:text-slate-400",
};

/** A figure coloured by the server's level and said in a word and a symbol (colour-blind safe). */
/** A compact row's service level for today or the KPI window, judged against the queue's target; "…" until KPIs arrive. */
function ServiceLevelCell({
  f,
  kpi,
  span,
}: {
  f: Format;
  kpi: QueueKpiView | null;
  span: "today" | "window";
}) {
  return (
    <td className="px-2 text-right" data-testid={`sl-${span}`}>
      {kpi ? (
        <LevelFigure
          level={span === "today" ? kpi.levels.serviceLevelToday : kpi.levels.serviceLevelWindow}
          kind="sl"
          value={f.percent(kpi[span].serviceLevel)}
        />
      ) : (
        "…"
      )}
    </td>
  );
}

function LevelFigure({ level, value, kind }: { level: Level; value: string; kind: "sl" | "wait" }) {
  const t = useTranslations("queues");
  const word = t(
    level === "ok"
      ? kind === "sl"
        ? "onTarget"
        : "ok"
      : level === "alarm"
        ? kind === "sl"
          ? "belowTarget"
          : "tooLong"
        : level === "warn"
          ? "long"
          : "noCallsYet",
  );
  const icon = level === "ok" ? "✓" : level === "alarm" ? "✕" : level === "warn" ? "▲" : "";
  return (
    <span className={`font-semibold ${LEVEL_TONE[level]}`} data-level={level} title={word}>
      {value}
      {icon && (
        <span aria-hidden className="ml-1">
          {icon}
        </span>
      )}
      <span className="sr-only"> ({word})</span>
    </span>
  );
}

/** A row per queue, trouble first: for centers with more queues than cards can show. */
function CompactQueues({
  rows,
  state,
  now,
  frozen,
}: {
  rows: QueueRow[];
  state: CenterRecords;
  now: number;
  frozen: boolean;
}) {
  const tLive = useTranslations("liveCalls");
  const t = useTranslations("queues");
  const f = useFormat();
  // Which queues show their live calls under their row.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const onToggle = (queueId: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(queueId)) next.add(queueId);
      return next;
    });
  return (
    <table
      className="w-full rounded-xl border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-xs shadow-sm"
      data-testid="queues-table"
    >
      <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800 text-[10px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th scope="col" className="px-2 py-1 text-left font-semibold">
            {t("queue")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("waiting")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("longest")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("canRing")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("ringingTalking")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("slToday")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("slWindow")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("asaToday")}
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            {t("abandonedToday")}
          </th>
          <th scope="col" className="px-2 text-left font-semibold">
            {t("staffing")}
          </th>
          <th scope="col" className="px-2 text-left font-semibold">
            {t("wrapUp")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800 tabular-nums">
        {rows.map((row) => {
          const { queue, summary: s, kpi } = row;
          const trouble = troubleOf(row);
          const open = expanded.has(queue.id) && row.calls.length > 0;
          return (
            <Fragment key={queue.id}>
              <tr
                data-testid={`queue-${queue.id}`}
                data-trouble={trouble}
                className={
                  trouble === 0
                    ? "bg-rose-50 dark:bg-rose-950"
                    : trouble === 1
                      ? "bg-amber-50/60 dark:bg-amber-950/60"
                      : ""
                }
              >
                <th
                  scope="row"
                  className="max-w-[14rem] px-2 py-1 text-left font-medium text-slate-900 dark:text-slate-100"
                >
                  <span className="block truncate" title={`${queue.name} (${queue.id})`}>
                    {trouble === 0 && (
                      <span className="mr-1 text-rose-700 dark:text-rose-300" title={t("nobodyCanRingTitle")}>
                        ✕<span className="sr-only">{t("nobodyCanRingSr")}</span>
                      </span>
                    )}
                    {queue.name}
                  </span>
                  <span
                    className="block truncate text-[10px] font-normal text-slate-500 dark:text-slate-400"
                    data-testid="outcomes"
                  >
                    {outcomesText(t, s)}
                  </span>
                </th>
                <td
                  className={`px-2 text-right ${s.waiting > 0 ? "font-semibold text-amber-700 dark:text-amber-300" : ""}`}
                >
                  {row.calls.length > 0 ? (
                    <button
                      type="button"
                      className="underline decoration-dotted"
                      aria-expanded={open}
                      aria-controls={open ? `live-calls-row-${queue.id}` : undefined}
                      title={tLive("expand", { queue: queue.name })}
                      onClick={() => onToggle(queue.id)}
                    >
                      <span data-testid="waiting">{s.waiting}</span>
                      <span aria-hidden> {open ? "▾" : "▸"}</span>
                      <span className="sr-only">{tLive("expand", { queue: queue.name })}</span>
                    </button>
                  ) : (
                    <span data-testid="waiting">{s.waiting}</span>
                  )}
                </td>
                <td className="px-2 text-right" data-testid="longest-wait">
                  {s.longestWaitMs > 0 ? f.elapsed(s.longestWaitMs, frozen) : "—"}
                </td>
                <td
                  className={`px-2 text-right ${trouble === 0 ? "font-semibold text-rose-700 dark:text-rose-300" : ""}`}
                  data-testid="eligible"
                >
                  {s.eligible}/{s.members}
                </td>
                <td className="px-2 text-right">
                  <span data-testid="ringing">{s.ringing}</span> ·{" "}
                  <span data-testid="talking">{s.talking}</span>
                </td>
                <ServiceLevelCell f={f} kpi={kpi} span="today" />
                <ServiceLevelCell f={f} kpi={kpi} span="window" />
                <td className="px-2 text-right" data-testid="asa-today">
                  {kpi ? f.seconds(kpi.today.asaSec) : "…"}
                </td>
                <td className="px-2 text-right" data-testid="abandon-today">
                  {kpi ? abandonText(f, kpi.today) : "…"}
                </td>
                <td className="whitespace-nowrap px-2" data-testid="staffing">
                  {/* The advice is three parts (verdict, needs · can ring, predicted SL): spaced apart, as in the cards. */}
                  <span className="inline-flex items-baseline gap-x-2">
                    {kpi ? <Staffing kpi={kpi} /> : "…"}
                  </span>
                </td>
                <td
                  className="max-w-[12rem] truncate px-2 text-slate-500 dark:text-slate-400"
                  data-testid="wrap-up"
                >
                  {s.wrapUp.length === 0 ? "—" : wrapUpList(f, state, s, now, frozen)}
                </td>
              </tr>
              {open && (
                <tr id={`live-calls-row-${queue.id}`} className="bg-slate-50/60 dark:bg-slate-900/60">
                  <td colSpan={11} className="px-6 py-1">
                    <LiveCallList queueId={queue.id} calls={row.calls} now={now} frozen={frozen} limit={10} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function Stat({
  label,
  value,
  testId,
  tone = "calm",
  mark,
}: {
  label: string;
  value: string | number;
  testId: string;
  tone?: "calm" | "warn" | "alarm";
  /** Said beside the colour, for who cannot tell amber from red. */
  mark?: { icon: string; word: string };
}) {
  const color =
    tone === "alarm"
      ? "text-rose-600 dark:text-rose-400"
      : tone === "warn"
        ? "text-amber-600 dark:text-amber-400"
        : "text-slate-900 dark:text-slate-100";
  return (
    <div>
      <dt className="text-[10px] uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
        {mark && (
          <span className="ml-0.5 text-xs" title={mark.word}>
            <span aria-hidden>{mark.icon}</span>
            <span className="sr-only"> ({mark.word})</span>
          </span>
        )}
      </dd>
    </div>
  );
}
