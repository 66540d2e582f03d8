import type { Metadata } from "next";
import { connection } from "next/server";
import { AgentDesk } from "~/components/desk/agent-desk";

export const metadata: Metadata = { title: "Agent desk — Callboard" };

/** An agent's own page: status, softphone, the call and the day. Rendered per request (CSP nonce). */
export default async function AgentPage() {
  await connection();
  return <AgentDesk />;
}
