"use client";

import type { DecisionSummary } from "@callboard/contracts";
import { candidatesOf, type Decision, own, type Reason, type Verdict } from "@callboard/routing";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Translate } from "~/i18n/types";
import { CANDIDATE_PAGE, type Candidate, splitCandidates } from "~/lib/candidates";
import { describeChosen, describeKey } from "~/lib/describe";
import type { CallboardClient } from "~/lib/trpc";
import { CallTimeline } from "./call-timeline";
import { useCallboardClient, useCenterSelector } from "./live-provider";
import { reasonText } from "./reason-labels";
import { useFormat } from "./use-format";

const VERDICT_TONE: Record<Verdict, string> = {
  CHOSEN: "text-emerald-700 dark:text-emerald-300",
  RANKED_LOWER: "text-slate-600 dark:text-slate-400",
  NOT_ELIGIBLE: "text-rose-700 dark:text-rose-300",
  BACKUP_HELD: "text-amber-700 dark:text-amber-300",
};

/**
 * The latest routing decisions, as the live stream summarizes them (who rang, counts by verdict);
 * opening one fetches its full candidate table from the log (decisions.byCall) and the call's timeline.
 */
export function DecisionFeed({ now, frozen = false }: { now: number; frozen?: boolean }) {
  const t = useTranslations("decisions");
  const words = useTranslations("describe");
  const f = useFormat();
  const client = useCallboardClient();
  const decisions = useCenterSelector((state) => state.decisions);
  const agents = useCenterSelector((state) => state.agents);
  const queues = useCenterSelector((state) => state.queues);
  const calls = useCenterSelector((state) => state.calls);
  const [open, setOpen] = useState<string | null>(null);
  const name = (id: string) => own(agents, id)?.name ?? id;
  return (
    <section
      id="decisions"
      tabIndex={-1}
      aria-labelledby="decisions-heading"
      className="flex min-h-[16rem] flex-col rounded-xl border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400"
    >
      <h2
        id="decisions-heading"
        className="border-b border-slate-200 dark:border-slate-700 px-4 py-2 text-sm font-semibold text-slate-700 dark:text-slate-300"
      >
        {t("heading")}
      </h2>
      <ol
        className="min-h-0 flex-1 divide-y divide-slate-100 dark:divide-slate-800 overflow-auto"
        data-testid="decision-feed"
      >
        {decisions.length === 0 && (
          <li className="p-4 text-sm text-slate-500 dark:text-slate-400">{t("none")}</li>
        )}
        {decisions.map((d) => {
          const key = `${d.callId}#${d.attempt}`;
          const isOpen = open === key;
          return (
            <li key={key} data-testid={`decision-${d.callId}-${d.attempt}`}>
              <button
                type="button"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : key)}
                className="w-full px-4 py-2 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <span className="flex justify-between gap-2">
                  <span className="truncate">
                    <span className="text-slate-500 dark:text-slate-400">
                      {own(queues, d.queueId)?.name ?? d.queueId}
                    </span>{" "}
                    →{" "}
                    <span className="font-medium text-slate-900 dark:text-slate-100">
                      {describeChosen(words, d, name)}
                    </span>
                    {d.usedBackup && (
                      <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">{t("backup")}</span>
                    )}
                  </span>
                  <span className="shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400">
                    {t("ago", { time: f.elapsed(now - d.at, frozen) })}
                  </span>
                </span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {t("line", {
                    callId: d.callId,
                    attempt: d.attempt > 1 ? t("attempt", { attempt: d.attempt }) : "",
                    seconds: d.waitedSec,
                    summary: summary(t, d),
                  })}
                </span>
              </button>
              {isOpen && (
                <>
                  <DecisionDetail summary={d} client={client} name={name} />
                  <CallTimeline
                    callId={d.callId}
                    client={client}
                    name={name}
                    call={own(calls, d.callId) ?? null}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function summary(t: Translate<"decisions">, d: DecisionSummary): string {
  return t("summary", {
    ranked: d.verdicts.CHOSEN + d.verdicts.RANKED_LOWER,
    total: d.candidates,
    strategy: d.strategy,
  });
}

/** "Could not ring: offline; manual status is not Available". */
function verdictText(
  t: Translate<"decisions">,
  reasons: Translate<"reasons">,
  verdict: Verdict,
  why: readonly Reason[],
): string {
  const text = t(`verdictText.${verdict}`);
  return verdict === "NOT_ELIGIBLE" ? `${text}: ${why.map((r) => reasonText(reasons, r)).join("; ")}` : text;
}

/** The decision's full record, read from the log when the decision is opened. */
function DecisionDetail({
  summary,
  client,
  name,
}: {
  summary: DecisionSummary;
  client: CallboardClient;
  name: (id: string) => string;
}) {
  const t = useTranslations("decisions");
  const f = useFormat();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client.decisions.byCall
      .query({ callId: summary.callId })
      .then((decisions) => {
        if (!current) return;
        const found = decisions.find((d) => d.attempt === summary.attempt);
        if (found) setDecision(found);
        else setError(t("noLongerInLog"));
      })
      .catch((e: unknown) => {
        if (current) setError(t("tableUnavailable", { message: (e as Error).message }));
      });
    return () => {
      current = false;
    };
  }, [client, summary.callId, summary.attempt, t]);
  if (error) {
    return (
      <p role="alert" className="px-4 pb-2 text-xs text-rose-600 dark:text-rose-400">
        {error}
      </p>
    );
  }
  if (!decision) {
    return (
      <p
        className="px-4 pb-2 text-xs text-slate-500 dark:text-slate-400"
        data-testid="candidate-table-loading"
      >
        {t("loadingCandidates", { count: f.count(summary.candidates) })}
      </p>
    );
  }
  return <CandidateTable decision={decision} name={name} />;
}

/** A decision's candidate table (also the what-if page's, for each decision that differs). */
export function CandidateTable({ decision, name }: { decision: Decision; name: (id: string) => string }) {
  const t = useTranslations("decisions");
  const reasons = useTranslations("reasons");
  const f = useFormat();
  const [shown, setShown] = useState(CANDIDATE_PAGE);
  const candidates = useMemo(() => candidatesOf(decision), [decision]);
  // At 10,000 agents the table opens with the ranked top; the rest is counted by why, on demand shown.
  const { rows, rest } = useMemo(() => splitCandidates(candidates, shown), [candidates, shown]);
  const hidden = candidates.length - rows.length;
  return (
    <div className="mx-4 mb-2">
      <p className="mb-1 text-[11px] text-slate-500 dark:text-slate-400">
        {t("strategyLine", { strategy: decision.strategy, key: t(`strategyKey.${decision.strategy}`) })}
      </p>
      <CandidateRows decision={decision} rows={rows} total={candidates.length} name={name} />
      {hidden > 0 && (
        <div
          className="mt-1 rounded-md bg-slate-50 dark:bg-slate-800 p-2 text-xs text-slate-600 dark:text-slate-400"
          data-testid="candidate-rest"
        >
          <p className="font-medium">
            {t("more", { hidden: f.count(hidden), total: f.count(candidates.length) })}
          </p>
          <ul className="mt-0.5">
            {rest.map((g) => (
              <li key={`${g.verdict}|${g.reasons.join(",")}`} className={VERDICT_TONE[g.verdict]}>
                <span className="tabular-nums">{f.count(g.count)}</span> ·{" "}
                {verdictText(t, reasons, g.verdict, g.reasons)}
              </li>
            ))}
          </ul>
          <div className="mt-1 flex gap-3">
            <button
              type="button"
              className="underline"
              onClick={() => setShown((n) => n + CANDIDATE_PAGE * 2)}
            >
              {t("showMore", { count: Math.min(hidden, CANDIDATE_PAGE * 2) })}
            </button>
            <button type="button" className="underline" onClick={() => setShown(candidates.length)}>
              {t("showAll", { count: f.count(candidates.length) })}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

const CANDIDATE_GRID = "grid grid-cols-[2rem_minmax(6rem,1fr)_minmax(8rem,2fr)] gap-x-2";
const CANDIDATE_ROW_ESTIMATE = 22;

/**
 * The candidate rows, virtualized: however many are shown ("show all" at 10,000 agents included),
 * only those in the box's view are in the DOM. Rows wrap, so each is measured once rendered.
 */
function CandidateRows({
  decision,
  rows,
  total,
  name,
}: {
  decision: Decision;
  rows: readonly Candidate[];
  total: number;
  name: (id: string) => string;
}) {
  const t = useTranslations("decisions");
  const reasons = useTranslations("reasons");
  const words = useTranslations("describe");
  const f = useFormat();
  const scrollRef = useRef<HTMLTableSectionElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CANDIDATE_ROW_ESTIMATE,
    overscan: 10,
    getItemKey: (index) => rows[index]?.agentId ?? index,
  });
  return (
    <table
      className="block w-full text-xs"
      data-testid="candidate-table"
      aria-rowcount={total + 1}
      aria-label={t("candidates", { count: total })}
    >
      <thead className="block text-left text-slate-500 dark:text-slate-400">
        <tr className={CANDIDATE_GRID} aria-rowindex={1}>
          <th className="py-1 font-medium">{t("rank")}</th>
          <th className="font-medium">{t("agent")}</th>
          <th className="font-medium">{t("verdict")}</th>
        </tr>
      </thead>
      <tbody ref={scrollRef} className="relative block max-h-80 overflow-auto">
        <tr aria-hidden className="block" style={{ height: virtualizer.getTotalSize() }} />
        {virtualizer.getVirtualItems().map((item) => {
          const c = rows[item.index]!;
          return (
            <tr
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-rowindex={item.index + 2}
              className={`${CANDIDATE_GRID} absolute inset-x-0 top-0 border-t border-slate-100 dark:border-slate-800 align-top`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <td className="py-1 tabular-nums text-slate-500 dark:text-slate-400">{c.rank ?? "–"}</td>
              <td className="py-1">
                {name(c.agentId)}
                {c.tier === "backup" && (
                  <span className="ml-1 text-[10px] uppercase text-amber-600 dark:text-amber-400">
                    {t("backupTag")}
                  </span>
                )}
              </td>
              <td className={`py-1 ${VERDICT_TONE[c.verdict]}`}>
                {verdictText(t, reasons, c.verdict, c.reasons)}
                {c.verdict === "BACKUP_HELD" && t("primaryCouldRing")}
                {c.key !== null &&
                  ` · ${describeKey(words, f, decision.strategy, c.key)}${c.missedThisCall ? t("alreadyMissed") : ""}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
