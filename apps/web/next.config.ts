import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles the ones the web runs (every runtime import
  // of @callboard/*). @callboard/api is absent on purpose: the web imports only `type AppRouter` from it.
  transpilePackages: ["@callboard/kpi", "@callboard/routing", "@callboard/contracts", "@callboard/live"],
  reactStrictMode: true,
  poweredByHeader: false,
  // Every page's <title> comes from an async generateMetadata (translated per request). Next streams such
  // metadata into the body after the first paint for browsers it does not list as bots, so a screen
  // reader, a wallboard's tab or an a11y scan could meet a page with no title yet. Resolving it before the
  // first byte costs one cached catalog lookup.
  htmlLimitedBots: /.*/,
};

// The language comes from a cookie, read per request in src/i18n/request.ts (docs/decisions/0008).
export default createNextIntlPlugin("./src/i18n/request.ts")(config);
