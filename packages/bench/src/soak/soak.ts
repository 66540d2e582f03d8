/**
 * `pnpm soak`: light boards over time. The real core (createApp: SQLite, group commit, the board
 * feed) runs in this process with the simulator at CALLBOARD_SOAK_AGENTS (10,000) agents; the
 * boards (CALLBOARD_SOAK_BOARDS, 50 LiveCenters over socket.io-client) run in a child process.
 * Every few seconds a random board's connection is cut. Reported: divergences (boards whose digest
 * disagreed with a batch's: goal 0), the time each diverged or dropped board took to be live
 * again, and at the end, with the load stopped, every board's seq and digest against the core's.
 *
 * Knobs: CALLBOARD_SOAK_MINUTES (60; 1440 for a day), CALLBOARD_SOAK_AGENTS, CALLBOARD_SOAK_QUEUES
 * (50), CALLBOARD_SOAK_BOARDS, CALLBOARD_SOAK_SPEED (simulator time compression, 1: about 270
 * events/s at 10,000 agents, the issue's daily average — the simulator's arrivals grow with the
 * center since build-bench: speed 60 gives ~4,900 events/s), CALLBOARD_SOAK_DROP_EVERY_SEC (5).
 * Setting up 10,000 agents through the engine takes a minute or two before the clock starts.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { BoardProjector } from "@callboard/contracts";
import { createApp } from "@callboard/server/app";
import { startSimulation } from "@callboard/server/simulation";
import { createSimulator } from "@callboard/simulator";
import pino from "pino";
import { percentile, summarize } from "../stats.ts";

const MINUTES = Number(process.env.CALLBOARD_SOAK_MINUTES ?? 60);
const AGENTS = Number(process.env.CALLBOARD_SOAK_AGENTS ?? 10_000);
const QUEUES = Number(process.env.CALLBOARD_SOAK_QUEUES ?? 50);
const BOARDS = Number(process.env.CALLBOARD_SOAK_BOARDS ?? 50);
const SPEED = Number(process.env.CALLBOARD_SOAK_SPEED ?? 1);
const DROP_EVERY_SEC = Number(process.env.CALLBOARD_SOAK_DROP_EVERY_SEC ?? 5);
for (const [name, value] of Object.entries({ MINUTES, AGENTS, QUEUES, BOARDS, SPEED, DROP_EVERY_SEC })) {
  if (!(value > 0)) throw new Error(`CALLBOARD_SOAK_${name} must be a positive number`);
}
const PASSWORD = "soak viewer password 1234";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface BoardStatus {
  seq: number | null;
  digest: number | null;
  connection: string;
  transport: string;
  divergences: number;
  bytes: number;
}
interface Status {
  boards: BoardStatus[];
  recoveries: { why: "diverged" | "dropped"; ms: number }[];
  snapshotsLoaded: number;
  snapshotMs: number[];
  snapshotFailures: Record<string, number>;
  connectErrors: Record<string, number>;
  rssMb: number;
}

const dir = mkdtempSync(join(os.tmpdir(), "callboard-soak-"));
const logger = pino({ level: "warn" });
const app = createApp({
  dbPath: join(dir, "callboard.db"),
  logger,
  doorLimits: { maxConnections: BOARDS + 1_000, writesPerMinute: 1_000_000 },
  limits: { maxAgents: Math.max(20_000, AGENTS), maxQueues: 1_000, maxGroups: 1_000 },
});
const port = await app.listen(0, "127.0.0.1");
const url = `http://127.0.0.1:${port}`;

console.log(`soak: setting up ${AGENTS.toLocaleString("en")} agents in ${QUEUES} queues…`);
const setupStarted = Date.now();
const simulator = createSimulator({ seed: 24, agents: AGENTS, queues: QUEUES, speed: SPEED });
const stopSimulation = await startSimulation({ core: app.core, simulator, clock: Date.now, logger });
console.log(
  `soak: set up in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s (seq ${app.core.state.seq})`,
);

await app.auth.createUser(
  { username: "soak-viewer", name: "Soak viewer", role: "viewer", password: PASSWORD, agentId: null },
  { principal: null, address: "soak" },
);
const signIn = await fetch(`${url}/auth/sign-in`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "soak-viewer", password: PASSWORD }),
});
const cookie = (signIn.headers.get("set-cookie") ?? "").split(";", 1)[0]!;

const child = fork(fileURLToPath(new URL("./soak-boards.ts", import.meta.url)), {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const ask = <T>(command: object, kind: string) =>
  new Promise<T>((resolve) => {
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      child.off("message", onMessage);
      resolve(message as T);
    };
    child.on("message", onMessage);
    child.send(command);
  });
await ask({ cmd: "start", url, cookie, count: BOARDS }, "started");
console.log(
  `soak: ${BOARDS} boards live; running ${MINUTES} min, a random connection cut every ${DROP_EVERY_SEC} s`,
);

/**
 * What the core's process went through each minute: its event loop's delay (a loop blocked past
 * socket.io's ping timeout drops every socket at once), the largest batch it appended in one commit,
 * and why the server saw sockets go.
 */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let largestBatch = 0;
app.core.onAppended((events) => {
  largestBatch = Math.max(largestBatch, events.length);
});
const serverDisconnects: Record<string, number> = {};
app.io.on("connection", (socket) => {
  socket.on("disconnect", (reason) => {
    serverDisconnects[reason] = (serverDisconnects[reason] ?? 0) + 1;
  });
});
const minuteOfCore = () => {
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  const line =
    `core loop delay p99 ${ms(loopDelay.percentile(99))} ms / max ${ms(loopDelay.max)} ms, ` +
    `largest commit ${largestBatch} events, server-side disconnects ${JSON.stringify(serverDisconnects)}`;
  loopDelay.reset();
  largestBatch = 0;
  return line;
};

const started = Date.now();
const seqAtStart = app.core.state.seq;
let drops = 0;
let nextReport = started + 60_000;
/**
 * How far each board's screen is behind the core, in events (core seq − the seq it shows), sampled
 * once a minute: boards that keep up stay within a few batches; ones that fall behind grow.
 */
const lags: number[] = [];
const lagOf = (status: Status) =>
  status.boards.flatMap((b) => (b.seq === null ? [] : [app.core.state.seq - b.seq]));
const percentileOf = (values: readonly number[], p: number) =>
  values.length === 0
    ? Number.NaN
    : percentile(
        [...values].sort((a, b) => a - b),
        p,
      );
const bytesAtStart = (await ask<Status>({ cmd: "status" }, "status")).boards.reduce((n, b) => n + b.bytes, 0);
while (Date.now() - started < MINUTES * 60_000) {
  await sleep(DROP_EVERY_SEC * 1000);
  await ask({ cmd: "drop", index: Math.floor(Math.random() * BOARDS) }, "dropped");
  drops++;
  if (Date.now() >= nextReport) {
    nextReport += 60_000;
    const status = await ask<Status>({ cmd: "status" }, "status");
    const divergences = status.boards.reduce((n, b) => n + b.divergences, 0);
    const lag = lagOf(status);
    lags.push(...lag);
    const live = status.boards.filter((b) => b.connection === "live").length;
    const loaded = status.boards.filter((b) => b.seq !== null).length;
    console.log(
      `soak: ${((Date.now() - started) / 60_000).toFixed(0)} min, seq ${app.core.state.seq}, ` +
        `${divergences} divergences, ${drops} cuts, ${live}/${BOARDS} live, ${loaded} with a board, ` +
        `applied lag p50 ${percentileOf(lag, 50)} / max ${percentileOf(lag, 100)} events, ` +
        `${status.snapshotsLoaded} snapshots (p50 ${percentileOf(status.snapshotMs, 50)} ms, failed ${JSON.stringify(status.snapshotFailures)}), ` +
        `boards' RSS ${status.rssMb} MB; ${minuteOfCore()}; not live: ${JSON.stringify(
          status.boards.filter((b) => b.connection !== "live").map((b) => [b.connection, b.seq, b.transport]),
        )}`,
    );
  }
}
const elapsedSec = (Date.now() - started) / 1000;
const events = app.core.state.seq - seqAtStart;

// Load off. The core keeps appending (offers ring out and are re-offered to callers still waiting,
// wrap-ups end), so the boards chase a moving seq: each board must hold, at its own seq, exactly the
// board state the core had there (a projection advanced beside the core records the digest at every
// commit), and be no further behind than where the core was one check earlier.
stopSimulation();
const truth = new BoardProjector("soak", app.core.state, app.agentDays);
const stopSeq = truth.seq;
const digestAt = new Map([[stopSeq, truth.digest]]);
app.core.onAppended((appended) => {
  truth.advance(app.core.state, appended, Date.now());
  digestAt.set(truth.seq, truth.digest);
});
const CHECK_EVERY_MS = 3_000;
let final: Status;
let behind = 0;
let wrong = 0;
let mark = app.core.state.seq;
let checkedAgainst = mark;
for (const deadline = Date.now() + 60_000; ; ) {
  await sleep(CHECK_EVERY_MS);
  final = await ask<Status>({ cmd: "status" }, "status");
  checkedAgainst = mark;
  behind = final.boards.filter((b) => b.seq === null || b.seq < mark).length;
  wrong = final.boards.filter(
    (b) => b.seq !== null && b.seq >= stopSeq && digestAt.get(b.seq) !== b.digest,
  ).length;
  mark = app.core.state.seq;
  if (behind === 0 || Date.now() > deadline) break;
}
// Read the counter through the door (as Prometheus would); a starved machine may time it out.
const metrics = await fetch(`${url}/metrics`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) })
  .then((response) => response.text())
  .catch((error: unknown) => `unreadable: ${(error as Error).message}`);
const reported = Number(/callboard_board_divergences_total (\d+)/.exec(metrics)?.[1] ?? Number.NaN);
const divergences = final.boards.reduce((n, b) => n + b.divergences, 0);
const recovery = (why: "diverged" | "dropped") => {
  const ms = final.recoveries.filter((r) => r.why === why).map((r) => r.ms * 1000);
  if (ms.length === 0) return "none";
  const s = summarize(ms);
  return `${ms.length} (p50 ${(s.p50 / 1000).toFixed(0)} ms, p99 ${(s.p99 / 1000).toFixed(0)} ms, max ${(s.max / 1000).toFixed(0)} ms)`;
};
const bytes = final.boards.reduce((n, b) => n + b.bytes, 0) - bytesAtStart;

console.log(`
| soak figure | value |
|---|---|
| duration | ${(elapsedSec / 60).toFixed(1)} min, ${AGENTS.toLocaleString("en")} agents, ${QUEUES} queues, ${BOARDS} boards |
| events | ${events.toLocaleString("en")} (${(events / elapsedSec).toFixed(0)}/s) |
| connections cut | ${drops} |
| divergences (boards' own count; goal 0) | ${divergences} |
| divergences in /metrics (one per board per 10 s at most) | ${reported} |
| recovered after a divergence | ${recovery("diverged")} |
| back live after a cut (reconnect + catch-up from the ring) | ${recovery("dropped")} |
| snapshots loaded (${BOARDS} at start; more = fell out of the ring or diverged) | ${final.snapshotsLoaded} (fetch + parse p50 ${percentileOf(final.snapshotMs, 50)} ms, max ${percentileOf(final.snapshotMs, 100)} ms; failed loads ${JSON.stringify(final.snapshotFailures)}) |
| stream bytes per board (deltas + beats' KPIs) | ${(bytes / BOARDS / elapsedSec / 1024).toFixed(1)} KiB/s |
| boards' applied lag, sampled each minute (core seq − seq shown) | p50 ${percentileOf(lags, 50)}, p99 ${percentileOf(lags, 99)}, max ${percentileOf(lags, 100)} events |
| final check, load stopped (core at seq ${app.core.state.seq}; behind = under the core's seq ${CHECK_EVERY_MS / 1000} s earlier, ${checkedAgainst}): boards behind / with another digest than the core had at their seq | ${behind} / ${wrong}${behind > 0 ? ` (behind: ${JSON.stringify(final.boards.filter((b) => b.seq === null || b.seq < checkedAgainst).map((b) => [b.connection, b.seq, b.transport]))})` : ""} |
| connections refused (connect_error, by message) | ${JSON.stringify(final.connectErrors)} |
| boards' process RSS | ${final.rssMb} MB |
`);
child.send({ cmd: "stop" });
await app.close();
rmSync(dir, { recursive: true, force: true });
process.exit(divergences === 0 && behind === 0 && wrong === 0 ? 0 : 1);
