import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createEventLog, migrateDb } from "@callboard/db";
import { emptyState, type LoggedEvent, replay } from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app.ts";
import { loadConfig } from "./env.ts";
import { startRetention } from "./retention.ts";

const DAY = 86_400_000;
const T0 = Date.parse("2026-11-23T02:00:00Z");

describe("checkpoint and retention settings (CALLBOARD_CHECKPOINT_*, CALLBOARD_RETENTION_DAYS)", () => {
  it("default to 20,000 events or 5 minutes, and 90 days; bad values name the variable", () => {
    const config = loadConfig({});
    expect(config.checkpoints).toEqual({ everyEvents: 20_000, everyMs: 300_000 });
    expect(config.retentionMs).toBe(90 * DAY);
    expect(loadConfig({ CALLBOARD_RETENTION_DAYS: "forever" }).retentionMs).toBeNull();
    expect(
      loadConfig({ CALLBOARD_CHECKPOINT_EVENTS: "2000", CALLBOARD_CHECKPOINT_MINUTES: "2.5" }).checkpoints,
    ).toEqual({ everyEvents: 2_000, everyMs: 150_000 });
    expect(() => loadConfig({ CALLBOARD_CHECKPOINT_EVENTS: "10" })).toThrow(/CALLBOARD_CHECKPOINT_EVENTS/);
    expect(() => loadConfig({ CALLBOARD_CHECKPOINT_MINUTES: "soon" })).toThrow(
      /CALLBOARD_CHECKPOINT_MINUTES/,
    );
    expect(() => loadConfig({ CALLBOARD_RETENTION_DAYS: "0" })).toThrow(/CALLBOARD_RETENTION_DAYS/);
    expect(() => loadConfig({ CALLBOARD_RETENTION_DAYS: "always" })).toThrow(/CALLBOARD_RETENTION_DAYS/);
  });
});

describe("retention", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("archives only what a checkpoint covers; boot never reads the archive, a full replay still does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "callboard-ret-"));
    dirs.push(dir);
    const clock = { now: T0 };
    const boot = (retentionMs: number | null = null) =>
      createApp({
        dbPath: join(dir, "callboard.db"),
        clock: () => clock.now,
        logger: pino({ level: "silent" }),
        checkpoints: { everyEvents: 400, everyMs: DAY },
        retentionMs,
        onFatal: (error) => {
          throw error;
        },
      });
    // Two simulated "days" of traffic, a few minutes each, a day apart.
    let app: App = boot();
    const sim = createSimulator({ seed: 5, agents: 40, queues: 2 });
    const submitAll = (events: ReturnType<typeof sim.setup>) =>
      Promise.all(events.map((e) => app.core.submit(e).catch(() => null)));
    await submitAll(sim.setup(clock.now));
    const runMinutes = async (minutes: number) => {
      for (let s = 0; s < minutes * 60; s++) {
        clock.now += 1000;
        await submitAll(sim.tick(app.core.state, clock.now));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    await runMinutes(4);
    const dayOneEnd = app.core.state.seq;
    clock.now += DAY;
    await runMinutes(4);
    await app.close();

    const db = createDb(join(dir, "callboard.db"));
    migrateDb(db);
    const archiveDir = join(dir, "archive");
    const log = createEventLog<LoggedEvent>(db, { archiveDir });
    const before = [...log.readAllAfter(0)];
    const oldestCheckpoint = log.checkpoints().at(-1)!.seq;
    expect(oldestCheckpoint).toBeGreaterThan(dayOneEnd);

    // Keep one day: day one is older, and inside the oldest checkpoint, so it goes.
    const retention = startRetention({
      db,
      log,
      archiveDir,
      keepMs: DAY - 60_000,
      clock: () => clock.now,
      logger: pino({ level: "silent" }),
      chunk: 100,
    });
    const moved = await retention.run();
    retention.stop();
    expect(moved).toBeGreaterThanOrEqual(dayOneEnd - 1);
    const firstKept = (db.$client.prepare("SELECT min(seq) AS s FROM events").get() as { s: number }).s;
    expect(firstKept).toBeLessThanOrEqual(oldestCheckpoint + 1);
    expect(readdirSync(archiveDir).length).toBeGreaterThan(1);
    // The whole log is still there for a full replay: archive, then table.
    expect([...log.readAllAfter(0)]).toEqual(before);
    db.$client.close();

    // Boot reads the checkpoint and the table only: it succeeds with the archive moved away…
    rmSync(archiveDir, { recursive: true });
    app = boot(DAY);
    expect(app.core.state).toEqual(replay(emptyState(), before));
    await app.close();
  }, 120_000);
});
