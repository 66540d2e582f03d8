import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { CallboardDb } from "./client.ts";
import { createRowCodec } from "./row-codec.ts";
import type { EventRow } from "./schema.ts";

/**
 * Retention's archive: the log's oldest stretches moved out of SQLite into gzip files of
 * newline-separated JSON, one `[seq, at, type, json, idempotencyKey, callId]` per line, named by the
 * seq range they hold. A replay from seq 0 reads them before the table (EventLog.readAllAfter), so
 * the log stays whole; per-call and per-agent lookups no longer see archived events.
 */

/**
 * Events per archive file, and per step of retention (one synchronous read, gzip, fsync and delete):
 * kept small because the step holds the core's thread. Measured on the seeded 10,000-agent log:
 * 10,000 events took 3–7 s per step under load average ~75 (bench README), so 2,000.
 */
export const ARCHIVE_CHUNK = 2_000;

const FILE = /^events-(\d{12})-(\d{12})\.ndjson\.gz$/;

type ArchivedRow = Pick<EventRow, "seq" | "at" | "type" | "data" | "packed" | "shared" | "dictionary">;

/** The archive files in seq order. */
function archiveFiles(dir: string): { from: number; to: number; path: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const m = FILE.exec(name);
      return m ? [{ from: Number(m[1]), to: Number(m[2]), path: join(dir, name) }] : [];
    })
    .sort((a, b) => a.from - b.from);
}

/**
 * The archived events after `seq`, in order. A stretch archived twice (a crash between writing its
 * file and deleting its rows, then a retry with other bounds) is read once.
 */
export function* readArchivedAfter(dir: string, seq: number): Generator<ArchivedRow> {
  let last = seq;
  for (const file of archiveFiles(dir)) {
    if (file.to <= last) continue;
    const lines = gunzipSync(readFileSync(file.path)).toString("utf8").split("\n");
    for (const line of lines) {
      if (line === "") continue;
      const [rowSeq, at, type, data] = JSON.parse(line) as [number, number, string, string];
      if (rowSeq <= last) continue;
      last = rowSeq;
      yield { seq: rowSeq, at, type, data, packed: null, shared: null, dictionary: null };
    }
  }
}

/**
 * The per-agent index rows of a stretch of seqs. event_agents is keyed (agent, seq) only, so rather
 * than scan it, this seeks each agent's range (agent_keys: one row per agent ever indexed).
 */
export const DELETE_AGENT_ROWS =
  "DELETE FROM event_agents WHERE agent IN (SELECT id FROM agent_keys) AND seq BETWEEN ? AND ?";

const pad = (n: number) => String(n).padStart(12, "0");

/** Writes `bytes` to `path` so that after a crash the file is either whole or absent. */
function writeDurably(dir: string, path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dirFd = openSync(dir, "r");
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/**
 * Moves up to `chunk` of the oldest events — only those before `before` (ms) and at or below
 * `upToSeq` (a checkpoint's seq: boot never needs what it moves) — to one archive file, then
 * deletes them (and their per-agent index rows) in one transaction. Returns how many it moved: call
 * again (yielding in between, so the writer is never held long) until it returns 0.
 */
export function archiveOldest(
  db: CallboardDb,
  dir: string,
  { before, upToSeq: asked, chunk = ARCHIVE_CHUNK }: { before: number; upToSeq: number; chunk?: number },
): number {
  const sqlite = db.$client;
  // The newest event always stays in the table: it is where the log's next seq comes from.
  const newest =
    (sqlite.prepare("SELECT max(seq) AS seq FROM events").get() as { seq: number | null }).seq ?? 0;
  const upToSeq = Math.min(asked, newest - 1);
  // The oldest `chunk` rows, then only their prefix older than the cutoff: the log is in time
  // order, so this reads one chunk whatever the log's length (a scan for "older than" would not).
  const rows = sqlite
    .prepare(
      "SELECT seq, at, type, data, packed, shared, dictionary, idempotency_key AS idempotencyKey, call_id AS callId " +
        "FROM events WHERE seq <= ? ORDER BY seq LIMIT ?",
    )
    .all(upToSeq, chunk) as (ArchivedRow & { idempotencyKey: string | null; callId: string | null })[];
  const firstKept = rows.findIndex((row) => row.at >= before);
  const moving = firstKept === -1 ? rows : rows.slice(0, firstKept);
  if (moving.length === 0) return 0;
  const from = moving[0]!.seq;
  const to = moving.at(-1)!.seq;
  const codec = createRowCodec(db);
  const text = moving
    .map((r) =>
      JSON.stringify([
        r.seq,
        r.at,
        codec.typeOf(r),
        JSON.stringify(codec.decode(r)),
        r.idempotencyKey,
        r.callId,
      ]),
    )
    .join("\n");
  mkdirSync(dir, { recursive: true });
  writeDurably(dir, join(dir, `events-${pad(from)}-${pad(to)}.ndjson.gz`), gzipSync(text));
  sqlite.transaction(() => {
    sqlite.prepare(DELETE_AGENT_ROWS).run(from, to);
    sqlite.prepare("DELETE FROM events WHERE seq BETWEEN ? AND ?").run(from, to);
  })();
  return moving.length;
}
