import { connection } from "next/server";
import type { ReactNode } from "react";
import { AdminShell } from "~/components/admin-shell";
import { QueryProvider } from "~/components/query-provider";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <QueryProvider>
      <AdminShell>{children}</AdminShell>
    </QueryProvider>
  );
}
