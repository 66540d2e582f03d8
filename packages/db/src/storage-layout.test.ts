import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { archiveOldest, DELETE_AGENT_ROWS } from "./archive.ts";
import { type CallboardDb, createDb } from "./client.ts";
import { createEventLog } from "./event-log.ts";
import { migrateDb } from "./migrate.ts";

type TestEvent = { seq: number; at: number; type: string };

const MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));

/** A copy of the committed migrations up to (not including) `upTo`: a database as an older Callboard left it. */
function migrationsBefore(upTo: number, into: string): string {
  cpSync(MIGRATIONS, into, { recursive: true });
  const journalPath = join(into, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < upTo);
  writeFileSync(journalPath, JSON.stringify(journal));
  return into;
}

/** The (agent id, seq) pairs event_agents holds, whatever its layout. */
const PAIRS =
  "SELECT k.agent_id, a.seq FROM event_agents a JOIN agent_keys k ON k.id = a.agent ORDER BY k.agent_id, a.seq";

describe("event_agents: one B-tree keyed (agent key, seq)", () => {
  let dir: string;
  let db: CallboardDb;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "callboard-layout-"));
    db = createDb(join(dir, "test.db"));
  });
  afterEach(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const schemaOf = (name: string) =>
    (
      db.$client.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").get(name) as
        | { sql: string }
        | undefined
    )?.sql;
  const plan = (sql: string) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
  const row = (seq: number, agentIds: string[]) => ({
    event: { seq, at: 1000 + seq, type: seq % 2 ? "call.offered" : "t" },
    idempotencyKey: null,
    agentIds,
    callId: null,
  });

  it("rebuilds an existing database's index as a WITHOUT ROWID table of integers, keeping every row (migration 0006)", () => {
    migrate(db, { migrationsFolder: migrationsBefore(6, join(dir, "old-migrations")) });
    expect(schemaOf("event_agents_seq_idx")).toBeDefined();
    // Rows as the previous Callboard wrote them (its schema has no `dictionary` column).
    const event = db.$client.prepare(
      "INSERT INTO events (seq, at, type, data, call_id) VALUES (?, ?, ?, '{}', ?)",
    );
    const agent = db.$client.prepare("INSERT INTO event_agents (agent_id, seq) VALUES (?, ?)");
    for (const { event: e, agentIds } of [
      row(1, ["lan", "minh"]),
      row(2, ["lan"]),
      row(3, ["minh", "hoa"]),
      row(4, []),
      row(5, ["lan"]),
    ]) {
      event.run(e.seq, e.at, e.type, e.seq % 2 ? `c${e.seq}` : null);
      for (const id of agentIds) agent.run(id, e.seq);
    }
    const before = db.$client.prepare("SELECT agent_id, seq FROM event_agents ORDER BY agent_id, seq").all();
    expect(before).toHaveLength(6);

    migrateDb(db);
    expect(schemaOf("event_agents")).toMatch(/WITHOUT ROWID$/);
    expect(schemaOf("event_agents_seq_idx")).toBeUndefined();
    expect(schemaOf("__new_event_agents")).toBeUndefined();
    expect(db.$client.prepare(PAIRS).all()).toEqual(before);
    expect(db.$client.prepare("SELECT agent_id FROM agent_keys ORDER BY id").all()).toEqual(
      ["hoa", "lan", "minh"].map((agent_id) => ({ agent_id })),
    );
    const log = createEventLog<TestEvent>(db);
    expect(log.forAgent("lan", "call.offered").map((e) => e.seq)).toEqual([5, 1]);
    expect(log.forCall("c3").map((e) => e.seq)).toEqual([3]);
    log.append([row(6, ["lan"]), row(7, ["lan", "tuan"])]);
    expect(log.forAgent("lan", "call.offered").map((e) => e.seq)).toEqual([7, 5, 1]);
    expect(log.forAgent("tuan", "call.offered").map((e) => e.seq)).toEqual([7]);
    expect(log.forAgent("nobody", "call.offered")).toEqual([]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("answers an agent's events with one range of its key, and retention deletes by agent ranges, never a scan", () => {
    migrateDb(db);
    const log = createEventLog<TestEvent>(db, { archiveDir: join(dir, "archive") });
    log.append(Array.from({ length: 30 }, (_, i) => row(i + 1, [`a${i % 4}`, `a${(i + 1) % 4}`])));
    expect(plan("SELECT seq FROM event_agents WHERE agent = 2 AND seq < 20 ORDER BY seq DESC")).toEqual([
      expect.stringMatching(/^SEARCH event_agents USING PRIMARY KEY \(agent=\? AND seq<\?\)$/),
    ]);

    expect(archiveOldest(db, join(dir, "archive"), { before: Number.MAX_SAFE_INTEGER, upToSeq: 10 })).toBe(
      10,
    );
    expect(db.$client.prepare(PAIRS).all()).toEqual(
      ["a0", "a1", "a2", "a3"].flatMap((agent_id) =>
        Array.from({ length: 20 }, (_, i) => i + 11)
          .filter((seq) => agent_id === `a${(seq - 1) % 4}` || agent_id === `a${seq % 4}`)
          .map((seq) => ({ agent_id, seq })),
      ),
    );
    expect(log.forAgent("a0", "call.offered").map((e) => e.seq)).toEqual([29, 25, 21, 17, 13]);
    // The delete's plan: every step is a seek of the primary key (no SCAN of the index).
    const deletePlan = plan(DELETE_AGENT_ROWS.replace("?", "1").replace("?", "5"));
    expect(deletePlan).toContainEqual(
      expect.stringMatching(/^SEARCH event_agents USING PRIMARY KEY \(agent=\? AND seq>\? AND seq<\?\)$/),
    );
    expect(deletePlan.filter((d) => d.includes("event_agents"))).not.toContainEqual(
      expect.stringMatching(/^SCAN event_agents/),
    );
  });
});
