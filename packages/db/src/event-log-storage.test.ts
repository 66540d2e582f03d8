import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { archiveOldest } from "./archive.ts";
import { type CallboardDb, createDb } from "./client.ts";
import { CHECKPOINTS_KEPT, createEventLog } from "./event-log.ts";
import { migrateDb } from "./migrate.ts";
import { PACK_ABOVE } from "./row-codec.ts";

type Offer = {
  seq: number;
  at: number;
  type: string;
  decision?: { table: { agentIds: string[]; facts: number[] } };
};

describe("the log's storage: packed and shared bodies, checkpoints, the archive", () => {
  let dir: string;
  let db: CallboardDb;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "callboard-db-"));
    db = createDb(join(dir, "test.db"));
    migrateDb(db);
  });
  afterEach(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const roster = (queue: string, n: number) => Array.from({ length: n }, (_, i) => `${queue}-agent-${i}`);
  const offer = (seq: number, agentIds: string[], at = 1000 + seq) => ({
    event: {
      seq,
      at,
      type: "call.offered",
      decision: { table: { agentIds, facts: agentIds.map((_, i) => (i * 4099) % 65_536) } },
    },
    idempotencyKey: null,
    agentIds: agentIds.slice(0, 2),
    callId: `c${seq}`,
    shared: ["decision", "table", "agentIds"],
  });
  const plain = (seq: number, at = 1000 + seq) => ({
    event: { seq, at, type: "t" },
    idempotencyKey: null,
    agentIds: ["lan"],
    callId: `c${seq}`,
  });
  const column = (sql: string) => db.$client.prepare(sql).all();

  it("stores a roster once however many decisions carry it, deflates long bodies, and reads them back whole", () => {
    const log = createEventLog<Offer>(db);
    const sales = roster("sales", 300);
    const support = roster("support", 5);
    log.append([offer(1, sales), offer(2, sales), offer(3, support), plain(4)]);
    log.append([offer(5, sales)]);
    expect(column("SELECT count(*) AS n FROM shared_values")).toEqual([{ n: 2 }]);
    const rows = column(
      "SELECT seq, data, packed IS NOT NULL AS packed, shared FROM events ORDER BY seq",
    ) as {
      seq: number;
      data: string;
      packed: number;
      shared: string | null;
    }[];
    // The long facts table is deflated; the short one stays readable JSON, the roster as its id.
    expect(rows.map((r) => [r.seq, r.packed, r.shared])).toEqual([
      [1, 1, "decision.table.agentIds"],
      [2, 1, "decision.table.agentIds"],
      [3, 0, "decision.table.agentIds"],
      [4, 0, null],
      [5, 1, "decision.table.agentIds"],
    ]);
    expect(JSON.parse(rows[2]!.data).decision.table.agentIds).toBe(2);
    const read = [...log.readAllAfter(0)];
    expect(read.map((e) => e.decision?.table.agentIds)).toEqual([sales, sales, support, undefined, sales]);
    expect(read[0]!.decision!.table.facts).toHaveLength(300);
    expect(JSON.stringify(read[0]).length).toBeGreaterThan(PACK_ABOVE);
    // A fresh log (another process) reads the same.
    expect([...createEventLog<Offer>(db).readAllAfter(0)]).toEqual(read);
    expect(createEventLog<Offer>(db).forCall("c3")).toEqual([read[2]]);
  });

  it("reads rows written before packing and sharing existed (format per row, no migration)", () => {
    db.$client
      .prepare("INSERT INTO events (seq, at, type, data, call_id) VALUES (1, 5, 'call.offered', ?, 'c1')")
      .run(JSON.stringify({ decision: { table: { agentIds: ["lan"], facts: [0] } } }));
    const log = createEventLog<Offer>(db);
    log.append([offer(2, roster("sales", 3))]);
    expect(log.readAfter(0, 10).map((e) => e.decision?.table.agentIds)).toEqual([
      ["lan"],
      roster("sales", 3),
    ]);
  });

  it("with a dictionary, writes bodies compact, the dictionary once, and reads every older form beside them", () => {
    const dictionary = '{"decision":{"table":{"agentIds":1,"facts":0}}}';
    // A log as older Callboards left it: plain, deflated and shared rows.
    createEventLog<Offer>(db).append([
      offer(1, roster("sales", 300)),
      offer(2, roster("support", 3)),
      plain(3),
    ]);
    const log = createEventLog<Offer>(db, { dictionary, archiveDir: join(dir, "archive") });
    log.append([offer(4, roster("sales", 300)), plain(5), offer(6, roster("support", 3))]);
    log.append([{ ...plain(7), event: { seq: 7, at: 1007, type: "t", note: "x".repeat(40) } as Offer }]);
    const rows = column(
      "SELECT seq, data, packed IS NOT NULL AS packed, dictionary FROM events ORDER BY seq",
    ) as {
      seq: number;
      data: string;
      packed: number;
      dictionary: number | null;
    }[];
    const [dictionaryId] = column(
      `SELECT id FROM shared_values WHERE value = '${JSON.stringify(dictionary)}'`,
    ) as {
      id: number;
    }[];
    expect(rows.map((r) => [r.seq, r.packed, r.dictionary])).toEqual([
      [1, 1, null],
      [2, 0, null],
      [3, 0, null],
      [4, 1, dictionaryId!.id],
      [5, 0, null], // `{}`: nothing to gain, stays plain JSON
      [6, 1, dictionaryId!.id],
      [7, 1, dictionaryId!.id],
    ]);
    const sales = roster("sales", 300);
    const all = [...log.readAllAfter(0)];
    expect(all.map((e) => e.decision?.table.agentIds)).toEqual([
      sales,
      roster("support", 3),
      undefined,
      sales,
      undefined,
      roster("support", 3),
      undefined,
    ]);
    expect(all[3]).toEqual({ ...all[0], seq: 4, at: 1004 });
    // Another process (no dictionary given) reads them all, by call and by agent too.
    const reader = createEventLog<Offer>(db);
    expect([...reader.readAllAfter(0)]).toEqual(all);
    expect(reader.forCall("c4")).toEqual([all[3]]);
    expect(reader.forAgent("sales-agent-0", "call.offered").map((e) => e.seq)).toEqual([4, 1]);
    expect(reader.forCall("c6", { type: "call.offered" })).toEqual([all[5]]);
    expect(reader.forCall("c2", { type: "call.offered" })).toEqual([all[1]]);
    expect(reader.forCall("c7", { type: "t" })).toEqual([all[6]]);
    expect(reader.forCall("c7", { type: "call.offered" })).toEqual([]);
    expect(reader.forAgent("lan", "never-written")).toEqual([]);
    // A compact row's type column holds the code of its name (stored once), not the name.
    const types = column("SELECT seq, type FROM events WHERE dictionary IS NOT NULL ORDER BY seq") as {
      seq: number;
      type: string;
    }[];
    expect(types.map((t) => t.seq)).toEqual([4, 6, 7]);
    expect(types[0]!.type).toBe(types[1]!.type);
    expect(types[0]!.type).toMatch(/^\d+$/);
    // The archive holds decoded JSON, whatever form the rows were in.
    expect(archiveOldest(db, join(dir, "archive"), { before: 5_000, upToSeq: 6 })).toBe(6);
    expect([...log.readAllAfter(0)]).toEqual(all);
  });

  it("refuses a dictionary longer than the compact form's window", () => {
    expect(() => createEventLog<Offer>(db, { dictionary: "x".repeat(1_025) })).toThrow("at most 1024 bytes");
  });

  it("forgets a shared value whose transaction rolled back, and stores it again with the next append", () => {
    const log = createEventLog<Offer>(db);
    log.append([plain(1)]);
    expect(() => log.append([offer(2, roster("sales", 3)), plain(1)])).toThrow();
    expect(column("SELECT count(*) AS n FROM shared_values")).toEqual([{ n: 0 }]);
    log.append([offer(2, roster("sales", 3))]);
    expect(log.readAfter(1, 1)[0]!.decision!.table.agentIds).toEqual(roster("sales", 3));
  });

  it("writes a checkpoint in the group commit, alone if need be, and keeps the newest two", () => {
    const log = createEventLog<Offer>(db);
    const checkpoint = (seq: number) => ({
      seq,
      at: seq,
      centerId: "c",
      format: 1,
      data: Buffer.from([seq]),
    });
    log.append([plain(1)], [], checkpoint(1));
    log.append([], [], checkpoint(1)); // the same seq twice: kept once
    log.append([plain(2)], [], checkpoint(2));
    log.append([], [], checkpoint(3));
    expect(CHECKPOINTS_KEPT).toBe(2);
    expect(log.checkpoints().map((c) => [c.seq, [...c.data]])).toEqual([
      [3, [3]],
      [2, [2]],
    ]);
    // A failed commit writes no checkpoint either.
    expect(() => log.append([plain(2)], [], checkpoint(4))).toThrow();
    expect(log.checkpoints().map((c) => c.seq)).toEqual([3, 2]);
  });

  describe("the archive", () => {
    const DAY = 86_400_000;
    const archive = () => join(dir, "archive");
    /** 10 events a day for 4 days; every third a decision over the sales roster. */
    function fourDays() {
      const log = createEventLog<Offer>(db, { archiveDir: archive() });
      const rows = Array.from({ length: 40 }, (_, i) =>
        i % 3 === 0
          ? offer(i + 1, roster("sales", 200), Math.floor(i / 10) * DAY + i)
          : plain(i + 1, Math.floor(i / 10) * DAY + i),
      );
      log.append(rows);
      return { log, all: [...log.readAllAfter(0)] };
    }

    it("moves the oldest events before the cutoff, no further than the checkpoint, in chunks", () => {
      const { log, all } = fourDays();
      // Before day 2, but the checkpoint is at 15: 1–15 may go… except the cutoff stops at 20.
      expect(archiveOldest(db, archive(), { before: 2 * DAY, upToSeq: 15, chunk: 6 })).toBe(6);
      expect(archiveOldest(db, archive(), { before: 2 * DAY, upToSeq: 15, chunk: 6 })).toBe(6);
      expect(archiveOldest(db, archive(), { before: 2 * DAY, upToSeq: 15, chunk: 6 })).toBe(3);
      expect(archiveOldest(db, archive(), { before: 2 * DAY, upToSeq: 15, chunk: 6 })).toBe(0);
      expect(readdirSync(archive()).sort()).toEqual([
        "events-000000000001-000000000006.ndjson.gz",
        "events-000000000007-000000000012.ndjson.gz",
        "events-000000000013-000000000015.ndjson.gz",
      ]);
      expect(column("SELECT min(seq) AS first FROM events")).toEqual([{ first: 16 }]);
      expect(column("SELECT count(*) AS n FROM event_agents WHERE seq <= 15")).toEqual([{ n: 0 }]);
      expect(column("SELECT count(*) AS n FROM event_agents WHERE seq > 15")).toEqual([{ n: 34 }]);
      // A replay from 0 reads the archive, then the table: the same log as before.
      expect([...log.readAllAfter(0)]).toEqual(all);
      expect([...log.readAllAfter(13)]).toEqual(all.slice(13));
      expect([...log.readAllAfter(20, 4)]).toEqual(all.slice(20));
      expect(log.lastSeq()).toBe(40);
      // Lookups answer from the table only.
      expect(log.forCall("c1")).toEqual([]);
      expect(log.forCall("c16")).toEqual([all[15]]);
    });

    it("never moves the newest event, and moves nothing newer than the cutoff", () => {
      const { log, all } = fourDays();
      expect(archiveOldest(db, archive(), { before: 100 * DAY, upToSeq: 40, chunk: 1000 })).toBe(39);
      expect([...log.readAllAfter(0)]).toEqual(all);
      expect(log.lastSeq()).toBe(40);
      const fresh = createDb(join(dir, "other.db"));
      migrateDb(fresh);
      expect(archiveOldest(fresh, join(dir, "other-archive"), { before: 0, upToSeq: 40 })).toBe(0);
      fresh.$client.close();
    });

    it("reads a stretch archived twice (a crash between the file and the delete) once", () => {
      const { log, all } = fourDays();
      // The first attempt's file survives, its delete did not happen: simulate with a copy.
      archiveOldest(db, archive(), { before: 4 * DAY, upToSeq: 10, chunk: 100 });
      const [file] = readdirSync(archive());
      db.$client.exec("DELETE FROM event_agents; DELETE FROM events");
      const again = createEventLog<Offer>(db, { archiveDir: archive() });
      again.append(
        all.map((event) => ({ event, idempotencyKey: null, agentIds: [], callId: null })).slice(0),
      );
      archiveOldest(db, archive(), { before: 4 * DAY, upToSeq: 12, chunk: 100 });
      expect(readdirSync(archive()).sort()).toEqual(
        [file, "events-000000000001-000000000012.ndjson.gz"].sort(),
      );
      expect([...log.readAllAfter(0)]).toEqual(all);
    });
  });
});
