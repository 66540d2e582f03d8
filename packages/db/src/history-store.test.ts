import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CallboardDb, createDb } from "./client.ts";
import { createHistoryStore, HISTORY_AGENT_COUNTERS, HISTORY_QUEUE_COUNTERS } from "./history-store.ts";
import { migrateDb } from "./migrate.ts";

const Q = 15 * 60_000;
const queueValues = (set: Partial<Record<(typeof HISTORY_QUEUE_COUNTERS)[number], number>>) =>
  HISTORY_QUEUE_COUNTERS.map((name) => set[name] ?? 0);

describe("history store", () => {
  let dir: string;
  let db: CallboardDb;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "callboard-history-"));
    db = createDb(join(dir, "test.db"), { synchronous: "NORMAL" });
    migrateDb(db);
  });
  afterEach(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("adds deltas to buckets, moves the position with them, and reads a range in order", () => {
    const store = createHistoryStore(db);
    expect(store.position()).toBeNull();
    store.write(
      [
        { id: "sales", bucket: Q, values: queueValues({ offered: 2, answered: 1, waitMs: 1500 }) },
        { id: "sales", bucket: 0, values: queueValues({ offered: 1 }) },
      ],
      [{ id: "lan", bucket: 0, values: HISTORY_AGENT_COUNTERS.map((_, i) => i) }],
      { seq: 10, version: 1 },
    );
    store.write([{ id: "sales", bucket: Q, values: queueValues({ offered: 1, waitMs: 500 }) }], [], {
      seq: 12,
      version: 1,
    });
    expect(store.position()).toEqual({ seq: 12, version: 1 });
    expect(store.queueBuckets("sales", 0, 2 * Q)).toEqual([
      { id: "sales", bucket: 0, values: queueValues({ offered: 1 }) },
      { id: "sales", bucket: Q, values: queueValues({ offered: 3, answered: 1, waitMs: 2000 }) },
    ]);
    expect(store.queueBuckets("sales", Q, 2 * Q)).toHaveLength(1);
    expect(store.queueBuckets("care", 0, 2 * Q)).toEqual([]);
    expect(store.agentTotals(["lan", "mai"], 0, 2 * Q)).toEqual([
      { id: "lan", bucket: 0, values: HISTORY_AGENT_COUNTERS.map((_, i) => i) },
    ]);
    expect(store.agentBuckets("lan", 0, Q)).toEqual([
      { id: "lan", bucket: 0, values: HISTORY_AGENT_COUNTERS.map((_, i) => i) },
    ]);
  });

  it("writes all or nothing: a failing write leaves buckets and position as they were", () => {
    const store = createHistoryStore(db);
    store.write([{ id: "sales", bucket: 0, values: queueValues({ offered: 1 }) }], [], {
      seq: 1,
      version: 1,
    });
    const bad = { id: "sales", bucket: Q, values: [1] }; // too few values: the statement throws
    expect(() =>
      store.write([{ id: "sales", bucket: 0, values: queueValues({ offered: 5 }) }, bad], [], {
        seq: 2,
        version: 1,
      }),
    ).toThrow();
    expect(store.position()).toEqual({ seq: 1, version: 1 });
    expect(store.queueBuckets("sales", 0, 2 * Q)[0]!.values).toEqual(queueValues({ offered: 1 }));
  });

  it("clears everything for a rebuild", () => {
    const store = createHistoryStore(db);
    store.write([{ id: "sales", bucket: 0, values: queueValues({ offered: 1 }) }], [], {
      seq: 5,
      version: 1,
    });
    store.clear(2);
    expect(store.position()).toEqual({ seq: 0, version: 2 });
    expect(store.queueBuckets("sales", 0, Q)).toEqual([]);
  });
});
