"use client";

import { MANUAL_STATUS_LABEL, MANUAL_STATUSES, type ManualStatus } from "@callboard/routing";
import { ACTIVITIES, ACTIVITY_LABEL, type Activity, type AgentFilter } from "~/lib/agent-filter";

/** Chips for the activity buckets (with counts), a manual-status and online filter, and a search box. */
export function AgentFilters({
  filter,
  counts,
  total,
  onChange,
}: {
  filter: AgentFilter;
  counts: Record<Activity, number>;
  total: number;
  onChange: (filter: AgentFilter) => void;
}) {
  const chip = (value: Activity | "all", label: string, count: number) => {
    const active = filter.activity === value;
    return (
      <button
        key={value}
        type="button"
        aria-pressed={active}
        onClick={() => onChange({ ...filter, activity: value })}
        className={`rounded-full border px-3 py-1 text-sm transition ${
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
    <div className="flex flex-wrap items-center gap-2">
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
      <input
        type="search"
        placeholder="Search name, user id, phone…"
        aria-label="Search agents"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
        className="ml-auto w-64 rounded-md border border-slate-200 bg-white px-3 py-1 text-sm"
      />
    </div>
  );
}
