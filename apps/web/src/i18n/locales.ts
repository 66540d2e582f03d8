/** The board's languages: English, and Vietnamese for the centers in Vietnam. */
export const LOCALES = ["en", "vi"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers the chosen language (no locale in the URL: links stay the same in both). */
export const LOCALE_COOKIE = "callboard-locale";

/** Each language's name in itself, for the switch. */
export const LOCALE_NAME: Record<Locale, string> = { en: "English", vi: "Tiếng Việt" };

/** A cookie's value as a locale; anything unknown (or absent) is English. */
export function parseLocale(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
