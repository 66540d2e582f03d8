import type { Metadata } from "next";
import { AgentsAdmin } from "~/components/agents-admin";

export const metadata: Metadata = { title: "Agents — Callboard" };

export default function AgentsPage() {
  return <AgentsAdmin />;
}
