import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles the ones the web runs (every runtime import
  // of @callboard/*). @callboard/api is absent on purpose: the web imports only `type AppRouter` from it.
  transpilePackages: ["@callboard/kpi", "@callboard/routing", "@callboard/contracts", "@callboard/live"],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
