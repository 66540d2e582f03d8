/** The board's colour themes: the system's (prefers-color-scheme), or one chosen for good. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The cookie that remembers the chosen theme; the server sets the page's class from it (no flash). */
export const THEME_COOKIE = "callboard-theme";

/** A cookie's value as a theme; anything unknown (or absent) follows the system. */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class on <html> that globals.css's dark variant keys on. */
export function themeClass(theme: Theme): string {
  return `theme-${theme}`;
}
