import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import { createFormat, type Format } from "../lib/format.ts";
import type { Locale } from "./locales.ts";
import type { Translate } from "./types.ts";

/** The real catalogs, for unit tests of helpers that take a translator. */
export const CATALOGS = { en, vi } as const;

/** A translator over the real catalog of `locale`, bound to `namespace`, as a component's useTranslations gives it. */
export function translator<N extends keyof typeof en>(locale: Locale, namespace: N): Translate<N> {
  return createTranslator({ locale, messages: CATALOGS[locale], namespace }) as unknown as Translate<N>;
}

/** The formatters of `locale`, as useFormat gives them. */
export function formatFor(locale: Locale): Format {
  return createFormat(locale, translator(locale, "format"));
}
