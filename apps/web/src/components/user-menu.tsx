"use client";

import type { Me } from "@callboard/contracts";
import Link from "next/link";
import { signOut } from "~/lib/session";

/** Who is signed in, history for staff, the admin pages for admins, and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  return (
    <div className="flex items-center gap-3 text-xs text-slate-600" data-testid="user-menu">
      <span>
        <span className="font-medium text-slate-900">{me.name}</span> · {me.role}
      </span>
      {me.role !== "agent" && (
        <Link href="/history" className="text-sky-700 hover:underline">
          History
        </Link>
      )}
      {me.role === "admin" && (
        <Link href="/admin/users" className="text-sky-700 hover:underline">
          Admin
        </Link>
      )}
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
      >
        Sign out
      </button>
    </div>
  );
}
