import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { CORE_URL } from "./tests/events";

/** Debian's Chromium (browsers cannot be downloaded here); its wrapper script prints noise, the binary does not. */
const chromium =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");

const DATA_DIR = fileURLToPath(new URL(".e2e-data", import.meta.url));
const WEB_URL = "http://127.0.0.1:3100";

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: WEB_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  // The production build of the dashboard and the real core over a fresh SQLite file, simulator off:
  // the tests are the only event source, so what they assert is caused by what they do.
  webServer: [
    {
      command: `rm -rf "${DATA_DIR}" && pnpm --filter @callboard/server start`,
      url: `${CORE_URL}/healthz`,
      env: {
        PORT: "3101",
        HOST: "127.0.0.1",
        CALLBOARD_DATA_DIR: DATA_DIR,
        CALLBOARD_SIMULATOR: "off",
        CALLBOARD_CORS_ORIGIN: WEB_URL,
        LOG_LEVEL: "warn",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "pnpm --filter @callboard/web start",
      url: WEB_URL,
      env: { WEB_PORT: "3100", CALLBOARD_SERVER_URL: CORE_URL, NEXT_TELEMETRY_DISABLED: "1" },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
