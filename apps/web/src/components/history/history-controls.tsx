"use client";

import { GRANULARITIES, HISTORY_PRESETS } from "@callboard/kpi";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { type RangeRefusalFacts, rangeRefusalOfError } from "~/lib/range-refusal";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "../error-alert";
import type { useHistoryParams } from "./use-history-params";

const input =
  "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";
const field = "flex flex-col gap-1 text-slate-700 dark:text-slate-300";

/**
 * The date range picker (today, yesterday, last 7 days, custom), the step and the queue selector
 * every history page shares. A custom range's errors show beside their field; "after today" comes
 * back from the server, which knows the queue's time zone.
 */
export function HistoryControls({
  state,
  today,
  refused,
  children,
}: {
  state: ReturnType<typeof useHistoryParams>;
  /** Today in the queue's zone, from the last answer (the date fields' maximum). */
  today: string | undefined;
  /** The page's query error: a range the server refused is said beside its field, not as an alert. */
  refused?: unknown;
  children?: React.ReactNode;
}) {
  const t = useTranslations("history");
  const trpc = useTRPC();
  const queues = useQuery(trpc.center.queues.queryOptions());
  const { params, set, rangeRefusals } = state;
  const rangeErrors: Partial<Record<"from" | "to", string>> = {};
  for (const refusal of [...rangeRefusals, rangeRefusalOfError(refused)]) {
    if (refusal) rangeErrors[refusal.field] ??= wordRefusal(t, refusal);
  }
  const first = queues.data?.[0]?.id;
  // No queue chosen yet: the first one, so the page shows something at once.
  useEffect(() => {
    if (!params.queueId && first) set({ queueId: first });
  }, [params.queueId, first, set]);

  return (
    <form
      className="flex flex-wrap items-start gap-4 text-sm"
      aria-label={t("filters")}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className={field}>
        {t("queue")}
        <select
          className={input}
          value={params.queueId ?? ""}
          onChange={(e) => set({ queueId: e.target.value, agentId: null })}
        >
          {(queues.data ?? []).map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("period")}
        <select
          className={input}
          value={params.preset}
          onChange={(e) => set({ preset: e.target.value as (typeof HISTORY_PRESETS)[number] })}
        >
          {HISTORY_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`presets.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {params.preset === "custom" && (
        <>
          <DateField
            id="history-from"
            label={t("from")}
            value={params.from}
            max={today}
            error={rangeErrors.from}
            onChange={(from) => set({ from })}
          />
          <DateField
            id="history-to"
            label={t("to")}
            value={params.to}
            max={today}
            error={rangeErrors.to}
            onChange={(to) => set({ to })}
          />
        </>
      )}
      <label className={field}>
        {t("step")}
        <select
          className={input}
          value={params.step}
          onChange={(e) => set({ step: e.target.value as (typeof GRANULARITIES)[number] })}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(`steps.${g}`)}
            </option>
          ))}
        </select>
      </label>
      {children}
      <ErrorAlert error={queues.error} className="w-full" />
      {queues.data?.length === 0 && (
        <p className="w-full text-slate-600 dark:text-slate-400">{t("noQueues")}</p>
      )}
    </form>
  );
}

function DateField({
  id,
  label,
  value,
  max,
  error,
  onChange,
}: {
  /** The field's id stem: stable in every language (the label is not). */
  id: string;
  label: string;
  value: string;
  max: string | undefined;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className={field}>
      <label className="flex flex-col gap-1">
        {label}
        <input
          type="date"
          className={input}
          value={value}
          max={max}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {error && (
        <span id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}

/** A refused range in the page's language: the server's English words are for API clients. */
function wordRefusal(t: ReturnType<typeof useTranslations<"history">>, refusal: RangeRefusalFacts): string {
  switch (refusal.reason) {
    case "missing":
      return t(`range.missing.${refusal.field}`);
    case "tooLong":
      return t("range.tooLong", { maxDays: refusal.maxDays ?? 0 });
    case "future":
      return t("range.future", { date: refusal.date ?? "", today: refusal.today ?? "" });
    default:
      return t(`range.${refusal.reason}`);
  }
}
