"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useEffect, useState, useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_NAME, LOCALES, type Locale } from "~/i18n/locales";
import { THEME_COOKIE, THEMES, type Theme, themeClass } from "~/lib/theme";

const YEAR_SEC = 365 * 24 * 3600;

function remember(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the server reads it on the next render
  document.cookie = `${name}=${value}; path=/; max-age=${YEAR_SEC}; samesite=lax`;
}

const select =
  "rounded border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200";

/** The language switch: remembered in a cookie, the page re-rendered by the server in the new language. */
export function LanguageSwitch() {
  const t = useTranslations("prefs");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <select
      aria-label={t("language")}
      data-testid="language-switch"
      className={select}
      value={locale}
      aria-busy={pending}
      onChange={(e) => {
        remember(LOCALE_COOKIE, e.target.value);
        startTransition(() => router.refresh());
      }}
    >
      {LOCALES.map((l: Locale) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAME[l]}
        </option>
      ))}
    </select>
  );
}

const ThemeContext = createContext<[Theme, (theme: Theme) => void]>(["system", () => {}]);

/** Holds the theme the server rendered with (from the cookie), so the switch shows it from the first paint. */
export function ThemeProvider({ initial, children }: { initial: Theme; children: ReactNode }) {
  const state = useState(initial);
  return <ThemeContext.Provider value={state}>{children}</ThemeContext.Provider>;
}

/**
 * Whether the page is dark now: the chosen theme, or the system's preference while none is chosen
 * (followed as it changes). For what CSS cannot colour, e.g. a chart drawn on a canvas.
 */
export function useDarkTheme(): boolean {
  const [theme] = useContext(ThemeContext);
  const [systemDark, setSystemDark] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    setSystemDark(query.matches);
    const changed = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, []);
  return theme === "dark" || (theme === "system" && systemDark);
}

/** The theme switch (system / light / dark): applied at once, remembered for the server's next render. */
export function ThemeSwitch() {
  const t = useTranslations("prefs");
  const [theme, setTheme] = useContext(ThemeContext);
  const label: Record<Theme, string> = {
    system: t("themeSystem"),
    light: t("themeLight"),
    dark: t("themeDark"),
  };
  return (
    <select
      aria-label={t("theme")}
      data-testid="theme-switch"
      className={select}
      value={theme}
      onChange={(e) => {
        const next = e.target.value as Theme;
        remember(THEME_COOKIE, next);
        const root = document.documentElement;
        for (const candidate of THEMES) root.classList.toggle(themeClass(candidate), candidate === next);
        setTheme(next);
      }}
    >
      {THEMES.map((value) => (
        <option key={value} value={value}>
          {label[value]}
        </option>
      ))}
    </select>
  );
}
