import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema.ts";

export type CallboardDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file. WAL lets readers (catch-up queries) run beside the
 * writer; synchronous=FULL because an event is acknowledged only once it survives power loss
 * (NORMAL may be asked for a connection that writes only what the log can rebuild).
 */
export function createDb(
  path: string,
  {
    busyTimeoutMs = 5_000,
    synchronous = "FULL",
    readonly = false,
  }: { busyTimeoutMs?: number; synchronous?: "FULL" | "NORMAL"; readonly?: boolean } = {},
): CallboardDb {
  if (readonly) {
    // A reader beside the core (a what-if's worker): SQLite itself refuses any write on it. The file
    // is the core's, already in WAL mode.
    const sqlite = new Database(path, { readonly: true, fileMustExist: true });
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    return drizzle({ client: sqlite, schema });
  }
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // First, so that even switching to WAL waits for a lock another process holds, rather than failing at once.
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL only for derived data (the history read model's own connection), never for the log.
  sqlite.pragma(`synchronous = ${synchronous}`);
  return drizzle({ client: sqlite, schema });
}
