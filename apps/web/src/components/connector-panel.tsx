"use client";

import type { ConnectorStatus } from "@callboard/contracts";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { describeNextSync, describeProblemSource, describeSyncState, formatAgo } from "~/lib/connector";
import { useFormat } from "./use-format";

const SYNC_DOT = {
  ok: "bg-emerald-500",
  pending: "bg-slate-400 animate-pulse",
  failed: "bg-rose-500",
} as const;

/**
 * One strip under the header in stringee mode: is the mirror of PCC current, is PCC calling our
 * webhooks, and what went wrong last — so "nobody rings" can be told apart from "PCC cannot reach us".
 */
export function ConnectorPanel({ status, now }: { status: ConnectorStatus; now: number }) {
  const t = useTranslations("connector");
  const f = useFormat();
  const { sync, routing, events, lastError } = status;
  const headline = describeSyncState(t, f, sync, now);
  const next = describeNextSync(t, f, sync.nextAt, now);
  return (
    <section
      aria-label={t("label")}
      data-testid="connector-panel"
      data-sync={sync.state}
      className={`relative flex flex-wrap items-center gap-x-6 gap-y-1 rounded-xl border bg-white dark:bg-slate-900 px-4 py-2 text-xs text-slate-600 dark:text-slate-400 shadow-sm ${
        sync.state === "failed"
          ? "border-rose-300 dark:border-rose-700"
          : "border-slate-200 dark:border-slate-700"
      }`}
    >
      <span className="font-semibold text-slate-800 dark:text-slate-200" title={status.baseUrl}>
        Stringee PCC{" "}
        <span className="font-normal text-slate-500 dark:text-slate-400">
          {t("project", { project: status.projectId })}
        </span>
      </span>
      <Part testId="connector-sync">
        <span
          className={`mr-1.5 inline-block h-2 w-2 rounded-full align-middle ${SYNC_DOT[headline.tone]}`}
          aria-hidden
        />
        <span
          className={
            headline.tone === "failed"
              ? "font-medium text-rose-700 dark:text-rose-300"
              : "text-slate-800 dark:text-slate-200"
          }
        >
          {headline.text}
        </span>
        {next && ` · ${next}`} · {t("agents", { count: sync.agents })}, {t("groups", { count: sync.groups })},{" "}
        {t("queues", { count: sync.queues })} · {t("changes", { count: sync.changes })} ·{" "}
        <Expandable
          summary={
            <span
              className={sync.warnings.length > 0 ? "font-medium text-amber-700 dark:text-amber-300" : ""}
            >
              {t("warnings", { count: sync.warnings.length })}
            </span>
          }
          testId="connector-warnings"
        >
          {sync.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </Expandable>
      </Part>
      <Part testId="connector-routing" label={t("routingWebhook")}>
        {t("requests", { count: routing.requests })} ·{" "}
        {t("last", { ago: formatAgo(t, f, routing.lastAt, now) })} ·{" "}
        <span className={routing.unknownQueues > 0 ? "font-medium text-amber-700 dark:text-amber-300" : ""}>
          {t("unknownQueues", { count: routing.unknownQueues })}
        </span>
      </Part>
      <Part testId="connector-events" label={t("callEvents")}>
        {t("eventCounts", { received: events.received, applied: events.applied, ignored: events.ignored })} ·{" "}
        <span className={events.refusedSignatures > 0 ? "font-medium text-rose-700 dark:text-rose-300" : ""}>
          {t("refusedSignatures", { count: events.refusedSignatures })}
        </span>
        {events.lastStatus !== null && (
          <span className="text-slate-500 dark:text-slate-400">
            {" "}
            · {t("lastStatus", { status: events.lastStatus, ago: formatAgo(t, f, events.lastAt, now) })}
          </span>
        )}
        {!status.signatureCheck && (
          <span className="font-medium text-amber-700 dark:text-amber-300">{t("signaturesNotChecked")}</span>
        )}
      </Part>
      {lastError && (
        <Part testId="connector-error">
          <Expandable
            summary={
              <span className="text-rose-700 dark:text-rose-300">
                <span className="font-semibold">{t("lastError")}</span> ·{" "}
                {describeProblemSource(t, f, lastError, now)}: {lastError.message}
              </span>
            }
            testId="connector-recent-errors"
          >
            {status.recentErrors.map((problem) => (
              <li key={`${problem.at}-${problem.message}`}>
                <span className="text-slate-500 dark:text-slate-400">
                  {describeProblemSource(t, f, problem, now)}:
                </span>{" "}
                {problem.message}
              </li>
            ))}
          </Expandable>
        </Part>
      )}
    </section>
  );
}

/** In standalone mode the board only says so: no PCC is behind these numbers. */
export function StandaloneTag() {
  const t = useTranslations("connector");
  return (
    <span
      data-testid="mode-tag"
      className="rounded-full bg-slate-100 dark:bg-slate-800 px-2 py-0.5 text-[11px] text-slate-600 dark:text-slate-400"
      title={t("standaloneTitle")}
    >
      {t("standalone")}
    </span>
  );
}

function Part({ label, testId, children }: { label?: string; testId: string; children: ReactNode }) {
  return (
    <span className="min-w-0 max-w-full" data-testid={testId}>
      {label && <span className="font-medium text-slate-700 dark:text-slate-300">{label}: </span>}
      {children}
    </span>
  );
}

/**
 * A count that opens to the list behind it, over the board under the panel (not pushing the queue cards
 * down), anchored to the panel's left so it never runs off the screen from a summary near the right edge.
 */
function Expandable({
  summary,
  testId,
  children,
}: {
  summary: ReactNode;
  testId: string;
  children: ReactNode[];
}) {
  if (children.length === 0) return <span data-testid={testId}>{summary}</span>;
  return (
    <details className="inline-block max-w-full align-bottom" data-testid={testId}>
      <summary className="cursor-pointer truncate">{summary}</summary>
      <ul className="absolute top-full left-4 z-20 mt-1 max-h-64 w-[40rem] max-w-[80vw] list-disc space-y-1 overflow-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 py-2 pr-3 pl-7 text-xs text-slate-700 dark:text-slate-300 shadow-lg">
        {children}
      </ul>
    </details>
  );
}
