import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@callboard/db";
import { localDay } from "@callboard/kpi";
import { createSimulator } from "@callboard/simulator";
import { afterAll, describe, expect, it } from "vitest";
import { fastForward } from "./fast-forward.ts";
import { bootServer } from "./test-support.ts";

/**
 * History's read model on real SQLite, fed by the simulator through the live core: what is kept up
 * to date batch by batch equals a rebuild by replay (from nothing, from behind, from another
 * version), and at midnight the day's history equals the live tiles' today.
 */

const TZ = "Asia/Ho_Chi_Minh";
/** Thousands of group commits: on a memory file system when there is one, so fsync costs nothing. */
const scratch = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
/** Tuesday 24 November 2026, 23:30 in Ho Chi Minh City: half an hour before a midnight. */
const START = Date.parse("2026-11-24T16:30:00Z");
const MIDNIGHT = localDay(START, TZ).end;

/** Every bucket row and the position, as plain data. */
function readModel(file: string) {
  const db = createDb(file).$client;
  try {
    return {
      queues: db.prepare("SELECT * FROM history_queue_buckets ORDER BY queue_id, bucket").all(),
      agents: db.prepare("SELECT * FROM history_agent_buckets ORDER BY agent_id, bucket").all(),
      state: db.prepare("SELECT seq, version FROM history_state").all(),
    };
  } finally {
    db.close();
  }
}

/** Runs SQL on a stopped server's database file. */
function onFile(file: string, sql: string) {
  const db = createDb(file).$client;
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe("history's read model", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("kept up to date equals rebuilt by replay, and a day's history equals the live today at midnight", async () => {
    const server = await bootServer(mkdtempSync(join(scratch, "callboard-history-")), START);
    dirs.push(server.dir);
    const { app, clock } = server;
    const file = join(server.dir, "callboard.db");
    const midRun = join(server.dir, "mid-run.db");
    const simulator = createSimulator({ seed: 11, agents: 30, queues: 3, speed: 2 });
    const viewer = await server.signedIn("viewer");
    const queueIds = () => Object.keys(app.core.state.queues).sort();
    let checkedMidnight = false;
    let copied = false;

    await fastForward({
      core: app.core,
      simulator,
      clock,
      until: START + 3_600_000,
      tickMs: 2000,
      onTick: async (now) => {
        if (!copied && now >= START + 900_000) {
          // A copy of the database in the middle of the run: its buckets are "behind" the end.
          onFile(file, `VACUUM INTO '${midRun}'`);
          copied = true;
        }
        if (checkedMidnight || now + 2000 < MIDNIGHT) return;
        // The last instant of the day: history's "today" through the real door, against the live tiles.
        clock.now = MIDNIGHT - 1;
        for (const queueId of queueIds()) {
          const history = await viewer.trpc.history.queue.query({
            queueId,
            granularity: "day",
            range: { preset: "today" },
          });
          const live = app.kpis(queueId)!.today;
          expect({ ...history.total, from: live.from, to: live.to }).toEqual(live);
          expect(history.points).toHaveLength(1);
        }
        const today = app.kpis(queueIds()[0]!)!.today;
        expect(today.answered).toBeGreaterThan(0);
        clock.now = now;
        checkedMidnight = true;
      },
    });
    expect(checkedMidnight).toBe(true);
    await server.stop();
    const incremental = readModel(file);
    expect(incremental.queues.length).toBeGreaterThan(10);
    expect(incremental.state).toEqual([{ seq: app.core.state.seq, version: 1 }]);

    const rebootAndRead = async (prepare: (copy: string) => void) => {
      const dir = mkdtempSync(join(scratch, "callboard-history-"));
      dirs.push(dir);
      copyFileSync(file, join(dir, "callboard.db"));
      prepare(join(dir, "callboard.db"));
      const again = await bootServer(dir, clock.now);
      await again.stop();
      return readModel(join(dir, "callboard.db"));
    };
    // Missing: every bucket dropped.
    expect(
      await rebootAndRead((copy) =>
        onFile(
          copy,
          "DELETE FROM history_queue_buckets; DELETE FROM history_agent_buckets; DELETE FROM history_state;",
        ),
      ),
    ).toEqual(incremental);
    // Behind: the buckets as they were a quarter of an hour into the run.
    expect(
      await rebootAndRead((copy) =>
        onFile(
          copy,
          `ATTACH '${midRun}' AS mid;
           DELETE FROM history_queue_buckets; INSERT INTO history_queue_buckets SELECT * FROM mid.history_queue_buckets;
           DELETE FROM history_agent_buckets; INSERT INTO history_agent_buckets SELECT * FROM mid.history_agent_buckets;
           DELETE FROM history_state; INSERT INTO history_state SELECT * FROM mid.history_state;`,
        ),
      ),
    ).toEqual(incremental);
    // Written by another version of the fold: rebuilt.
    expect(await rebootAndRead((copy) => onFile(copy, "UPDATE history_state SET version = 999"))).toEqual(
      incremental,
    );
  }, 120_000);
});
