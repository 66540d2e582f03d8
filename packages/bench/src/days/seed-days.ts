/**
 * `pnpm --filter @callboard/bench seed:days`: seeds SEED_DAYS (30) simulated days of a 10,000-agent,
 * 50-queue center into a real SQLite event log (the server's own EventLog, checkpoints included),
 * then measures boot (from the newest checkpoint, and the baseline: a full replay from seq 0, each in
 * a fresh process), the core's memory after boot and disk per table and per day.
 * Knobs: SEED_DAYS, SEED_AGENTS (10000), SEED_QUEUES (50), SEED_CALLS_PER_DAY (50000),
 * SEED_DIR (a temp folder; kept afterwards so the figures can be re-measured: SEED_MEASURE_ONLY=1),
 * SEED_FULL_REPLAY=0 skips the baseline (minutes per simulated day on a busy machine).
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  type AppendRow,
  assertLogFormat,
  createDb,
  createEventLog,
  migrateDb,
  type NewCheckpoint,
  centerId as readCenterId,
} from "@callboard/db";
import {
  emptyAgentDayState,
  emptyKpiState,
  emptyStatusDayState,
  foldAgentDay,
  foldKpi,
  foldStatusDay,
} from "@callboard/kpi";
import { EVENT_FORMAT, eventSubjects, LOG_DICTIONARY, type LoggedEvent } from "@callboard/routing";
import { CHECKPOINT_FORMAT, DEFAULT_CHECKPOINTS, encodeCheckpoint } from "@callboard/server/checkpoints";
import { bootInChild, defaultSeedDir } from "./boot-child.ts";
import { createCenterDays, DAY_MS } from "./center-days.ts";

const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${raw})`);
  return n;
};
const days = env("SEED_DAYS", 30);
const agents = env("SEED_AGENTS", 10_000);
const queues = env("SEED_QUEUES", 50);
const callsPerDay = env("SEED_CALLS_PER_DAY", 50_000);
const dir = process.env.SEED_DIR ?? defaultSeedDir(agents, days);
const dbPath = join(dir, "callboard.db");
/** Checkpoint cadence: the server's default (CALLBOARD_CHECKPOINT_EVENTS). */
const CHECKPOINT_EVERY = DEFAULT_CHECKPOINTS.everyEvents;
/** Rows per transaction: a big group commit, as a busy core's would be. */
const COMMIT_EVERY = 20_000;
/** Monday 6 October 2025, 00:00 in Ho Chi Minh City (UTC+7, no daylight saving). */
const START = Date.parse("2025-10-05T17:00:00Z");
const ZONE_OFFSET = 7 * 3_600_000;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function seed() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = createDb(dbPath);
  migrateDb(db);
  assertLogFormat(db, EVENT_FORMAT, dbPath);
  const centerId = readCenterId(db);
  const log = createEventLog<LoggedEvent>(db, { dictionary: LOG_DICTIONARY });
  const kpi = emptyKpiState();
  const agentDays = emptyAgentDayState();
  const statusDays = emptyStatusDayState();
  let rows: AppendRow<LoggedEvent>[] = [];
  let sinceCheckpoint = 0;
  let events = 0;
  const checkpointTimes: { serializeMs: number; compressMs: number; bytes: number }[] = [];

  const center = createCenterDays(
    { agents, queues, callsPerDay, seed: 1, start: START, zoneOffsetMs: ZONE_OFFSET },
    (applied) => {
      for (const event of applied) {
        foldKpi(kpi, event, center.state);
        foldAgentDay(agentDays, event, center.state);
        foldStatusDay(statusDays, event);
        rows.push({ event, idempotencyKey: null, ...eventSubjects(event) });
      }
      events += applied.length;
      sinceCheckpoint += applied.length;
      if (rows.length >= COMMIT_EVERY) commit();
    },
  );

  /** One group commit; with a checkpoint of the state after it when one is due, as the core writes it. */
  function commit(force = false) {
    let checkpoint: NewCheckpoint | null = null;
    if (sinceCheckpoint >= CHECKPOINT_EVERY || (force && sinceCheckpoint > 0)) {
      const t0 = performance.now();
      const json = encodeCheckpoint(centerId, center.state, { kpi, agentDays, statusDays });
      const t1 = performance.now();
      const data = gzipSync(json, { level: 1 });
      checkpointTimes.push({ serializeMs: t1 - t0, compressMs: performance.now() - t1, bytes: data.length });
      checkpoint = { seq: center.state.seq, at: center.now, centerId, format: CHECKPOINT_FORMAT, data };
      sinceCheckpoint = 0;
    }
    log.append(rows, [], checkpoint);
    rows = [];
  }

  const started = performance.now();
  center.setup();
  const perDay: { day: number; events: number; calls: number; fileBytes: number; seconds: number }[] = [];
  let lastEvents = 0;
  let lastCalls = 0;
  for (let d = 0; d < days; d++) {
    const dayStart = START + d * DAY_MS;
    const t = performance.now();
    center.planDay(dayStart);
    center.runUntil(dayStart + DAY_MS - 1);
    commit(d === days - 1);
    const fileBytes = fileSize();
    perDay.push({
      day: d + 1,
      events: events - lastEvents,
      calls: center.stats.calls - lastCalls,
      fileBytes,
      seconds: (performance.now() - t) / 1000,
    });
    lastEvents = events;
    lastCalls = center.stats.calls;
    console.log(
      `day ${d + 1}/${days}: ${perDay.at(-1)!.events} events, ${perDay.at(-1)!.calls} calls, ` +
        `file ${mb(fileBytes)}, ${perDay.at(-1)!.seconds.toFixed(1)} s`,
    );
  }
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return {
    seedSeconds: (performance.now() - started) / 1000,
    events,
    calls: center.stats.calls,
    rejected: center.stats.rejected,
    perDay,
    checkpointTimes,
  };
}

function fileSize(): number {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return size(dbPath) + size(`${dbPath}-wal`);
}

function diskByTable() {
  const db = createDb(dbPath);
  const rows = db.$client
    .prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
    .all() as { name: string; bytes: number }[];
  const counts = Object.fromEntries(
    ["events", "event_agents", "checkpoints"].map((t) => [
      t,
      (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
  const packed = db.$client
    .prepare("SELECT count(*) AS n, SUM(length(packed)) AS bytes FROM events WHERE packed IS NOT NULL")
    .get() as { n: number; bytes: number };
  db.$client.close();
  return { rows, counts, packed };
}

const seeded = process.env.SEED_MEASURE_ONLY === "1" ? null : seed();
const disk = diskByTable();
const boots = {
  checkpoint: bootInChild(dbPath, true),
  ...(process.env.SEED_FULL_REPLAY === "0" ? {} : { full: bootInChild(dbPath, false) }),
};
const fileBytes = fileSize();

console.log(`\n## ${days} simulated days, ${agents} agents, ${queues} queues, ${callsPerDay} calls/day`);
console.log(`database: ${dbPath}`);
if (seeded) {
  const cp = seeded.checkpointTimes;
  const worst = (k: "serializeMs" | "compressMs") => Math.max(...cp.map((c) => c[k])).toFixed(1);
  console.log(
    `seeded ${seeded.events.toLocaleString("en")} events (${seeded.calls.toLocaleString("en")} calls, ` +
      `${seeded.rejected} inputs refused) in ${seeded.seedSeconds.toFixed(0)} s`,
  );
  console.log(
    `checkpoints: ${cp.length}, ${mb(cp.at(-1)?.bytes ?? 0)} each (gzip -1); serialize (core thread) ` +
      `max ${worst("serializeMs")} ms, compress (thread pool in the server) max ${worst("compressMs")} ms`,
  );
}
const total = disk.rows.reduce((s, r) => s + r.bytes, 0);
console.log(`\n| table / index | size | share |\n|---|---:|---:|`);
for (const r of disk.rows)
  console.log(`| ${r.name} | ${mb(r.bytes)} | ${((100 * r.bytes) / total).toFixed(1)} % |`);
console.log(`| **total (dbstat)** | **${mb(total)}** | |`);
console.log(
  `file ${mb(fileBytes)}; per simulated day ${mb(fileBytes / days)}; rows: ${JSON.stringify(disk.counts)}; ` +
    `packed events ${disk.packed.n.toLocaleString("en")} (${mb(disk.packed.bytes ?? 0)}, ` +
    `${Math.round((disk.packed.bytes ?? 0) / Math.max(1, disk.packed.n))} B each)`,
);
console.log(`\n| boot | time | from seq | to seq | first step after (index build) | RSS | heap used |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|`);
for (const [name, b] of Object.entries(boots))
  console.log(
    `| ${name === "full" ? "full replay (baseline)" : "checkpoint + tail"} | ${(b.bootMs / 1000).toFixed(2)} s | ` +
      `${b.fromSeq} | ${b.seq} | ${b.firstDecisionMs.toFixed(0)} ms | ${b.rssMb.toFixed(0)} MB | ${b.heapUsedMb.toFixed(0)} MB |`,
  );
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
console.log(
  `\ntargets (${days} days measured, disk scaled linearly to 30): boot ≤ 5 s ${verdict(boots.checkpoint.bootMs <= 5_000)}; ` +
    `disk ≤ 2 GB for 30 days ${verdict((fileBytes / days) * 30 <= 2 * 1024 ** 3)} (${mb((fileBytes / days) * 30)} for 30 days); ` +
    `memory ≤ 1 GB ${verdict(boots.checkpoint.rssMb <= 1024)}`,
);
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, "seed-days.json"),
  `${JSON.stringify({ days, agents, queues, callsPerDay, seeded, disk, fileBytes, boots }, null, 2)}\n`,
);
