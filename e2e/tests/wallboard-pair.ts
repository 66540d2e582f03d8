import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./events";

/**
 * A core + dashboard pair of its own (ports 3106/3107), for the wallboard specs that stop and restart
 * the core — the shared servers of playwright.config.ts cannot be touched. The core runs as one plain
 * node process (tsx as a loader, no wrapper), so SIGSTOP/SIGCONT/SIGTERM reach the process that serves.
 * The simulator is on: a real, busy center, whose screenshots say something.
 */
export const PAIR_CORE_URL = "http://127.0.0.1:3106";
export const PAIR_WEB_URL = "http://127.0.0.1:3107";
/** The simulator's default center: three queues. */
export const SIM_QUEUES = ["queue-sales", "queue-support", "queue-billing"] as const;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATA_DIR = fileURLToPath(new URL("../.e2e-data-wallboard", import.meta.url));
const LOG_DIR = fileURLToPath(new URL("../test-results", import.meta.url));

export class Pair {
  core: ChildProcess | null = null;
  web: ChildProcess | null = null;

  async start(): Promise<void> {
    rmSync(DATA_DIR, { recursive: true, force: true });
    await this.startCore();
    this.web = launch("web", `${ROOT}/apps/web`, "server.ts", {
      WEB_PORT: new URL(PAIR_WEB_URL).port,
      WEB_HOST: "127.0.0.1",
      CALLBOARD_CORE_URL: PAIR_CORE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    await waitFor(`${PAIR_WEB_URL}/signin`);
  }

  /** Starts the core over the pair's data folder (kept across restarts: the screen's token must still work). */
  async startCore(): Promise<void> {
    this.core = launch("core", `${ROOT}/apps/server`, "src/main.ts", {
      PORT: new URL(PAIR_CORE_URL).port,
      HOST: "127.0.0.1",
      CALLBOARD_DATA_DIR: DATA_DIR,
      CALLBOARD_SIMULATOR: "on",
      CALLBOARD_SIMULATOR_SEED: "11",
      CALLBOARD_SIMULATOR_SPEED: "4",
      CALLBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
      LOG_LEVEL: "warn",
    });
    await waitFor(`${PAIR_CORE_URL}/healthz`);
  }

  /** Stops the core the way a crash or a deploy does, and waits until it is gone. */
  async stopCore(): Promise<void> {
    const core = this.core;
    this.core = null;
    if (core) await stop(core);
  }

  async close(): Promise<void> {
    for (const child of [this.core, this.web]) if (child) await stop(child);
    this.core = null;
    this.web = null;
  }
}

/** Signs the pair's first admin in (the request context keeps the cookie) and pairs a screen with `queueIds`. */
export async function pairWallboard(
  request: APIRequestContext,
  label: string,
  queueIds: string[],
): Promise<string> {
  const origin = { origin: PAIR_WEB_URL };
  const signIn = await request.post(`${PAIR_WEB_URL}/auth/sign-in`, { data: E2E_ADMIN, headers: origin });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
  return createWallboardToken(request, PAIR_WEB_URL, label, queueIds);
}

/** wallboards.create through the dashboard's tRPC door, as the admin page does; returns the screen's token. */
export async function createWallboardToken(
  request: APIRequestContext,
  webUrl: string,
  label: string,
  queueIds: string[],
): Promise<string> {
  const res = await request.post(`${webUrl}/trpc/wallboards.create`, {
    data: { label, queueIds },
    headers: { origin: webUrl },
  });
  if (!res.ok()) throw new Error(`wallboards.create: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { token: string } } }).result.data.token;
}

function launch(name: string, cwd: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(`${LOG_DIR}/wallboard-pair-${name}.log`, { flags: "a" });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGCONT");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
