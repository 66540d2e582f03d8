import type { useTranslations } from "next-intl";
import type en from "../../messages/en.json";
import type { Locale } from "./locales";

/** A translator bound to one namespace of the catalogs, as pure helpers receive it from a component. */
export type Translate<Namespace extends keyof typeof en> = ReturnType<typeof useTranslations<Namespace>>;

declare module "next-intl" {
  // Keys and ICU arguments are type-checked against the English catalog (the catalogs test keeps vi equal).
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
