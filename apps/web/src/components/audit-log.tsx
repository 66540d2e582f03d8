"use client";

import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from "@callboard/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";

const PAGE = 50;

/** Who did what, when, from where: filter by action, person and target; newest first, paged. */
export function AuditLog() {
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | "">("");
  const [actor, setActor] = useState("");
  const [target, setTarget] = useState("");
  const filter = {
    limit: PAGE,
    ...(action ? { action } : {}),
    ...(actor.trim() ? { actor: actor.trim() } : {}),
    ...(target.trim() ? { target: target.trim() } : {}),
  };
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filter, {
      initialCursor: undefined,
      getNextPageParam: (page: AuditEntry[]) => (page.length === PAGE ? page.at(-1)?.id : undefined),
    }),
  );
  const rows = entries.data?.pages.flat() ?? [];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">Audit log</h1>
      <form
        className="flex flex-wrap gap-3 text-sm"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="text-slate-700">
          Action{" "}
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={action}
            onChange={(e) => setAction(e.target.value as AuditAction | "")}
          >
            <option value="">any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-slate-700">
          By{" "}
          <input
            className="rounded border border-slate-300 px-2 py-1"
            placeholder="username"
            maxLength={64}
            value={actor}
            onChange={(e) => setActor(e.target.value)}
          />
        </label>
        <label className="text-slate-700">
          Target{" "}
          <input
            className="rounded border border-slate-300 px-2 py-1"
            placeholder="agent, user, screen…"
            maxLength={128}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </label>
      </form>
      <ErrorAlert error={entries.error} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" aria-label="Audit entries">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">When</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">From</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">Before → after</th>
              <th className="px-3 py-2">Log seq</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">
                  {formatDateTime(entry.at)}
                </td>
                <td className="px-3 py-2">
                  {entry.actor ?? (
                    // No person: a failed sign-in's stranger, or the system itself (start-up, the CLI).
                    <span className="text-slate-500">
                      {entry.action === "auth.sign_in_failed" ? "anonymous" : "system"}
                    </span>
                  )}
                  {entry.role && <span className="ml-1 text-xs text-slate-500">({entry.role})</span>}
                </td>
                <td className="px-3 py-2 text-slate-600">{entry.address ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
                <td className="px-3 py-2">{entry.target ?? "—"}</td>
                <td className="max-w-md px-3 py-2 font-mono text-xs text-slate-600">
                  <Change before={entry.before} after={entry.after} />
                </td>
                <td className="px-3 py-2 tabular-nums text-slate-600">{entry.seq ?? "—"}</td>
              </tr>
            ))}
            {rows.length === 0 && !entries.isPending && !entries.error && (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500">
                  Nothing matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {entries.hasNextPage && (
        <button
          type="button"
          onClick={() => void entries.fetchNextPage()}
          disabled={entries.isFetchingNextPage}
          className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          {entries.isFetchingNextPage ? "Loading…" : "Older entries"}
        </button>
      )}
    </div>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const show = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));
  if (before == null) return <span className="break-all">{show(after)}</span>;
  return (
    <span className="break-all">
      {show(before)} → {show(after)}
    </span>
  );
}
