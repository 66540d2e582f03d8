"use client";

import { STAFF_ROLES, type StaffRole } from "@callboard/contracts";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "~/lib/trpc";
import { LanguageSwitch, ThemeSwitch } from "../preferences";
import { UserMenu } from "../user-menu";

const TABS = [
  { href: "/history", label: "calls" },
  { href: "/history/service-level", label: "serviceLevel" },
  { href: "/history/agents", label: "agents" },
  { href: "/history/what-if", label: "whatIf" },
] as const;

const link = "rounded px-3 py-1.5";
const idle = "text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800";
const current = "bg-sky-50 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200";

/**
 * The history pages' frame: tabs that keep the chosen queue and period, the same language and theme
 * switches as the board's and admin's headers, and a clear refusal below viewer.
 */
export function HistoryShell({ children }: { children: ReactNode }) {
  const t = useTranslations("history");
  const role = useTranslations("roles");
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const allowed = me.data != null && (STAFF_ROLES as readonly string[]).includes(me.data.role as StaffRole);
  return (
    <div className="min-h-full bg-slate-50 dark:bg-slate-950">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-6 py-3 dark:border-slate-700 dark:bg-slate-900">
        <Link href="/" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
          Callboard
        </Link>
        <nav className="flex gap-1 text-sm" aria-label={t("navLabel")}>
          <Link href="/" className={`${link} ${idle}`}>
            {t("nav.board")}
          </Link>
          {TABS.map((tab) => (
            <Link
              key={tab.href}
              href={search ? `${tab.href}?${search}` : tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className={`${link} ${pathname === tab.href ? current : idle}`}
            >
              {t(`nav.${tab.label}`)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitch />
          <ThemeSwitch />
          {me.data && <UserMenu me={me.data} />}
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-4 p-6">
        {me.isPending ? (
          <p className="text-slate-500 dark:text-slate-400">{t("loading")}</p>
        ) : !allowed ? (
          <p
            role="alert"
            className="rounded bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {me.data ? t("forViewers", { role: role(me.data.role) }) : t("signInFirst")}
          </p>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
