import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@callboard/routing", "@callboard/contracts"],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
