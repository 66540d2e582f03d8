"use client";

import {
  type CenterRecords,
  MANUAL_STATUS_LABEL,
  MANUAL_STATUSES,
  type ManualStatus,
  own,
} from "@callboard/routing";
import { useMemo } from "react";
import { ACTIVITIES, ACTIVITY_LABEL, type Activity, type AgentFilter } from "~/lib/agent-filter";
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
            ? "border-slate-800 bg-slate-800 text-white"
            : "border-slate-200 bg-white text-slate-700 hover:border-slate-400"
        }`}
      >
        {label} <span className="tabular-nums opacity-70">{count}</span>
      </button>
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="agent-filters">
      {chip("all", "All", total)}
      {ACTIVITIES.map((a) => chip(a, ACTIVITY_LABEL[a], counts[a]))}
      <select
        aria-label="Filter by manual status"
        value={filter.manualStatus}
        onChange={(e) => onChange({ ...filter, manualStatus: e.target.value as ManualStatus | "all" })}
        className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
      >
        <option value="all">Any status</option>
        {MANUAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {MANUAL_STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by online"
        value={filter.online}
        onChange={(e) => onChange({ ...filter, online: e.target.value as AgentFilter["online"] })}
        className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
      >
        <option value="all">Online or not</option>
        <option value="online">Online</option>
        <option value="offline">Offline</option>
      </select>
      <select
        aria-label="Filter by queue"
        data-testid="filter-queue"
        value={filter.queue ?? ""}
        onChange={(e) => onChange({ ...filter, queue: e.target.value || null })}
        className="max-w-[11rem] rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
      >
        <option value="">Any queue</option>
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
        aria-label="Filter by group"
        data-testid="filter-group"
        value={filter.group ?? ""}
        onChange={(e) => onChange({ ...filter, group: e.target.value || null })}
        className="max-w-[11rem] rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
      >
        <option value="">Any group</option>
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
        placeholder="Search name, user id, phone…"
        aria-label="Search agents"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
        className="ml-auto w-56 rounded-md border border-slate-200 bg-white px-3 py-1 text-sm"
      />
    </div>
  );
}
