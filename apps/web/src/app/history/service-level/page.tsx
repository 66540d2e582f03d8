import type { Metadata } from "next";
import { QueueHistory } from "~/components/history/queue-history";

export const metadata: Metadata = { title: "History: service level — Callboard" };

export default function ServiceLevelHistoryPage() {
  return <QueueHistory view="serviceLevel" />;
}
