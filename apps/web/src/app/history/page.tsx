import type { Metadata } from "next";
import { QueueHistory } from "~/components/history/queue-history";

export const metadata: Metadata = { title: "History: calls — Callboard" };

export default function CallsHistoryPage() {
  return <QueueHistory view="calls" />;
}
