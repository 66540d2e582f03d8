"use client";

import { type LiveCallRow, liveCallsByQueue, type QueueKpiView } from "@callboard/live";
import {
  type CenterRecords,
  own,
  type QueueConfig,
  type QueueSummary,
  summarizeQueue,
} from "@callboard/routing";
import { Fragment, useMemo, useState } from "react";
import { AUTO_COMPACT_ABOVE, QUEUE_VIEWS, type QueueView } from "~/lib/board-params";
import { formatElapsed, formatLeft, formatPercent, formatSeconds } from "~/lib/format";
import { naturalCompare, type QueueFacts, troubleFirst, troubleOf } from "~/lib/queue-order";
import { LIVE_CALLS_TEXT } from "./calls-text";
import { LiveCallList } from "./live-call-list";
import { useCenterSelector, useLiveSelector } from "./live-provider";

type Level = QueueKpiView["levels"]["serviceLevelToday"];

interface QueueRow extends QueueFacts {
  queue: QueueConfig;
  summary: QueueSummary;
  kpi: QueueKpiView | null;
  /** Its calls waiting or ringing, in line order. */
  calls: readonly LiveCallRow[];
}

const NO_CALLS: readonly LiveCallRow[] = [];

const VIEW_LABEL: Record<QueueView, string> = { auto: "Auto", cards: "Cards", compact: "Compact" };

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
  // A summary reads agents, calls and queues together: the whole (immutable) state is the dependency.
  const state = useCenterSelector((s) => s);
  const kpis = useLiveSelector((v) => v.kpis);
  const kpisSeq = useLiveSelector((v) => v.kpisSeq);
  const lines = useMemo(() => liveCallsByQueue(state.calls, state.agents), [state.calls, state.agents]);
  const queues = Object.values(state.queues);
  if (queues.length === 0) {
    return <p className="text-sm text-slate-500">No queues yet.</p>;
  }
  const rows: QueueRow[] = queues.map((queue) => {
    const summary = summarizeQueue(state, queue.id, now);
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
        <h2 id="queues-heading" className="text-sm font-semibold text-slate-700">
          Queues <span className="font-normal text-slate-500">{queues.length}</span>
        </h2>
        <span className="text-[11px] text-slate-500" data-testid="kpis-seq">
          {kpisSeq === null ? "KPIs: waiting for the core" : `KPIs as of seq ${kpisSeq}`}
          {compact && " · trouble first"}
        </span>
        <fieldset className="ml-auto flex overflow-hidden rounded-md border border-slate-200 text-xs">
          <legend className="sr-only">Queue view</legend>
          {QUEUE_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => onViewChange(v)}
              className={`px-2 py-0.5 ${view === v ? "bg-slate-800 text-white" : "bg-white text-slate-600 hover:bg-slate-50"}`}
            >
              {VIEW_LABEL[v]}
              {v === "auto" && <span className="sr-only"> (compact above {AUTO_COMPACT_ABOVE} queues)</span>}
            </button>
          ))}
        </fieldset>
      </div>
      <div
        className="max-h-[42vh] min-h-0 overflow-auto"
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
  const { queue, summary: s, kpi } = row;
  const alarm = s.waiting > 0 && s.eligible === 0;
  return (
    <article
      data-testid={`queue-${queue.id}`}
      className={`rounded-xl border bg-white p-3 shadow-sm ${alarm ? "border-rose-300" : "border-slate-200"}`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{queue.name}</h3>
        <span className="truncate text-xs text-slate-500" title={queue.id}>
          {queue.strategy} · {queue.groups.length} group{queue.groups.length === 1 ? "" : "s"}
        </span>
      </header>
      <dl className="mt-2 grid grid-cols-5 gap-1 text-center">
        <Stat label="Waiting" value={s.waiting} testId="waiting" tone={s.waiting > 0 ? "warn" : "calm"} />
        <Stat label="Ringing" value={s.ringing} testId="ringing" />
        <Stat label="Answering" value={s.talking} testId="talking" />
        <Stat
          label="Longest"
          value={s.longestWaitMs > 0 ? formatElapsed(s.longestWaitMs, frozen) : "—"}
          mark={
            kpi?.levels.longestWait === "alarm"
              ? { icon: "✕", word: "too long" }
              : kpi?.levels.longestWait === "warn"
                ? { icon: "▲", word: "long" }
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
          label="Can ring"
          value={`${s.eligible}/${s.members}`}
          testId="eligible"
          tone={alarm ? "alarm" : "calm"}
        />
      </dl>
      {row.calls.length > 0 && (
        <section
          className="mt-1 border-t border-slate-100 pt-1"
          aria-label={LIVE_CALLS_TEXT.expand(queue.name)}
        >
          <LiveCallList queueId={queue.id} calls={row.calls} now={now} frozen={frozen} limit={3} />
        </section>
      )}
      {alarm && (
        <p role="status" className="mt-1 text-xs font-medium text-rose-600">
          ✕ Callers waiting and no agent can take a call
        </p>
      )}
      {kpi ? (
        <KpiTable kpi={kpi} />
      ) : (
        <p className="mt-2 text-xs text-slate-500">KPIs: waiting for the core…</p>
      )}
      <p className="mt-2 truncate text-xs text-slate-500" data-testid="wrap-up">
        {wrapUpText(state, s, now, frozen)}
      </p>
      <p className="mt-0.5 text-[11px] text-slate-500" data-testid="outcomes">
        {outcomesText(s)}
      </p>
    </article>
  );
}

function wrapUpText(state: CenterRecords, s: QueueSummary, now: number, frozen: boolean): string {
  if (s.wrapUp.length === 0) return "Nobody in wrap-up";
  const name = (id: string) => own(state.agents, id)?.name ?? id;
  return `Wrap-up: ${s.wrapUp.map((w) => `${name(w.agentId)} ${formatLeft(w.until - now, frozen)}`).join(", ")}`;
}

function outcomesText(s: QueueSummary): string {
  const o = s.outcomes;
  return `${o.answered} answered · ${o.abandoned} abandoned · ${o.timed_out} timed out · ${o.rejected} rejected · ${o.closed} closed`;
}

/** Service level, ASA and abandonment for today and the window, and the staffing advice. */
function KpiTable({ kpi }: { kpi: QueueKpiView }) {
  const { today, window: win, target, levels } = kpi;
  const slTarget = `target ${target.serviceLevelTarget}% in ${target.serviceLevelSec}s`;
  return (
    <div className="mt-2 text-xs" data-testid="kpis">
      <table className="w-full">
        <caption className="sr-only">KPIs of the queue, today and the last {kpi.windowMin} minutes</caption>
        <thead>
          <tr className="text-[10px] uppercase tracking-wide text-slate-500">
            <th scope="col" className="text-left font-medium">
              <span className="sr-only">Figure</span>
            </th>
            <th scope="col" className="text-right font-medium">
              Today
            </th>
            <th scope="col" className="text-right font-medium">
              {kpi.windowMin} min
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500" title={slTarget}>
              Service level
            </th>
            <td className="text-right" data-testid="sl-today">
              <LevelFigure
                level={levels.serviceLevelToday}
                kind="sl"
                value={formatPercent(today.serviceLevel)}
              />
            </td>
            <td className="text-right" data-testid="sl-window">
              <LevelFigure
                level={levels.serviceLevelWindow}
                kind="sl"
                value={formatPercent(win.serviceLevel)}
              />
            </td>
          </tr>
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500">
              ASA
            </th>
            <td className="text-right text-slate-800" data-testid="asa-today">
              {formatSeconds(today.asaSec)}
            </td>
            <td className="text-right text-slate-800" data-testid="asa-window">
              {formatSeconds(win.asaSec)}
            </td>
          </tr>
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500">
              Abandoned
            </th>
            <td className="text-right text-slate-800" data-testid="abandon-today">
              {abandonText(today)}
            </td>
            <td className="text-right text-slate-800" data-testid="abandon-window">
              {abandonText(win)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 text-slate-600" data-testid="staffing">
        <span className="text-slate-500">Staffing</span>
        <Staffing kpi={kpi} />
      </p>
    </div>
  );
}

function abandonText(p: QueueKpiView["today"]): string {
  return p.abandonRate === null ? `${p.abandoned}` : `${p.abandoned} · ${formatPercent(p.abandonRate)}`;
}

function Staffing({ kpi }: { kpi: QueueKpiView }) {
  const { advice, levels } = kpi;
  if (advice === null) return <span className="text-slate-500">– not enough calls yet</span>;
  return (
    <>
      <span className={`font-medium ${LEVEL_TONE[levels.staffing]}`}>
        {levels.staffing === "warn" ? `▲ short ${advice.shortBy}` : "✓ enough"}
      </span>
      <span className="tabular-nums">
        needs {advice.needed} · {advice.canRing} can ring
      </span>
      <span
        className="tabular-nums text-slate-500"
        title="Erlang C, at the current staffing and the window's traffic"
      >
        predicted SL {formatPercent(advice.predictedServiceLevel)}
      </span>
    </>
  );
}

const LEVEL_TONE: Record<Level, string> = {
  ok: "text-emerald-700",
  warn: "text-amber-700",
  alarm: "text-rose-700",
  none: "text-slate-500",
};

/** A figure coloured by the server's level and said in a word and a symbol (colour-blind safe). */
function LevelFigure({ level, value, kind }: { level: Level; value: string; kind: "sl" | "wait" }) {
  const word =
    level === "ok"
      ? kind === "sl"
        ? "on target"
        : "ok"
      : level === "alarm"
        ? kind === "sl"
          ? "below target"
          : "too long"
        : level === "warn"
          ? "long"
          : "no calls yet";
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
      className="w-full rounded-xl border border-slate-200 bg-white text-xs shadow-sm"
      data-testid="queues-table"
    >
      <thead className="sticky top-0 bg-slate-50 text-[10px] uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-2 py-1 text-left font-semibold">
            Queue
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            Waiting
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            Longest
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            Can ring
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            Ringing · talking
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            SL today
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            SL window
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            ASA today
          </th>
          <th scope="col" className="px-2 text-right font-semibold">
            Abandoned today
          </th>
          <th scope="col" className="px-2 text-left font-semibold">
            Staffing
          </th>
          <th scope="col" className="px-2 text-left font-semibold">
            Wrap-up
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((row) => {
          const { queue, summary: s, kpi } = row;
          const trouble = troubleOf(row);
          const open = expanded.has(queue.id) && row.calls.length > 0;
          return (
            <Fragment key={queue.id}>
              <tr
                data-testid={`queue-${queue.id}`}
                data-trouble={trouble}
                className={trouble === 0 ? "bg-rose-50" : trouble === 1 ? "bg-amber-50/60" : ""}
              >
                <th scope="row" className="max-w-[14rem] px-2 py-1 text-left font-medium text-slate-900">
                  <span className="block truncate" title={`${queue.name} (${queue.id})`}>
                    {trouble === 0 && (
                      <span
                        className="mr-1 text-rose-700"
                        title="Callers waiting and no agent can take a call"
                      >
                        ✕<span className="sr-only">Callers waiting and nobody can ring:</span>
                      </span>
                    )}
                    {queue.name}
                  </span>
                  <span
                    className="block truncate text-[10px] font-normal text-slate-500"
                    data-testid="outcomes"
                  >
                    {outcomesText(s)}
                  </span>
                </th>
                <td className={`px-2 text-right ${s.waiting > 0 ? "font-semibold text-amber-700" : ""}`}>
                  {row.calls.length > 0 ? (
                    <button
                      type="button"
                      className="underline decoration-dotted"
                      aria-expanded={open}
                      aria-controls={open ? `live-calls-row-${queue.id}` : undefined}
                      title={LIVE_CALLS_TEXT.expand(queue.name)}
                      onClick={() => onToggle(queue.id)}
                    >
                      <span data-testid="waiting">{s.waiting}</span>
                      <span aria-hidden> {open ? "▾" : "▸"}</span>
                      <span className="sr-only">{LIVE_CALLS_TEXT.expand(queue.name)}</span>
                    </button>
                  ) : (
                    <span data-testid="waiting">{s.waiting}</span>
                  )}
                </td>
                <td className="px-2 text-right" data-testid="longest-wait">
                  {s.longestWaitMs > 0 ? formatElapsed(s.longestWaitMs, frozen) : "—"}
                </td>
                <td
                  className={`px-2 text-right ${trouble === 0 ? "font-semibold text-rose-700" : ""}`}
                  data-testid="eligible"
                >
                  {s.eligible}/{s.members}
                </td>
                <td className="px-2 text-right">
                  <span data-testid="ringing">{s.ringing}</span> ·{" "}
                  <span data-testid="talking">{s.talking}</span>
                </td>
                <td className="px-2 text-right" data-testid="sl-today">
                  {kpi ? (
                    <LevelFigure
                      level={kpi.levels.serviceLevelToday}
                      kind="sl"
                      value={formatPercent(kpi.today.serviceLevel)}
                    />
                  ) : (
                    "…"
                  )}
                </td>
                <td className="px-2 text-right" data-testid="sl-window">
                  {kpi ? (
                    <LevelFigure
                      level={kpi.levels.serviceLevelWindow}
                      kind="sl"
                      value={formatPercent(kpi.window.serviceLevel)}
                    />
                  ) : (
                    "…"
                  )}
                </td>
                <td className="px-2 text-right" data-testid="asa-today">
                  {kpi ? formatSeconds(kpi.today.asaSec) : "…"}
                </td>
                <td className="px-2 text-right" data-testid="abandon-today">
                  {kpi ? abandonText(kpi.today) : "…"}
                </td>
                <td className="whitespace-nowrap px-2" data-testid="staffing">
                  {kpi ? <Staffing kpi={kpi} /> : "…"}
                </td>
                <td className="max-w-[12rem] truncate px-2 text-slate-500" data-testid="wrap-up">
                  {s.wrapUp.length === 0 ? "—" : wrapUpText(state, s, now, frozen).replace("Wrap-up: ", "")}
                </td>
              </tr>
              {open && (
                <tr id={`live-calls-row-${queue.id}`} className="bg-slate-50/60">
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
  const color = tone === "alarm" ? "text-rose-600" : tone === "warn" ? "text-amber-600" : "text-slate-900";
  return (
    <div>
      <dt className="text-[10px] uppercase tracking-wide text-slate-500">{label}</dt>
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
