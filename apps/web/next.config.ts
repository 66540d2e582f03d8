import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles the ones the web runs (every runtime import
  // of @callboard/*). @callboard/api is absent on purpose: the web imports only `type AppRouter` from it.
  transpilePackages: ["@callboard/kpi", "@callboard/routing", "@callboard/contracts", "@callboard/live"],
  reactStrictMode: true,
  poweredByHeader: false,
};

// The language comes from a cookie, read per request in src/i18n/request.ts (docs/decisions/0008).
export default createNextIntlPlugin("./src/i18n/request.ts")(config);
