"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createFormat, type Format } from "~/lib/format";

/** The viewer's language's formatters (numbers, times, durations), made once per language. */
export function useFormat(): Format {
  const locale = useLocale();
  const t = useTranslations("format");
  return useMemo(() => createFormat(locale, t), [locale, t]);
}
