/**
 * The real core under test, in its own process on a loopback port and a fresh SQLite file: either the
 * production bundle run by plain node (`compiled`, what `pnpm start` runs) or the TypeScript through
 * tsx's loader (`tsx`, what dev and tests run). Also reads what only the process itself shows: its
 * CPU time and resident memory (/proc), and its event-loop lag (/metrics).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { coreSide } from "./machine.ts";

export type CoreBuild = "compiled" | "tsx";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const serverDir = join(repoRoot, "apps/server");
const bundle = join(serverDir, "dist/core/main.js");
export const OPERATOR = "bench-operator-token-0123456789";
export const ADMIN_PASSWORD = "bench-admin-password-0123";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the core's bundle through turbo (a cache hit when nothing changed), as `pnpm start` does. */
export function ensureBundle(): void {
  const build = spawnSync(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@callboard/server", "--output-logs=errors-only"],
    { cwd: repoRoot, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
  );
  if (build.status !== 0 || !existsSync(bundle)) throw new Error("building the core's bundle failed");
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface CoreUnderTest {
  url: string;
  pid: number;
  /** Spawn → first answer of /healthz, in ms. */
  bootMs: number;
  postEvent(event: unknown, idempotencyKey?: string): Promise<number>;
  /** The first admin's session cookie (admins may open boards). */
  signIn(): Promise<string>;
  /** User + system CPU seconds the process has used so far. */
  cpuSeconds(): number;
  rssBytes(): number;
  /** p99 of the event-loop delay since the previous call, in ms (prom-client resets at each scrape). */
  loopLagP99Ms(): Promise<number>;
  stop(): Promise<void>;
}

export async function startCore(
  build: CoreBuild,
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(os.tmpdir(), "callboard-bench-core-")),
): Promise<CoreUnderTest> {
  const port = await freePort();
  const args = build === "compiled" ? [bundle] : ["--import", "tsx", "src/main.ts"];
  const [command, argv] = coreSide(args);
  const started = performance.now();
  const child: ChildProcess = spawn(command, argv, {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CALLBOARD_DATA_DIR: dataDir,
      CALLBOARD_SIMULATOR: "off",
      CALLBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CALLBOARD_OPERATOR_TOKEN: OPERATOR,
      // The load generators are one caller each: the per-caller limits would measure themselves.
      CALLBOARD_WRITES_PER_MINUTE: "1000000",
      CALLBOARD_MAX_CONNECTIONS: "100000",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 3000 || child.exitCode !== null) throw new Error(`the core (${build}) did not come up`);
    await sleep(5);
  }
  const bootMs = performance.now() - started;
  const pid = child.pid!;
  const operator = { authorization: `Bearer ${OPERATOR}`, "content-type": "application/json" };

  return {
    url,
    pid,
    bootMs,
    async postEvent(event, idempotencyKey) {
      const res = await fetch(`${url}/api/events`, {
        method: "POST",
        headers: operator,
        body: JSON.stringify(idempotencyKey ? { event, idempotencyKey } : { event }),
      });
      if (res.status >= 300) throw new Error(`POST /api/events: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { seq: number }).seq;
    },
    async signIn() {
      const res = await fetch(`${url}/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
      return (res.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
    },
    cpuSeconds() {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the "(comm)" field.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    rssBytes() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
    },
    async loopLagP99Ms() {
      const text = await (await fetch(`${url}/metrics`, { headers: operator })).text();
      const value = /^nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1];
      return Number(value ?? Number.NaN) * 1000;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `count` agents on the center, in no queue (ingest rows toggle their statuses). */
export async function addAgents(core: CoreUnderTest, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `agent-${i}`);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map((id) =>
        core.postEvent({
          type: "agent.upserted",
          agent: { id, name: `Agent ${id}`, phoneNumber: null, routingType: 1 },
        }),
      ),
    );
  }
  return ids;
}
