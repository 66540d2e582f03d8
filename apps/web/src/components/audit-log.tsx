"use client";

import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from "@callboard/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc";
import { ErrorAlert } from "./error-alert";
import { useFormat } from "./use-format";

const PAGE = 50;

/** Who did what, when, from where: filter by action, person and target; newest first, paged. */
export function AuditLog() {
  const t = useTranslations("audit");
  const role = useTranslations("roles");
  const f = useFormat();
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
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">{t("heading")}</h1>
      <form
        className="flex flex-wrap gap-3 text-sm"
        aria-label={t("filter")}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="text-slate-700 dark:text-slate-300">
          {t("action")}{" "}
          <select
            className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1"
            value={action}
            onChange={(e) => setAction(e.target.value as AuditAction | "")}
          >
            <option value="">{t("any")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-slate-700 dark:text-slate-300">
          {t("by")}{" "}
          <input
            className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1"
            placeholder={t("byPlaceholder")}
            maxLength={64}
            value={actor}
            onChange={(e) => setActor(e.target.value)}
          />
        </label>
        <label className="text-slate-700 dark:text-slate-300">
          {t("target")}{" "}
          <input
            className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1"
            placeholder={t("targetPlaceholder")}
            maxLength={128}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </label>
      </form>
      <ErrorAlert error={entries.error} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
        <table className="w-full text-left text-sm" aria-label={t("entries")}>
          <thead className="bg-slate-50 dark:bg-slate-800 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr>
              <th className="px-3 py-2">{t("when")}</th>
              <th className="px-3 py-2">{t("who")}</th>
              <th className="px-3 py-2">{t("from")}</th>
              <th className="px-3 py-2">{t("action")}</th>
              <th className="px-3 py-2">{t("target")}</th>
              <th className="px-3 py-2">{t("change")}</th>
              <th className="px-3 py-2">{t("seq")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id} className="border-t border-slate-100 dark:border-slate-800 align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600 dark:text-slate-400">
                  {f.dateTime(entry.at)}
                </td>
                <td className="px-3 py-2">
                  {entry.actor ?? (
                    // No person: a failed sign-in's stranger, or the system itself (start-up, the CLI).
                    <span className="text-slate-500 dark:text-slate-400">
                      {entry.action === "auth.sign_in_failed" ? t("anonymous") : t("system")}
                    </span>
                  )}
                  {entry.role && (
                    <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
                      ({role(entry.role)})
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-600 dark:text-slate-400">{entry.address ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
                <td className="px-3 py-2">{entry.target ?? "—"}</td>
                <td className="max-w-md px-3 py-2 font-mono text-xs text-slate-600 dark:text-slate-400">
                  <Change before={entry.before} after={entry.after} />
                </td>
                <td className="px-3 py-2 tabular-nums text-slate-600 dark:text-slate-400">
                  {entry.seq ?? "—"}
                </td>
              </tr>
            ))}
            {rows.length === 0 && !entries.isPending && !entries.error && (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500 dark:text-slate-400">
                  {t("nothing")}
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
          className="rounded border border-slate-300 dark:border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {entries.isFetchingNextPage ? t("loading") : t("older")}
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
