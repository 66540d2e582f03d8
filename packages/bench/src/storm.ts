/**
 * `pnpm reliability` (first part): a reconnect storm. The real core runs as its own process (SQLite
 * file, group commit, fsync); STORM_BOARDS (default 2,000) boards run in another process
 * (storm-boards.ts), all signed in with one viewer's session cookie, each subscribed and tracking
 * seq. A load generator (this process) feeds calls through POST /api/events with the operator token
 * at STORM_RATE calls/s (default 20; each caller hangs up 1.5 s later). Then every board's transport
 * is cut at once (the boards' process closes all 2,000 engine connections in one loop: what a
 * network blip or a load-balancer restart does; each client reconnects with socket.io's own
 * backoff) while calls keep arriving. Measured: time until all are reconnected, re-subscribed and
 * consistent (same center id; seq at or past what the core had 0.5 s earlier — fan-out is coalesced
 * every 100 ms), routing latency (call.arrived → its acknowledgement, which comes after the commit
 * of the step that routed it) before, during and after the storm, and an exact check at the end
 * (load stopped: every board's seq = the core's). Ends with SIGTERM to the core (exit code printed).
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { QUEUE_DEFAULTS } from "@callboard/routing";
import { table, us } from "./report.ts";
import { summarize } from "./stats.ts";

const BOARDS = Number(process.env.STORM_BOARDS ?? 2_000);
const RATE = Number(process.env.STORM_RATE ?? 5);
const AGENTS = Number(process.env.STORM_AGENTS ?? 20);
const PORT = Number(process.env.STORM_PORT ?? 3301);
const OPERATOR = "storm-operator-token-0123456789";
const ADMIN_PASSWORD = "storm admin password";
const VIEWER_PASSWORD = "storm viewer password";
const DEADLINE_MS = 10_000;
const serverDir = fileURLToPath(new URL("../../../apps/server", import.meta.url));
const url = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(os.tmpdir(), "callboard-storm-"));
const core: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: serverDir,
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    CALLBOARD_DB_PATH: join(dir, "callboard.db"),
    CALLBOARD_SIMULATOR: "off",
    CALLBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CALLBOARD_OPERATOR_TOKEN: OPERATOR,
    // 2,000 boards + HTTP: above the default's reach anyway, stated so the run says what it used.
    CALLBOARD_MAX_CONNECTIONS: String(BOARDS + 1_000),
    // The load generator is one operator: its writes must not hit the per-caller limit.
    CALLBOARD_WRITES_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const coreExit = new Promise<number | null>((resolve) => core.once("exit", (code) => resolve(code)));

const operator = { authorization: `Bearer ${OPERATOR}`, "content-type": "application/json" };
async function postEvent(event: unknown): Promise<number> {
  const res = await fetch(`${url}/api/events`, {
    method: "POST",
    headers: operator,
    body: JSON.stringify({ event }),
  });
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return ((await res.json()) as { seq: number }).seq;
}
const serverSeq = async () =>
  ((await (await fetch(`${url}/health`, { headers: operator })).json()) as { seq: number }).seq;
async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
}

for (let i = 0; ; i++) {
  if (
    await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 300) throw new Error("the core did not come up");
  await sleep(100);
}

// A viewer, created through the core's own API by the first admin, signed in once.
const adminCookie = await signIn("admin", ADMIN_PASSWORD);
const created = await fetch(`${url}/trpc/users.create`, {
  method: "POST",
  headers: { cookie: adminCookie, "content-type": "application/json" },
  body: JSON.stringify({
    username: "storm-viewer",
    name: "Storm viewer",
    role: "viewer",
    password: VIEWER_PASSWORD,
  }),
});
if (!created.ok) throw new Error(`users.create: ${created.status} ${await created.text()}`);
const viewerCookie = await signIn("storm-viewer", VIEWER_PASSWORD);

// A center: AGENTS agents online and available in one queue.
const ids = Array.from({ length: AGENTS }, (_, i) => `agent-${i}`);
for (const id of ids)
  await postEvent({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
await postEvent({ type: "group.upserted", group: { id: "floor", name: "Floor", members: ids } });
await postEvent({
  type: "queue.upserted",
  queue: {
    ...QUEUE_DEFAULTS,
    id: "support",
    name: "Support",
    groups: [{ groupId: "floor", primary: true }],
    maximumQueueSize: 100,
  },
});
for (const id of ids) {
  await postEvent({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
  await postEvent({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" });
}

// The boards' process.
const boards = fork(fileURLToPath(new URL("./storm-boards.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
type Status = {
  kind: "status";
  boards: number;
  connected: number;
  subscribed: number;
  minSeq: number;
  maxSeq: number;
  centerIds: (string | null)[];
  gaps: number;
  reconnects: number;
  refusals: number;
  closingMessages: number;
  rssMb: number;
};
const waiting = new Map<string, (message: unknown) => void>();
boards.on("message", (message: { kind: string }) => {
  waiting.get(message.kind)?.(message);
  waiting.delete(message.kind);
});
const ask = <T>(cmd: object, kind: string) =>
  new Promise<T>((resolve) => {
    waiting.set(kind, resolve as (m: unknown) => void);
    boards.send(cmd);
  });
const status = () => ask<Status>({ cmd: "status" }, "status");

const connectStarted = Date.now();
await ask({ cmd: "start", url, cookie: viewerCookie, count: BOARDS }, "started");
for (;;) {
  const s = await status();
  if (s.subscribed === BOARDS) break;
  if (Date.now() - connectStarted > 120_000) throw new Error(`only ${s.subscribed} boards subscribed`);
  await sleep(200);
}
const connectMs = Date.now() - connectStarted;

// The load: open-loop call arrivals; each ack's latency is recorded with when the call was due.
type Sample = { due: number; us: number };
const samples: Sample[] = [];
let failures = 0;
let callNo = 0;
let loading = true;
const load = (async () => {
  const start = Date.now();
  while (loading) {
    const due = start + (callNo * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const callId = `call-${callNo++}`;
    const t0 = process.hrtime.bigint();
    postEvent({ type: "call.arrived", callId, queueId: "support", from: "84900000000" })
      .then(() => {
        samples.push({ due, us: Number(process.hrtime.bigint() - t0) / 1000 });
        setTimeout(() => postEvent({ type: "call.abandoned", callId }).catch(() => failures++), 1_500);
      })
      .catch(() => failures++);
  }
})();

await sleep(5_000);
const before = await status();
const dropped = await ask<{ at: number }>({ cmd: "drop" }, "dropped");
const dropAt = dropped.at;
const timeline: { ms: number; connected: number; subscribed: number; behind: number }[] = [];
const seqHistory: { at: number; seq: number }[] = [];
let allReconnectedMs: number | null = null;
let allSubscribedMs: number | null = null;
let consistentMs: number | null = null;
let last: Status = before;
while (Date.now() - dropAt < DEADLINE_MS + 5_000) {
  const [s, seq] = await Promise.all([status(), serverSeq()]);
  const now = Date.now();
  seqHistory.push({ at: now, seq });
  last = s;
  const ms = now - dropAt;
  // The core's seq half a second ago: a board that is live is at least there.
  const reference = [...seqHistory].reverse().find((h) => h.at <= now - 500)?.seq ?? seqHistory[0]!.seq;
  const oneCenter = s.centerIds.length === 1 && s.centerIds[0] !== null;
  if (allReconnectedMs === null && s.connected === BOARDS) allReconnectedMs = ms;
  if (allSubscribedMs === null && s.subscribed === BOARDS) allSubscribedMs = ms;
  if (consistentMs === null && s.subscribed === BOARDS && oneCenter && s.minSeq >= reference)
    consistentMs = ms;
  timeline.push({
    ms,
    connected: s.connected,
    subscribed: s.subscribed,
    behind: Math.max(0, seq - s.minSeq),
  });
  if (consistentMs !== null && ms > consistentMs + 3_000) break;
  await sleep(100);
}
await sleep(3_000);
loading = false;
await load;
await sleep(2_500); // the last hang-ups (1.5 s) and their fan-out (≤ 100 ms)
const finalSeq = await serverSeq();
const final = await status();

// Routing latency by phase (by when each call was due).
const phase = (from: number, to: number) =>
  summarize(samples.filter((s) => s.due >= from && s.due < to).map((s) => s.us));
const p = {
  before: phase(0, dropAt),
  storm: phase(dropAt, dropAt + DEADLINE_MS),
  after: phase(dropAt + DEADLINE_MS, Number.POSITIVE_INFINITY),
};
const metrics = await (await fetch(`${url}/metrics`, { headers: operator })).text();
const metric = (name: string) =>
  Number(new RegExp(`^${name} ([0-9.e+-]+)$`, "m").exec(metrics)?.[1] ?? Number.NaN);

boards.send({ cmd: "stop" });
core.kill("SIGTERM");
const exitCode = await coreExit;
rmSync(dir, { recursive: true, force: true });

const ok =
  consistentMs !== null &&
  consistentMs <= DEADLINE_MS &&
  final.subscribed === BOARDS &&
  final.minSeq === finalSeq &&
  final.maxSeq === finalSeq &&
  final.centerIds.length === 1 &&
  failures === 0 &&
  exitCode === 0;
console.log(
  `\nReconnect storm — ${BOARDS} boards (one process), one core (another), ${RATE} calls/s, ${os.cpus().length} cores, ${new Date().toISOString()}`,
);
console.log(
  `  all ${BOARDS} subscribed from cold in ${(connectMs / 1000).toFixed(1)} s; boards' process RSS ${last.rssMb} MB`,
);
console.log(`  drop: every transport closed at once (network-side cut; clients reconnect by themselves)`);
const sec = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(2)} s`);
console.log(`  all reconnected:        ${sec(allReconnectedMs)}`);
console.log(`  all re-subscribed:      ${sec(allSubscribedMs)}`);
console.log(
  `  all consistent:         ${sec(consistentMs)} (deadline ${DEADLINE_MS / 1000} s; same center id, seq ≥ the core's 0.5 s before)`,
);
console.log(
  `  at the end (load stopped): core seq ${finalSeq}; boards' seq min ${final.minSeq} max ${final.maxSeq}; center ids ${final.centerIds.length}`,
);
console.log(
  `  gaps re-subscribed ${final.gaps}, subscribe retries ${final.refusals}, reconnects ${final.reconnects}`,
);
console.log(`  load: ${samples.length} calls routed and acknowledged, ${failures} failed`);
console.log("\n  call.arrived → acknowledged (routed and committed), by when the call was due:");
console.log(
  table(
    ["phase", "calls", "p50", "p99", "max"],
    Object.entries(p).map(([name, s]) => [name, String(s.n), us(s.p50), us(s.p99), us(s.max)]),
  ),
);
console.log(
  `\n  core (from /metrics): event-loop lag p99 ${(metric("nodejs_eventloop_lag_p99_seconds") * 1000).toFixed(1)} ms, ` +
    `RSS ${(metric("process_resident_memory_bytes") / 2 ** 20).toFixed(0)} MB, ` +
    `engine steps ${metric("callboard_engine_step_seconds_count")} (mean ${((metric("callboard_engine_step_seconds_sum") / metric("callboard_engine_step_seconds_count")) * 1e6).toFixed(0)} µs)`,
);
console.log(`  core stopped with SIGTERM: exit code ${exitCode}`);
console.log(ok ? "\nstorm passed" : "\nSTORM FAILED");
process.exit(ok ? 0 : 1);
