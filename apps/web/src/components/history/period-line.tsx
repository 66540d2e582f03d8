"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { localDayFormatter } from "~/lib/history-table";

/** The days a history page covers, in the viewer's language, and the queue's time zone they are counted in. */
export function PeriodLine({ from, to, zone }: { from: string; to: string; zone: string }) {
  const t = useTranslations("history");
  const locale = useLocale();
  const day = useMemo(() => localDayFormatter(locale), [locale]);
  return from === to
    ? t("oneDay", { day: day(from), zone })
    : t("days", { from: day(from), to: day(to), zone });
}
