import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { createEventLog } from "./event-log.ts";
import { migrateDb } from "./migrate.ts";

describe("a read-only connection (a what-if's worker)", () => {
  it("reads the log the writer commits, and SQLite refuses its writes", () => {
    const dir = mkdtempSync(join(tmpdir(), "callboard-db-ro-"));
    const path = join(dir, "test.db");
    const writer = createDb(path);
    migrateDb(writer);
    const log = createEventLog<{ type: string; seq: number; at: number }>(writer);
    log.append([{ event: { type: "x", seq: 1, at: 10 }, idempotencyKey: null, agentIds: [], callId: null }]);
    const reader = createDb(path, { readonly: true });
    try {
      const read = createEventLog<{ type: string; seq: number; at: number }>(reader);
      expect(read.readAfter(0, 10)).toEqual([{ type: "x", seq: 1, at: 10 }]);
      expect(() =>
        read.append([
          { event: { type: "y", seq: 2, at: 20 }, idempotencyKey: null, agentIds: [], callId: null },
        ]),
      ).toThrow(/readonly/);
      expect(log.lastSeq()).toBe(1);
      expect(() => createDb(join(dir, "missing.db"), { readonly: true })).toThrow();
    } finally {
      reader.$client.close();
      writer.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
