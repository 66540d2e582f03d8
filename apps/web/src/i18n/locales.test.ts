import { describe, expect, it } from "vitest";
import { parseTheme } from "../lib/theme.ts";
import { parseLocale } from "./locales.ts";

describe("parseLocale", () => {
  it.each([
    ["en", "en"],
    ["vi", "vi"],
    [undefined, "en"],
    ["", "en"],
    ["fr", "en"],
    ["VI", "en"],
    ["vi; path=/", "en"],
  ])("%s → %s", (value, locale) => {
    expect(parseLocale(value)).toBe(locale);
  });
});

describe("parseTheme", () => {
  it.each([
    ["dark", "dark"],
    ["light", "light"],
    ["system", "system"],
    [undefined, "system"],
    ["blue", "system"],
  ])("%s → %s", (value, theme) => {
    expect(parseTheme(value)).toBe(theme);
  });
});
