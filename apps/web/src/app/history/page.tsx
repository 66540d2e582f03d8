import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueHistory } from "~/components/history/queue-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("pageTitle", { page: t("nav.calls") }) };
}

export default function CallsHistoryPage() {
  return <QueueHistory view="calls" />;
}
