import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { type CallboardDb, createDb } from "./client.ts";
import { createEventLog } from "./event-log.ts";
import { assertLogFormat, centerId } from "./meta.ts";
import { migrateDb } from "./migrate.ts";

type TestEvent = { seq: number; at: number; type: string; value: number };

describe("event log", () => {
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

  const row = (seq: number, key: string | null = null) => ({
    event: { seq, at: 1000 + seq, type: "t", value: seq * 10 },
    idempotencyKey: key,
    agentIds: [],
    callId: null,
  });

  it("names its history once and keeps the name", () => {
    const id = centerId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(centerId(db)).toBe(id);
  });

  it("takes the event format on a new database and refuses a log of another format", () => {
    const log = createEventLog<TestEvent>(db);
    assertLogFormat(db, 2, "test.db");
    expect(() => assertLogFormat(db, 2, "test.db")).not.toThrow();
    log.append([row(1)]);
    expect(() => assertLogFormat(db, 3, "test.db")).toThrow(
      "The event log in test.db was written in event format 2, and this Callboard reads format 3.",
    );
    db.$client.exec("DELETE FROM meta WHERE key = 'log_format'");
    expect(() => assertLogFormat(db, 2, "test.db")).toThrow("written in event format 1");
  });

  it("runs in WAL mode with full sync", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("appends in order and reads back exactly what was written", () => {
    const log = createEventLog<TestEvent>(db);
    expect(log.lastSeq()).toBe(0);
    log.append([row(1), row(2), row(3)]);
    expect(log.lastSeq()).toBe(3);
    expect(log.readAfter(1, 10)).toEqual([
      { seq: 2, at: 1002, type: "t", value: 20 },
      { seq: 3, at: 1003, type: "t", value: 30 },
    ]);
    expect(log.readAfter(0, 2).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("reads a long log page by page", () => {
    const log = createEventLog<TestEvent>(db);
    log.append(Array.from({ length: 25 }, (_, i) => row(i + 1)));
    expect([...log.readAllAfter(0, 7)].map((e) => e.seq)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect([...log.readAllAfter(20, 7)].map((e) => e.seq)).toEqual([21, 22, 23, 24, 25]);
  });

  it("finds the seq of an idempotency key and refuses the key twice", () => {
    const log = createEventLog<TestEvent>(db);
    log.append([row(1, "k1")]);
    expect(log.seqForKey("k1")).toBe(1);
    expect(log.seqForKey("nope")).toBeNull();
    expect(() => log.append([row(2, "k1")])).toThrow(/UNIQUE/);
  });

  it("commits a batch whole or not at all", () => {
    const log = createEventLog<TestEvent>(db);
    log.append([row(1)]);
    expect(() => log.append([row(2), row(1)])).toThrow();
    expect(log.lastSeq()).toBe(1);
    expect(log.readAfter(0, 10)).toHaveLength(1);
  });

  it("keeps only the newest refused inputs", () => {
    const log = createEventLog<TestEvent>(db, { rejectionsKept: 3 });
    const refused = (n: number) => ({ at: n, type: "t", code: "INVALID", message: `bad ${n}`, data: "{}" });
    log.append([], [refused(1), refused(2)]);
    log.append([], [refused(3), refused(4), refused(5)]);
    expect(log.recentRejections(10).map((r) => r.message)).toEqual(["bad 5", "bad 4", "bad 3"]);
  });

  it("finds a call's timeline and the events that concern an agent", () => {
    const log = createEventLog<TestEvent>(db);
    const ev = (seq: number, type: string, callId: string | null, agentIds: string[]) => ({
      event: { seq, at: 1000 + seq, type, value: seq },
      idempotencyKey: null,
      agentIds,
      callId,
    });
    log.append([
      ev(1, "call.arrived", "c1", []),
      ev(2, "call.offered", "c1", ["lan", "minh"]),
      ev(3, "call.arrived", "c2", []),
      ev(4, "call.offered", "c2", ["minh"]),
      ev(5, "call.answered", "c1", ["lan"]),
      ev(6, "call.offered", "c2", ["lan", "minh"]),
    ]);
    expect(log.forCall("c1").map((e) => e.seq)).toEqual([1, 2, 5]);
    expect(log.forCall("c2", { type: "call.offered" }).map((e) => e.seq)).toEqual([4, 6]);
    expect(log.forCall("nope")).toEqual([]);
    expect(log.forAgent("minh", "call.offered").map((e) => e.seq)).toEqual([6, 4, 2]);
    expect(log.forAgent("minh", "call.offered", { beforeSeq: 6, limit: 1 }).map((e) => e.seq)).toEqual([4]);
    expect(log.forAgent("lan", "call.answered").map((e) => e.seq)).toEqual([5]);
  });

  it("types a filtered read as the events of that type, so callers need not narrow again", () => {
    type Offered = { seq: number; at: number; type: "call.offered"; agentIds: string[] };
    type Answered = { seq: number; at: number; type: "call.answered"; agentId: string };
    const log = createEventLog<Offered | Answered>(db);
    log.append([
      {
        event: { seq: 1, at: 1, type: "call.offered", agentIds: ["lan"] },
        idempotencyKey: null,
        agentIds: ["lan"],
        callId: "c1",
      },
      {
        event: { seq: 2, at: 2, type: "call.answered", agentId: "lan" },
        idempotencyKey: null,
        agentIds: ["lan"],
        callId: "c1",
      },
    ]);
    const offers = log.forCall("c1", { type: "call.offered" });
    expectTypeOf(offers).toEqualTypeOf<Offered[]>();
    expect(offers.map((e) => e.agentIds)).toEqual([["lan"]]);
    const answers = log.forAgent("lan", "call.answered");
    expectTypeOf(answers).toEqualTypeOf<Answered[]>();
    expect(answers.map((e) => e.agentId)).toEqual(["lan"]);
    expectTypeOf(log.forCall("c1")).toEqualTypeOf<(Offered | Answered)[]>();
    // An envelope whose type is any string has nothing to narrow to: the reads stay E[].
    expectTypeOf(createEventLog<TestEvent>(db).forAgent("lan", "t")).toEqualTypeOf<TestEvent[]>();
  });

  describe("call search", () => {
    type Arrival = { seq: number; at: number; type: "call.arrived"; callId: string; from: string };
    type Ended = { seq: number; at: number; type: "call.ended"; callId: string };
    const arrival = (seq: number, callId: string, from: string) => ({
      event: { seq, at: 1000 + seq, type: "call.arrived" as const, callId, from },
      idempotencyKey: null,
      agentIds: [],
      callId,
      caller: from,
    });
    const ended = (seq: number, callId: string) => ({
      event: { seq, at: 1000 + seq, type: "call.ended" as const, callId },
      idempotencyKey: null,
      agentIds: [],
      callId,
    });

    it("finds a call by id or by its caller's number, newest first, capped", () => {
      const log = createEventLog<Arrival | Ended>(db);
      log.append([
        arrival(1, "c1", "+84901"),
        arrival(2, "c2", "+84902"),
        ended(3, "c1"),
        arrival(4, "c3", "+84901"),
        arrival(5, "+84901", "+84999"), // a call id that looks like a number
        arrival(6, "c4", "+84901"),
      ]);
      const ids = (hits: { callId: string }[]) => hits.map((h) => h.callId);
      expect(ids(log.searchCalls("c1", [], 10))).toEqual(["c1"]);
      expect(ids(log.searchCalls("+84901", ["+84901", "84901"], 10))).toEqual(["c4", "+84901", "c3", "c1"]);
      expect(ids(log.searchCalls("+84901", ["+84901"], 2))).toEqual(["c4", "+84901"]);
      expect(log.searchCalls("nobody", ["nobody"], 10)).toEqual([]);
      expect(log.searchCalls("c3", [], 10)).toEqual([
        {
          callId: "c3",
          caller: "+84901",
          seq: 4,
          at: 1004,
          arrival: { callId: "c3", from: "+84901" },
        },
      ]);
    });

    it("reads indexes only: no scan of the log's JSON", () => {
      const plan = (sql: string) =>
        (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((r) => r.detail)
          .join("; ");
      expect(plan("SELECT seq, data FROM events WHERE caller = 'x' ORDER BY seq DESC LIMIT 20")).toMatch(
        /SEARCH events USING (COVERING )?INDEX events_caller_idx \(caller=\?\)$/,
      );
      // No sort either: an index entry ends with the rowid (the seq), so one call's are in seq order.
      expect(plan("SELECT seq, data FROM events WHERE call_id = 'x' ORDER BY seq LIMIT 1")).toMatch(
        /^SEARCH events USING (COVERING )?INDEX events_call_id_idx \(call_id=\?\)$/,
      );
      expect(plan("SELECT seq, data FROM events WHERE call_id = 'x' ORDER BY seq DESC LIMIT 5")).toMatch(
        /^SEARCH events USING (COVERING )?INDEX events_call_id_idx \(call_id=\?\)$/,
      );
    });

    it("fills the caller of arrivals logged before the column existed (migration 0004)", () => {
      const log = createEventLog<Arrival | Ended>(db);
      log.append([{ ...arrival(1, "old", "+84555"), caller: null }, ended(2, "old")]);
      expect(log.searchCalls("x", ["+84555"], 10)).toEqual([]);
      const migration = readFileSync(
        join(import.meta.dirname, "../drizzle/0004_call_search_caller.sql"),
        "utf8",
      );
      const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("UPDATE"));
      db.$client.exec(backfill!);
      expect(log.searchCalls("x", ["+84555"], 10).map((h) => h.callId)).toEqual(["old"]);
      expect(db.$client.prepare("SELECT count(*) AS n FROM events WHERE caller IS NOT NULL").get()).toEqual({
        n: 1,
      });
    });
  });
});
