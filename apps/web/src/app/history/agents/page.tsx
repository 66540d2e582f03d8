import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentsHistory } from "~/components/history/agents-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("pageTitle", { page: t("nav.agents") }) };
}

export default function AgentsHistoryPage() {
  return <AgentsHistory />;
}
