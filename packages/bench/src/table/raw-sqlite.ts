/**
 * The ingest baseline: what better-sqlite3 alone takes on this disk — rows the size of a logged
 * event, 100 per transaction, with the event log's pragmas (WAL, synchronous=FULL) — for `seconds`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

export function rawInsertRate(seconds: number): number {
  const dir = mkdtempSync(join(os.tmpdir(), "callboard-bench-sqlite-"));
  const db = new Database(join(dir, "raw.db"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec(
      "CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL)",
    );
    const insert = db.prepare("INSERT INTO events (seq, at, type, payload) VALUES (?, ?, ?, ?)");
    let seq = 0;
    const hundred = db.transaction(() => {
      for (let i = 0; i < 100; i++) {
        seq++;
        const payload = JSON.stringify({
          type: "agent.manual_status_set",
          agentId: `agent-${seq % 1000}`,
          status: "SHORT_BREAK",
          seq,
          at: Date.now(),
        });
        insert.run(seq, Date.now(), "agent.manual_status_set", payload);
      }
    });
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) hundred();
    return seq / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
