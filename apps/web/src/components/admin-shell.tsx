"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "~/lib/trpc";
import { LanguageSwitch, ThemeSwitch } from "./preferences";
import { UserMenu } from "./user-menu";

const LINKS = [
  { href: "/admin/agents", label: "agents" },
  { href: "/admin/groups", label: "groups" },
  { href: "/admin/queues", label: "queues" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/wallboards", label: "wallboards" },
  { href: "/admin/audit", label: "audit" },
] as const;

/** The admin pages' frame: navigation, who is signed in, and a clear refusal for non-admins. */
export function AdminShell({ children }: { children: ReactNode }) {
  const t = useTranslations("admin");
  const role = useTranslations("roles");
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const pathname = usePathname();
  return (
    <div className="min-h-full bg-slate-50 dark:bg-slate-950">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-6 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
          Callboard
        </Link>
        <nav className="flex gap-1 text-sm" aria-label={t("navigation")}>
          <Link
            href="/"
            className="rounded px-3 py-1.5 text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {t("board")}
          </Link>
          {LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={pathname === link.href ? "page" : undefined}
              className={`rounded px-3 py-1.5 ${pathname === link.href ? "bg-sky-50 dark:bg-sky-950 font-medium text-sky-800 dark:text-sky-200" : "text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"}`}
            >
              {t(link.label)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitch />
          <ThemeSwitch />
          {me.data && <UserMenu me={me.data} />}
        </div>
      </header>
      <main className="mx-auto max-w-6xl p-6">
        {me.isPending ? (
          <p className="text-slate-500 dark:text-slate-400">{t("loading")}</p>
        ) : me.data?.role !== "admin" ? (
          <p
            role="alert"
            className="rounded bg-amber-50 dark:bg-amber-950 p-4 text-amber-900 dark:text-amber-200"
          >
            {me.data ? t("notAdmin", { role: role(me.data.role) }) : t("signInFirst")}
          </p>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
