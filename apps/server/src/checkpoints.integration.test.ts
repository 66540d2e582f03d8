import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createDb, createEventLog, migrateDb } from "@callboard/db";
import {
  agentDaySnapshot,
  emptyAgentDayState,
  emptyKpiState,
  foldAgentDay,
  foldKpi,
  queueKpis,
  restoreAgentDay,
  restoreKpi,
} from "@callboard/kpi";
import { emptyState, type LoggedEvent, replay } from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app.ts";
import { CHECKPOINT_FORMAT } from "./checkpoints.ts";

const T0 = Date.parse("2026-11-23T02:00:00Z");

/** A real app over a temp file, its logger's lines kept, checkpoints every `everyEvents`. */
function boot(dir: string, clock: { now: number }, everyEvents = 300) {
  const lines: { level: number; msg: string; fromCheckpointSeq?: number }[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app: App = createApp({
    dbPath: join(dir, "callboard.db"),
    clock: () => clock.now,
    logger,
    checkpoints: { everyEvents, everyMs: 3_600_000 },
    onFatal: (error) => {
      throw error;
    },
  });
  return { app, lines, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

/** Drives the simulator (60 agents, 3 queues) through the app's core for `minutes`, a tick a second. */
async function simulate(
  app: App,
  clock: { now: number },
  minutes: number,
  onSecond?: (second: number) => void,
  /** After `minutes`, keeps ticking while this says so (the test needs a state it cannot time). */
  keepGoing: () => boolean = () => false,
) {
  const sim = createSimulator({ seed: 11, agents: 60, queues: 3 });
  const submitAll = (events: ReturnType<typeof sim.setup>) =>
    Promise.all(events.map((e) => app.core.submit(e).catch(() => null)));
  await submitAll(sim.setup(clock.now));
  for (let s = 0; s < minutes * 60 || keepGoing(); s++) {
    clock.now += 1000;
    await submitAll(sim.tick(app.core.state, clock.now));
    onSecond?.(s);
  }
  // The last checkpoint is compressed in the thread pool, then rides the next commit.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** The log of the database in `dir`, read with a fresh connection. */
function openLog(dir: string) {
  const db = createDb(join(dir, "callboard.db"));
  migrateDb(db);
  return { db, log: createEventLog<LoggedEvent>(db) };
}

/** History's read model in a database file: every bucket row and its position, as plain data. */
function historyOf(file: string) {
  const db = createDb(file).$client;
  try {
    return {
      queues: db.prepare("SELECT * FROM history_queue_buckets ORDER BY queue_id, bucket").all(),
      agents: db.prepare("SELECT * FROM history_agent_buckets ORDER BY agent_id, bucket").all(),
      state: db.prepare("SELECT seq, version FROM history_state").get() as { seq: number; version: number },
    };
  } finally {
    db.close();
  }
}

/** What a full replay of events 1..seq gives: the center, and the KPI folds beside it. */
function replayUpTo(events: LoggedEvent[], seq: number) {
  const state = emptyState();
  const kpi = emptyKpiState();
  const agentDays = emptyAgentDayState();
  for (const e of events) {
    if (e.seq > seq) break;
    foldAgentDay(agentDays, e, state);
    replay(state, [e]);
    foldKpi(kpi, e, state);
  }
  return { state, kpi, agentDays };
}

describe("checkpoints", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "callboard-cp-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A database with a few minutes of simulated traffic and its checkpoints. */
  async function seeded() {
    const dir = tempDir();
    const clock = { now: T0 };
    const { app } = boot(dir, clock);
    await simulate(app, clock, 6);
    await app.close();
    const { db, log } = openLog(dir);
    const events = [...log.readAllAfter(0)];
    return { dir, clock, db, log, events };
  }

  it("each one equals the replay of the log up to its seq: the center, the KPIs and the agents' day", async () => {
    const { db, log, events, clock } = await seeded();
    const rows = log.checkpoints();
    expect(rows.length).toBe(2);
    expect(rows[0]!.seq).toBeGreaterThan(rows[1]!.seq);
    expect(rows[0]!.seq).toBeLessThanOrEqual(events.length);
    for (const row of rows) {
      expect(row.format).toBe(CHECKPOINT_FORMAT);
      const payload = JSON.parse(gunzipSync(row.data).toString("utf8"));
      const expected = replayUpTo(events, row.seq);
      expect(payload.state).toEqual(expected.state);
      const kpi = restoreKpi(payload.kpi);
      for (const queueId of Object.keys(expected.state.queues)) {
        expect(queueKpis(kpi, queueId, clock.now)).toEqual(queueKpis(expected.kpi, queueId, clock.now));
      }
      expect(agentDaySnapshot(restoreAgentDay(payload.agentDays), clock.now)).toEqual(
        agentDaySnapshot(expected.agentDays, clock.now),
      );
      expect(Object.keys(agentDaySnapshot(expected.agentDays, clock.now).agents).length).toBeGreaterThan(0);
    }
    db.$client.close();
  }, 60_000);

  it("boot starts from the newest and replays only the tail, to the same center and KPIs", async () => {
    const { dir, db, log, events, clock } = await seeded();
    const newest = log.checkpoints()[0]!.seq;
    db.$client.close();
    const { app, lines, warnings } = boot(dir, clock);
    expect(lines.find((l) => l.fromCheckpointSeq !== undefined)?.fromCheckpointSeq).toBe(newest);
    expect(warnings()).toEqual([]);
    const full = replayUpTo(events, Number.MAX_SAFE_INTEGER);
    expect(app.core.state).toEqual(full.state);
    for (const queueId of Object.keys(full.state.queues))
      expect(app.kpis(queueId, clock.now)).toEqual(queueKpis(full.kpi, queueId, clock.now));
    await app.close();
  }, 60_000);

  it("skips a corrupt, a foreign or another format's checkpoint with a warning, and replays the whole log", async () => {
    const { dir, db, log, events, clock } = await seeded();
    const [newest, older] = log.checkpoints();
    const full = replayUpTo(events, Number.MAX_SAFE_INTEGER);
    const restartWith = async (damage: () => void) => {
      damage();
      const { app, lines, warnings } = boot(dir, clock, 1_000_000);
      const fromSeq = lines.find((l) => l.fromCheckpointSeq !== undefined)?.fromCheckpointSeq;
      expect(app.core.state).toEqual(full.state);
      for (const queueId of Object.keys(full.state.queues))
        expect(app.kpis(queueId, clock.now)).toEqual(queueKpis(full.kpi, queueId, clock.now));
      await app.close();
      return { fromSeq, warnings: warnings() };
    };
    const sqlite = db.$client;

    // Unreadable newest: the one before it is used.
    let result = await restartWith(() =>
      sqlite
        .prepare("UPDATE checkpoints SET data = ? WHERE seq = ?")
        .run(Buffer.from("not gzip"), newest!.seq),
    );
    expect(result.fromSeq).toBe(older!.seq);
    expect(result.warnings).toEqual([
      expect.stringMatching(new RegExp(`^checkpoint at seq ${newest!.seq} skipped: it cannot be read`)),
    ]);

    // And the other from another history: nothing left to trust, a full replay.
    result = await restartWith(() =>
      sqlite.prepare("UPDATE checkpoints SET center_id = 'elsewhere' WHERE seq = ?").run(older!.seq),
    );
    expect(result.fromSeq).toBe(0);
    expect(result.warnings).toEqual([
      expect.stringContaining("cannot be read"),
      expect.stringContaining("belongs to another event history (elsewhere"),
    ]);

    // Another format, and a valid gzip whose content is not a checkpoint of this center.
    result = await restartWith(() => {
      sqlite
        .prepare(
          "UPDATE checkpoints SET format = 99, center_id = (SELECT value FROM meta WHERE key = 'center_id')",
        )
        .run();
      sqlite
        .prepare("UPDATE checkpoints SET format = ?, data = ? WHERE seq = ?")
        .run(CHECKPOINT_FORMAT, gzipSync('{"hello":1}'), newest!.seq);
    });
    expect(result.fromSeq).toBe(0);
    expect(result.warnings).toEqual([
      expect.stringContaining("cannot be read (its content belongs to another event history"),
      expect.stringContaining("written in checkpoint format 99"),
    ]);
    db.$client.close();
  }, 90_000);

  it("history's read model behind the newest checkpoint: boot starts early enough to catch it up, never past it", async () => {
    // A run whose history read model is copied (flushed first) each time a checkpoint lands: copies
    // at seqs known against the checkpoints, whatever the machine's speed.
    const dir = tempDir();
    const file = join(dir, "callboard.db");
    const clock = { now: T0 };
    const { app } = boot(dir, clock);
    const reader = createDb(file).$client;
    const newestLanded = () =>
      (reader.prepare("SELECT max(seq) AS seq FROM checkpoints").get() as { seq: number | null }).seq ?? 0;
    const copies: string[] = [];
    let copiedAfter = 0;
    let secondsSinceCopy = 0;
    await simulate(
      app,
      clock,
      6,
      (second) => {
        secondsSinceCopy++;
        if (newestLanded() === copiedAfter) return;
        copiedAfter = newestLanded();
        app.history!.flush();
        const copy = join(dir, `at-${second}.db`);
        reader.exec(`VACUUM INTO '${copy}'`);
        copies.push(copy);
        secondsSinceCopy = 0;
      },
      // End a few seconds after the newest checkpoint's copy: past it, before another is taken.
      () => secondsSinceCopy < 5,
    );
    reader.close();
    await app.close();
    const kept = historyOf(file);
    const { db, log } = openLog(dir);
    const [newest, older] = log.checkpoints();
    expect(kept.state.seq).toBe(log.lastSeq());
    expect(kept.queues.length).toBe(3);
    expect(kept.agents.length).toBeGreaterThan(10);

    /** Puts history's tables of `copy` back (none: empties them), reboots, and reads the result. */
    const rebootWithHistoryOf = async (copy: string | null) => {
      db.$client.exec(
        "DELETE FROM history_queue_buckets; DELETE FROM history_agent_buckets; DELETE FROM history_state;",
      );
      if (copy)
        db.$client.exec(`ATTACH '${copy}' AS old;
          INSERT INTO history_queue_buckets SELECT * FROM old.history_queue_buckets;
          INSERT INTO history_agent_buckets SELECT * FROM old.history_agent_buckets;
          INSERT INTO history_state SELECT * FROM old.history_state;
          DETACH old;`);
      const again = boot(dir, clock, 1_000_000);
      const fromSeq = again.lines.find((l) => l.fromCheckpointSeq !== undefined)?.fromCheckpointSeq;
      await again.app.close();
      return { fromSeq, warnings: again.warnings(), history: historyOf(file) };
    };
    const seqOf = (copy: string) => historyOf(copy).state?.seq ?? 0;

    // Behind the end, at or past the newest checkpoint: the tail alone catches it up.
    const afterNewest = copies.find((c) => seqOf(c) >= newest!.seq && seqOf(c) < kept.state.seq);
    expect(afterNewest).toBeDefined();
    let result = await rebootWithHistoryOf(afterNewest!);
    expect(result).toEqual({ fromSeq: newest!.seq, warnings: [], history: kept });

    // Between the two checkpoints: the newest would skip events history lacks, so the older one is used.
    const between = copies.find((c) => seqOf(c) >= older!.seq && seqOf(c) < newest!.seq);
    expect(between).toBeDefined();
    result = await rebootWithHistoryOf(between!);
    expect(result.fromSeq).toBe(older!.seq);
    expect(result.warnings).toEqual([
      `checkpoint at seq ${newest!.seq} skipped: it is at seq ${newest!.seq}, past history's read model (stored up to seq ${seqOf(between!)}): history needs the events between folded`,
    ]);
    expect(result.history).toEqual(kept);

    // Missing altogether (a new database's history, a version bump): the whole log is replayed.
    result = await rebootWithHistoryOf(null);
    expect(result.fromSeq).toBe(0);
    expect(result.warnings).toEqual([
      expect.stringContaining("past history's read model (stored up to seq 0)"),
      expect.stringContaining("past history's read model (stored up to seq 0)"),
    ]);
    expect(result.history).toEqual(kept);
    db.$client.close();
  }, 120_000);
});
