"use client";

import type { Me } from "@callboard/contracts";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "~/lib/session";

/** Who is signed in, history for staff, the admin pages for admins, and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const t = useTranslations("user");
  const role = useTranslations("roles");
  return (
    <div
      className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400"
      data-testid="user-menu"
    >
      <span>
        <span className="font-medium text-slate-900 dark:text-slate-100">{me.name}</span> · {role(me.role)}
      </span>
      {me.role !== "agent" && (
        <Link href="/history" className="text-sky-700 dark:text-sky-300 hover:underline">
          {t("history")}
        </Link>
      )}
      {me.role === "admin" && (
        <Link href="/admin/users" className="text-sky-700 dark:text-sky-300 hover:underline">
          {t("admin")}
        </Link>
      )}
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        {t("signOut")}
      </button>
    </div>
  );
}
