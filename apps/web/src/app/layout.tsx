import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ThemeProvider } from "~/components/preferences";
import { parseTheme, THEME_COOKIE, themeClass } from "~/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("title"), description: t("description") };
}

/**
 * The language and the theme come from cookies and are set here, on the server: the first paint is
 * already in the chosen language and colours (no flash, no script).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} className={themeClass(theme)}>
      <body>
        <NextIntlClientProvider>
          <ThemeProvider initial={theme}>{children}</ThemeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
