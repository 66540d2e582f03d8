"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTRPC } from "~/lib/trpc";
import { UserMenu } from "./user-menu";

const LINKS = [
  { href: "/admin/agents", label: "Agents" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/queues", label: "Queues" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/wallboards", label: "Wallboards" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The admin pages' frame: navigation, who is signed in, and a clear refusal for non-admins. */
export function AdminShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const pathname = usePathname();
  return (
    <div className="min-h-full bg-slate-50">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          Callboard
        </Link>
        <nav className="flex gap-1 text-sm" aria-label="Administration">
          <Link href="/" className="rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            Board
          </Link>
          {LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={pathname === link.href ? "page" : undefined}
              className={`rounded px-3 py-1.5 ${pathname === link.href ? "bg-sky-50 font-medium text-sky-800" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">{me.data && <UserMenu me={me.data} />}</div>
      </header>
      <main className="mx-auto max-w-6xl p-6">
        {me.isPending ? (
          <p className="text-slate-500">Loading…</p>
        ) : me.data?.role !== "admin" ? (
          <p role="alert" className="rounded bg-amber-50 p-4 text-amber-900">
            {me.data ? `This page is for admins; you are signed in as a ${me.data.role}.` : "Sign in first."}
          </p>
        ) : (
          children
        )}
      </main>
    </div>
  );
}
