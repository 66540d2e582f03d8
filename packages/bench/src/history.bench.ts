/**
 * History's read model at the size: 30 days of a 500-agent, 20-queue center.
 *
 * 1. One day is simulated in-process with a fake clock (the simulator through the pure engine,
 *    ticking every BENCH_HISTORY_TICK_MS), its calls closed before midnight. It is written to a
 *    SQLite log as the LAST BENCH_HISTORY_REAL_DAYS days of the period (laid end to end, times
 *    shifted a day each, call ids prefixed per day) and booted by the real server: the boot replay
 *    builds the read model from those days (its time is the rebuild's).
 * 2. The earlier days are made in the read model only: with the server running, each earlier day's
 *    15-minute buckets are copies of a real day's (a day earlier per copy, SQL on a second
 *    connection), so the read model holds BENCH_HISTORY_DAYS days of buckets while the log holds the
 *    real days. A query reads only the read-model tables (plus the live fold's open intervals), so
 *    it does the same work as after 30 simulated days; replaying 30 days would cost ~76 s each here.
 * 3. A 30-day query for one queue, over HTTP (tRPC) as a signed-in viewer, at 15 minutes, hours and
 *    days: p50/p99 of BENCH_HISTORY_QUERIES each (target ≤ 200 ms).
 * 4. Ingest with and without the read model: the day's inputs, three hours of them, submitted through
 *    the core at their times (one group commit per moment) on a memory file system so fsync does
 *    not hide the CPU cost; alternated, median of 3 (target: the read model costs ≤ 10 %).
 *
 * Run: pnpm --filter @callboard/bench history
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { assertLogFormat, centerId, createDb, createEventLog, migrateDb } from "@callboard/db";
import { localDay } from "@callboard/kpi";
import {
  type CenterState,
  type DomainEvent,
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
import { count, ratio, table } from "./report.ts";
import { type Summary, summarize } from "./stats.ts";

const DAYS = positiveKnob("BENCH_HISTORY_DAYS", 30);
const AGENTS = positiveKnob("BENCH_HISTORY_AGENTS", 500);
const QUEUES = positiveKnob("BENCH_HISTORY_QUEUES", 20);
const REAL_DAYS = Math.min(positiveKnob("BENCH_HISTORY_REAL_DAYS", 1), DAYS);
const QUERIES = positiveKnob("BENCH_HISTORY_QUERIES", 50);
const TICK_MS = positiveKnob("BENCH_HISTORY_TICK_MS", 2000);
const INGEST_HOURS = positiveKnob("BENCH_HISTORY_INGEST_HOURS", 3);
const TZ = "Asia/Ho_Chi_Minh";
const DAY_MS = 86_400_000;
/** Monday 2 November 2026, 00:00 in Ho Chi Minh City. */
const FIRST_DAY = Date.parse("2026-11-01T17:00:00Z");
const scratch = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();

console.log(
  `History bench (@callboard/bench): ${DAYS} days (${REAL_DAYS} simulated and replayed, ` +
    `${DAYS - REAL_DAYS} copied in the read model), ${AGENTS} agents, ${QUEUES} queues\n`,
);

// --- 1. one simulated day --------------------------------------------------------------------------

type Moment = { at: number; inputs: InputEvent[] };

function simulateDay(): { events: LoggedEvent[]; moments: Moment[] } {
  const simulator = createSimulator({ seed: 2026, agents: AGENTS, queues: QUEUES });
  const state: CenterState = emptyState();
  const events: LoggedEvent[] = [];
  const moments: Moment[] = [];
  const send = (event: DomainEvent | null, at: number) => {
    const result = step(state, event as InputEvent | null, at);
    if (result.ok) events.push(...result.applied);
  };
  let now = FIRST_DAY;
  const setup = simulator.setup(now);
  moments.push({ at: now, inputs: setup });
  for (const e of setup) send(e, now);
  // Traffic until 23:50, then every call still there is closed so the day ends with none.
  const stop = FIRST_DAY + DAY_MS - 10 * 60_000;
  while (now < stop) {
    now += TICK_MS;
    send(null, now);
    const inputs = simulator.tick(state, now);
    if (inputs.length > 0) moments.push({ at: now, inputs });
    for (const e of inputs) send(e, now);
  }
  for (const call of Object.values(state.calls))
    send(
      call.status === "talking"
        ? { type: "call.ended", callId: call.id }
        : { type: "call.abandoned", callId: call.id },
      now,
    );
  send(null, FIRST_DAY + DAY_MS - 1000); // wrap-ups end before midnight
  return { events, moments };
}

let started = performance.now();
const day = simulateDay();
const simulateSec = (performance.now() - started) / 1000;
console.log(`Simulated one day: ${count(day.events.length)} events in ${simulateSec.toFixed(1)} s`);

/** Day `d`'s copy of an event: a day later per d, its call ids its own. */
function shifted(event: LoggedEvent, d: number, seq: number): LoggedEvent {
  const shift = d * DAY_MS;
  const copy = { ...event, seq, at: event.at + shift } as LoggedEvent & Record<string, unknown>;
  if ("callId" in event) copy.callId = `d${d}-${event.callId}`;
  if (event.type === "call.offered") {
    copy.expiresAt = event.expiresAt + shift;
    copy.decision = { ...event.decision, at: event.decision.at + shift, callId: `d${d}-${event.callId}` };
  }
  return copy;
}

// --- seed the log and boot the server on it --------------------------------------------------------

const dir = mkdtempSync(join(scratch, "callboard-history-bench-"));
const dbPath = join(dir, "callboard.db");
{
  const db = createDb(dbPath);
  migrateDb(db);
  assertLogFormat(db, EVENT_FORMAT, dbPath);
  centerId(db);
  const log = createEventLog<LoggedEvent>(db);
  let seq = 0;
  let rows: Parameters<typeof log.append>[0] = [];
  for (let d = DAYS - REAL_DAYS; d < DAYS; d++) {
    for (const event of day.events) {
      const e = shifted(event, d, ++seq);
      // No per-agent index rows: history never reads them, and they are most of the seeding time.
      rows.push({ event: e, idempotencyKey: null, agentIds: [], callId: eventSubjects(e).callId });
      if (rows.length === 20_000) {
        log.append(rows);
        rows = [];
      }
    }
  }
  log.append(rows);
  db.$client.close();
  console.log(`Seeded ${count(seq)} events (the last ${REAL_DAYS} of ${DAYS} days)`);
}

const lastMidnight = FIRST_DAY + DAYS * DAY_MS;
const clock = { now: lastMidnight - 1000 };
started = performance.now();
const app = createApp({ dbPath, clock: () => clock.now, logger: pino({ level: "silent" }) });
const bootSec = (performance.now() - started) / 1000;
const port = await app.listen(0, "127.0.0.1");
const url = `http://127.0.0.1:${port}`;
await app.auth.createUser(
  { username: "bench", name: "Bench", role: "viewer", password: "bench password 1234", agentId: null },
  { principal: null, address: "bench" },
);
const cookie = await signInCookie(url, "bench", "bench password 1234");

// --- 2. the earlier days, copied in the read model ---------------------------------------------------

/** Each earlier day's buckets, copied from a real day's (cycling over them), on a second connection. */
function copyEarlierDays(): number {
  const db = createDb(dbPath);
  const columns = (table: string) =>
    (db.$client.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[])
      .map((c) => `\`${c.name}\``)
      .filter((c) => c !== "`bucket`");
  const copy = (table: string) => {
    const list = columns(table);
    return db.$client.prepare(
      `INSERT INTO \`${table}\` (\`bucket\`, ${list.join(", ")}) SELECT \`bucket\` - ?, ${list.join(", ")} ` +
        `FROM \`${table}\` WHERE \`bucket\` >= ? AND \`bucket\` < ?`,
    );
  };
  const statements = [copy("history_queue_buckets"), copy("history_agent_buckets")];
  let rows = 0;
  db.$client.transaction(() => {
    for (let d = 0; d < DAYS - REAL_DAYS; d++) {
      const source = DAYS - REAL_DAYS + (d % REAL_DAYS);
      const start = FIRST_DAY + source * DAY_MS;
      for (const statement of statements)
        rows += statement.run((source - d) * DAY_MS, start, start + DAY_MS).changes;
    }
  })();
  db.$client.close();
  return rows;
}
started = performance.now();
const copiedRows = copyEarlierDays();
console.log(
  `Copied ${count(copiedRows)} bucket rows for ${DAYS - REAL_DAYS} earlier days in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// --- 3. the 30-day query ----------------------------------------------------------------------------

const queueId = Object.keys(app.core.state.queues).sort()[0]!;
const dates = (t: number) => new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
const lastDay = localDay(clock.now, TZ);
const range = {
  preset: "custom",
  from: dates(lastDay.start - (Math.min(DAYS, 30) - 1) * DAY_MS),
  to: dates(lastDay.start),
};
async function timeQuery(granularity: string): Promise<{ ms: Summary; points: number; offered: number }> {
  const input = encodeURIComponent(JSON.stringify({ queueId, range, granularity }));
  const times: number[] = [];
  let body: { result: { data: { points: unknown[]; total: { offered: number } } } } | null = null;
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/trpc/history.queue?input=${input}`, { headers: { cookie } });
    body = (await res.json()) as typeof body;
    if (!res.ok) throw new Error(JSON.stringify(body));
    times.push(performance.now() - t);
  }
  return {
    ms: summarize(times),
    points: body!.result.data.points.length,
    offered: body!.result.data.total.offered,
  };
}
const queries = [];
for (const g of ["15min", "hour", "day"]) queries.push([g, await timeQuery(g)] as const);
await app.close();
rmSync(dir, { recursive: true, force: true });

// --- 4. ingest with and without the read model ------------------------------------------------------

const ingestMoments = day.moments.filter((m) => m.at < FIRST_DAY + INGEST_HOURS * 3_600_000);
const ingestInputs = ingestMoments.reduce((n, m) => n + m.inputs.length, 0);
async function ingest(history: boolean): Promise<number> {
  const runDir = mkdtempSync(join(scratch, "callboard-ingest-"));
  const ingestClock = { now: FIRST_DAY };
  const server = createApp({
    dbPath: join(runDir, "callboard.db"),
    clock: () => ingestClock.now,
    logger: pino({ level: "silent" }),
    history,
  });
  const t = performance.now();
  for (const moment of ingestMoments) {
    ingestClock.now = moment.at;
    // Refusals are expected now and then (the simulator planned from its own run's state).
    await Promise.all(moment.inputs.map((e) => server.core.submit(e).catch(() => null)));
  }
  const seconds = (performance.now() - t) / 1000;
  await server.close();
  rmSync(runDir, { recursive: true, force: true });
  return ingestInputs / seconds;
}
const without: number[] = [];
const withHistory: number[] = [];
for (let round = 0; round < 3; round++) {
  without.push(await ingest(false));
  withHistory.push(await ingest(true));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
const base = median(without);
const kept = median(withHistory);

console.log(
  `\nBoot on the seeded log (${REAL_DAYS} day(s): replay + read model rebuilt from nothing): ${bootSec.toFixed(1)} s`,
);
console.log(
  `\nA ${Math.min(DAYS, 30)}-day query for one queue (${queueId}), HTTP (tRPC) as a viewer, ${QUERIES} each ` +
    `(read model: ${REAL_DAYS} replayed day(s) + ${DAYS - REAL_DAYS} copied):\n`,
);
console.log(
  table(
    ["step", "points", "offered", "p50 ms", "p99 ms", "target"],
    queries.map(([g, q]) => [
      g,
      count(q.points),
      count(q.offered),
      q.ms.p50.toFixed(1),
      q.ms.p99.toFixed(1),
      "p99 ≤ 200 ms",
    ]),
  ),
);
console.log(
  `\nIngest through the core, ${count(ingestInputs)} inputs (${INGEST_HOURS} h of the day), median of 3:\n`,
);
console.log(
  table(
    ["", "inputs/s", "× baseline", "cost", "target"],
    [
      ["baseline: no read model", count(base), "1.00×", "", ""],
      [
        "with the read model",
        count(kept),
        ratio(kept, base),
        `${((1 - kept / base) * 100).toFixed(1)} %`,
        "≤ 10 %",
      ],
    ],
  ),
);
