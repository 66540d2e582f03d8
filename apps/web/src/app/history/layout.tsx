import { connection } from "next/server";
import { type ReactNode, Suspense } from "react";
import { HistoryShell } from "~/components/history/history-shell";
import { QueryProvider } from "~/components/query-provider";

export default async function HistoryLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <QueryProvider>
      <Suspense>
        <HistoryShell>{children}</HistoryShell>
      </Suspense>
    </QueryProvider>
  );
}
