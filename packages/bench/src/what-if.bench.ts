/**
 * What-if replay: how long a simulated day takes to replay, and what it costs live routing.
 *
 * 1. One day of a BENCH_WHATIF_AGENTS-agent center is simulated in-process (the simulator through
 *    the pure engine, a step every BENCH_WHATIF_TICK_MS) and written to a SQLite log.
 * 2. The real server boots on it (its clock just after the day). A load keeps the core routing: the
 *    day's inputs again, a day later with fresh call ids, submitted through the core at their pace ×
 *    BENCH_WHATIF_SPEED. The core's event-loop delay (perf_hooks, 10 ms resolution) is recorded for
 *    a stretch without a what-if, then while a what-if of the whole day (another strategy) runs in
 *    its worker, requested over HTTP as a supervisor; alternated, 3 times each.
 * Reported: the what-if's run time (worker start to result), and the lag p99 with and without.
 *
 * Run: pnpm --filter @callboard/bench what-if
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { assertLogFormat, centerId, createDb, createEventLog, migrateDb } from "@callboard/db";
import {
  type CenterState,
  EVENT_FORMAT,
  emptyState,
  eventSubjects,
  type InputEvent,
  type LoggedEvent,
  step,
} from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";
import { pino } from "pino";
import { createApp } from "../../../apps/server/src/app.ts";
import { signInCookie } from "../../../apps/server/src/core-process.test-support.ts";
import { positiveKnob } from "./knob.ts";
import { count, table } from "./report.ts";

const AGENTS = positiveKnob("BENCH_WHATIF_AGENTS", 40);
const QUEUES = positiveKnob("BENCH_WHATIF_QUEUES", 3);
const TICK_MS = positiveKnob("BENCH_WHATIF_TICK_MS", 1000);
const SPEED = positiveKnob("BENCH_WHATIF_SPEED", 20);
const ROUNDS = positiveKnob("BENCH_WHATIF_ROUNDS", 3);
const DAY_MS = 86_400_000;
/** Monday 2 November 2026, 00:00 in Ho Chi Minh City. */
const DAY = Date.parse("2026-11-01T17:00:00Z");

console.log(`What-if bench (@callboard/bench): one day, ${AGENTS} agents, ${QUEUES} queues\n`);

// --- 1. one simulated day, written to a log -------------------------------------------------------

type Moment = { at: number; inputs: InputEvent[] };
const simulator = createSimulator({ seed: 2026, agents: AGENTS, queues: QUEUES });
const state: CenterState = emptyState();
const events: LoggedEvent[] = [];
const moments: Moment[] = [];
const send = (event: InputEvent | null, at: number) => {
  const result = step(state, event, at);
  if (result.ok) events.push(...result.applied);
};
let now = DAY;
for (const e of simulator.setup(now)) send(e, now);
while (now < DAY + DAY_MS - 60_000) {
  now += TICK_MS;
  send(null, now);
  const inputs = simulator.tick(state, now);
  if (inputs.length > 0) moments.push({ at: now, inputs });
  for (const e of inputs) send(e, now);
}
const dir = mkdtempSync(join(os.tmpdir(), "callboard-whatif-bench-"));
const dbPath = join(dir, "callboard.db");
{
  const db = createDb(dbPath);
  migrateDb(db);
  assertLogFormat(db, EVENT_FORMAT, dbPath);
  centerId(db);
  const log = createEventLog<LoggedEvent>(db);
  for (let i = 0; i < events.length; i += 20_000)
    log.append(
      events.slice(i, i + 20_000).map((e) => {
        const subjects = eventSubjects(e);
        return { event: e, idempotencyKey: null, agentIds: subjects.agentIds, callId: subjects.callId };
      }),
    );
  db.$client.close();
}
const calls = events.filter((e) => e.type === "call.arrived").length;
console.log(`Simulated and logged one day: ${count(events.length)} events, ${count(calls)} calls`);

// --- 2. the server, a routing load, and what-ifs ---------------------------------------------------

const clock = { now: DAY + DAY_MS + 60_000 };
const app = createApp({ dbPath, clock: () => clock.now, logger: pino({ level: "silent" }) });
const port = await app.listen(0, "127.0.0.1");
const url = `http://127.0.0.1:${port}`;
await app.auth.createUser(
  { username: "bench", name: "Bench", role: "supervisor", password: "bench password 1234", agentId: null },
  { principal: null, address: "bench" },
);
const cookie = await signInCookie(url, "bench", "bench password 1234");
console.log(`The server booted on it (seq ${count(app.core.state.seq)}); measuring…`);
const trpc = async (path: string, input: unknown, method: "GET" | "POST") => {
  const res =
    method === "GET"
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        })
      : await fetch(`${url}/trpc/${path}`, {
          method,
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  if (!res.ok) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result!.data;
};

/** The day's inputs again, a day later, call ids fresh: the core keeps routing while we measure. */
let loadIndex = 0;
let loadRound = 0;
let stopLoad = false;
async function load(): Promise<void> {
  while (!stopLoad) {
    const moment = moments[loadIndex]!;
    const next = moments[loadIndex + 1] ?? moments[0]!;
    const shift = (loadRound + 1) * DAY_MS;
    clock.now = moment.at + shift;
    const inputs = moment.inputs.map((e) =>
      "callId" in e ? ({ ...e, callId: `r${loadRound}-${e.callId}` } as InputEvent) : e,
    );
    await Promise.all(inputs.map((e) => app.core.submit(e).catch(() => null)));
    loadIndex = (loadIndex + 1) % moments.length;
    if (loadIndex === 0) loadRound++;
    const wait = Math.max(0, (next.at - moment.at) / SPEED);
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1_000)));
  }
}

const histogram = monitorEventLoopDelay({ resolution: 10 });
async function lagDuring(work: () => Promise<unknown>): Promise<number> {
  histogram.reset();
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.percentile(99) / 1e6;
}

type Status = { state: string; ms?: number; result?: { kind: string; decisions?: { differing: number } } };
async function whatIf(): Promise<{ ms: number; differing: number }> {
  const { runId } = (await trpc(
    "whatIf.start",
    {
      queueId: Object.keys(state.queues).sort()[0],
      from: DAY,
      to: DAY + DAY_MS - 60_000,
      change: { kind: "strategy", strategy: "random" },
    },
    "POST",
  )) as { runId: string };
  for (;;) {
    const status = (await trpc("whatIf.status", { runId }, "GET")) as Status;
    if (status.state === "done")
      return { ms: status.ms!, differing: status.result?.decisions?.differing ?? 0 };
    if (status.state !== "running") throw new Error(JSON.stringify(status));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const loading = load();
await new Promise((resolve) => setTimeout(resolve, 2_000)); // the load settles in
const runs: { baseline: number; during: number; ms: number; differing: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let result = { ms: 0, differing: 0 };
  const during = await lagDuring(async () => {
    result = await whatIf();
  });
  // The same span of time without a what-if, under the same load.
  const baseline = await lagDuring(
    () => new Promise((resolve) => setTimeout(resolve, Math.max(2_000, result.ms))),
  );
  runs.push({ baseline, during, ...result });
  console.log(
    `round ${round + 1}: run ${(result.ms / 1000).toFixed(1)} s, lag p99 ${during.toFixed(1)} ms during, ${baseline.toFixed(1)} ms without`,
  );
}
stopLoad = true;
await loading;
await app.close();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `\nA what-if of the whole day for one queue (strategy → random), ${ROUNDS} rounds, under a routing load ` +
    `(the day's inputs at ${SPEED}× speed):\n`,
);
console.log(
  table(
    ["round", "what-if run", "differing decisions", "lag p99 without", "lag p99 during", "target"],
    runs.map((r, i) => [
      String(i + 1),
      `${(r.ms / 1000).toFixed(1)} s`,
      count(r.differing),
      `${r.baseline.toFixed(1)} ms`,
      `${r.during.toFixed(1)} ms`,
      "during ≤ 20 ms",
    ]),
  ),
);
const worst = Math.max(...runs.map((r) => r.during));
console.log(
  `\nmedian run ${(median(runs.map((r) => r.ms)) / 1000).toFixed(1)} s; lag p99 median without ${median(runs.map((r) => r.baseline)).toFixed(1)} ms, during ${median(runs.map((r) => r.during)).toFixed(1)} ms (worst ${worst.toFixed(1)} ms): ${worst <= 20 ? "PASS" : "FAIL"}`,
);
