import type { Metadata } from "next";
import { QueuesAdmin } from "~/components/queues-admin";

export const metadata: Metadata = { title: "Queues — Callboard" };

export default function QueuesPage() {
  return <QueuesAdmin />;
}
