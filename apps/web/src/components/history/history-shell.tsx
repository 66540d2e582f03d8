"use client";

import { STAFF_ROLES, type StaffRole } from "@callboard/contracts";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { HISTORY_TEXT } from "~/lib/history-strings";
import { useTRPC } from "~/lib/trpc";
import { UserMenu } from "../user-menu";

const T = HISTORY_TEXT;
const TABS = [
  { href: "/history", label: T.nav.calls },
  { href: "/history/service-level", label: T.nav.serviceLevel },
  { href: "/history/agents", label: T.nav.agents },
  { href: "/history/what-if", label: T.nav.whatIf },
] as const;

/** The history pages' frame: tabs that keep the chosen queue and period, and a clear refusal below viewer. */
export function HistoryShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const allowed = me.data != null && (STAFF_ROLES as readonly string[]).includes(me.data.role as StaffRole);
  return (
    <div className="min-h-full bg-slate-50">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          Callboard
        </Link>
        <nav className="flex gap-1 text-sm" aria-label={T.navLabel}>
          <Link href="/" className="rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            Board
          </Link>
          {TABS.map((tab) => (
            <Link
              key={tab.href}
              href={search ? `${tab.href}?${search}` : tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className={`rounded px-3 py-1.5 ${pathname === tab.href ? "bg-sky-50 font-medium text-sky-800" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">{me.data && <UserMenu me={me.data} />}</div>
      </header>
      <main className="mx-auto max-w-6xl space-y-4 p-6">
        {me.isPending ? (
          <p className="text-slate-500">{T.loading}</p>
        ) : !allowed ? (
          <p role="alert" className="rounded bg-amber-50 p-4 text-amber-900">
            {me.data ? T.forViewers(me.data.role) : T.signInFirst}
          </p>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
