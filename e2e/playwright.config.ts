import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { CORE_URL, E2E_ADMIN, E2E_OPERATOR_TOKEN } from "./tests/events";
import {
  FAKE_PCC_URL,
  OPERATOR_TOKEN,
  PCC_KEYS,
  PROJECT_ID,
  SEED_PATH,
  SIGNING_SECRET,
  STRINGEE_CORE_URL,
  STRINGEE_PUBLIC_URL,
  STRINGEE_WEB_URL,
} from "./tests/stringee-pair";

/** Debian's Chromium (browsers cannot be downloaded here); its wrapper script prints noise, the binary does not. */
const chromium =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");

const DATA_DIR = fileURLToPath(new URL(".e2e-data", import.meta.url));
const STRINGEE_DATA_DIR = fileURLToPath(new URL(".e2e-data-stringee", import.meta.url));
const FAKE_PCC_SCRIPT = fileURLToPath(new URL("scripts/fake-pcc.ts", import.meta.url));
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
  // People sign in once through the form (auth.setup.ts); the specs reuse that session.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "board",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["setup"],
      use: { storageState: fileURLToPath(new URL(".auth/admin.json", import.meta.url)) },
    },
  ],
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
        CALLBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
        CALLBOARD_OPERATOR_TOKEN: E2E_OPERATOR_TOKEN,
        LOG_LEVEL: "warn",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "pnpm --filter @callboard/web start",
      url: WEB_URL,
      env: {
        WEB_PORT: "3100",
        WEB_HOST: "127.0.0.1",
        CALLBOARD_CORE_URL: CORE_URL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // The same core in stringee mode, mirroring a fake PCC (seeded center, test keys) and answering
    // its webhooks; a second board follows it. Started after the fake so the first sync succeeds.
    {
      command: `pnpm --filter @callboard/server exec tsx "${FAKE_PCC_SCRIPT}"`,
      url: `${FAKE_PCC_URL}${SEED_PATH}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `rm -rf "${STRINGEE_DATA_DIR}" && pnpm --filter @callboard/server start`,
      url: `${STRINGEE_CORE_URL}/healthz`,
      env: {
        PORT: new URL(STRINGEE_CORE_URL).port,
        HOST: "127.0.0.1",
        CALLBOARD_DATA_DIR: STRINGEE_DATA_DIR,
        CALLBOARD_SIMULATOR: "off",
        CALLBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
        LOG_LEVEL: "warn",
        CALLBOARD_MODE: "stringee",
        // PCC's doors on their own listener, as in production.
        STRINGEE_PUBLIC_PORT: new URL(STRINGEE_PUBLIC_URL).port,
        STRINGEE_PUBLIC_HOST: "127.0.0.1",
        CALLBOARD_OPERATOR_TOKEN: OPERATOR_TOKEN,
        STRINGEE_API_BASE_URL: FAKE_PCC_URL,
        STRINGEE_API_KEY_SID: PCC_KEYS.keySid,
        STRINGEE_API_KEY_SECRET: PCC_KEYS.keySecret,
        STRINGEE_PROJECT_ID: String(PROJECT_ID),
        STRINGEE_SIGNING_SECRET: SIGNING_SECRET,
        // Short, so the panel's "last sync" stays recent while the spec watches it.
        STRINGEE_SYNC_INTERVAL_MS: "10000",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "pnpm --filter @callboard/web start",
      url: STRINGEE_WEB_URL,
      env: {
        WEB_PORT: new URL(STRINGEE_WEB_URL).port,
        WEB_HOST: "127.0.0.1",
        CALLBOARD_CORE_URL: STRINGEE_CORE_URL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
