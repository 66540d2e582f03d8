"use client";

import { type CenterRecords, MANUAL_STATUSES, type ManualStatus, own } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ACTIVITIES, type Activity, type AgentFilter } from "~/lib/agent-filter";
import { naturalCompare } from "~/lib/queue-order";

/**
 * Chips for the activity buckets (with counts), manual-status, online, queue and group filters, and
 * a search box. The board keeps them in the URL.
 */
export function AgentFilters({
  filter,
  counts,
  total,
  queues,
  groups,
  onChange,
}: {
  filter: AgentFilter;
  counts: Record<Activity, number>;
  total: number;
  queues: CenterRecords["queues"];
  groups: CenterRecords["groups"];
  onChange: (filter: AgentFilter) => void;
}) {
  const t = useTranslations("filters");
  const activity = useTranslations("activity");
  const status = useTranslations("manualStatus");
  const queueList = useMemo(
    () => Object.values(queues).sort((a, b) => naturalCompare(a.name, b.name)),
    [queues],
  );
  const groupList = useMemo(
    () => Object.values(groups).sort((a, b) => naturalCompare(a.name, b.name)),
    [groups],
  );
  const chip = (value: Activity | "all", label: string, count: number) => {
    const active = filter.activity === value;
    return (
      <button
        key={value}
        type="button"
        aria-pressed={active}
        onClick={() => onChange({ ...filter, activity: value })}
        className={`rounded-full border px-2.5 py-0.5 text-sm transition ${
          active
            ? "border-slate-800 dark:border-sky-600 bg-slate-800 dark:bg-sky-800 text-white"
            : "border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 text-slate-700 dark:text-slate-300 hover:border-slate-400 dark:hover:border-slate-500"
        }`}
      >
        {label} <span className="tabular-nums opacity-70">{count}</span>
      </button>
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="agent-filters">
      {chip("all", activity("all"), total)}
      {ACTIVITIES.map((a) => chip(a, activity(a), counts[a]))}
      <select
        aria-label={t("byManualStatus")}
        value={filter.manualStatus}
        onChange={(e) => onChange({ ...filter, manualStatus: e.target.value as ManualStatus | "all" })}
        className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
      >
        <option value="all">{t("anyStatus")}</option>
        {MANUAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {status(s)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("byOnline")}
        value={filter.online}
        onChange={(e) => onChange({ ...filter, online: e.target.value as AgentFilter["online"] })}
        className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
      >
        <option value="all">{t("onlineOrNot")}</option>
        <option value="online">{t("online")}</option>
        <option value="offline">{t("offline")}</option>
      </select>
      <select
        aria-label={t("byQueue")}
        data-testid="filter-queue"
        value={filter.queue ?? ""}
        onChange={(e) => onChange({ ...filter, queue: e.target.value || null })}
        className="max-w-[11rem] rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
      >
        <option value="">{t("anyQueue")}</option>
        {filter.queue !== null && !own(queues, filter.queue) && (
          <option value={filter.queue}>{filter.queue}</option>
        )}
        {queueList.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t("byGroup")}
        data-testid="filter-group"
        value={filter.group ?? ""}
        onChange={(e) => onChange({ ...filter, group: e.target.value || null })}
        className="max-w-[11rem] rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
      >
        <option value="">{t("anyGroup")}</option>
        {filter.group !== null && !own(groups, filter.group) && (
          <option value={filter.group}>{filter.group}</option>
        )}
        {groupList.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <input
        type="search"
        placeholder={t("searchPlaceholder")}
        aria-label={t("search")}
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
        className="ml-auto w-56 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-1 text-sm"
      />
    </div>
  );
}
