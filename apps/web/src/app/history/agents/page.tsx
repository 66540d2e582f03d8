import type { Metadata } from "next";
import { AgentsHistory } from "~/components/history/agents-history";

export const metadata: Metadata = { title: "History: agents — Callboard" };

export default function AgentsHistoryPage() {
  return <AgentsHistory />;
}
