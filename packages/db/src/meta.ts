import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { CallboardDb } from "./client.ts";
import { events, meta } from "./schema.ts";

/**
 * The id of the event history in this database, created once. Clients compare it so a board that
 * was following another history (the data folder was reset, a backup restored) reloads instead of
 * folding foreign events onto its state.
 */
export function centerId(db: CallboardDb): string {
  const existing = db.select().from(meta).where(eq(meta.key, "center_id")).get();
  if (existing) return existing.value;
  const id = randomUUID();
  db.insert(meta).values({ key: "center_id", value: id }).run();
  return id;
}

/**
 * Makes sure the log was written in the event format this build folds (`expected`). A new database
 * takes it; a log from another format stops the boot with a message saying what to do, rather than
 * a TypeError deep inside a replay.
 */
export function assertLogFormat(db: CallboardDb, expected: number, where: string): void {
  const stored = db.select().from(meta).where(eq(meta.key, "log_format")).get();
  const hasEvents = (db.select({ n: sql<number>`count(*)` }).from(events).get()?.n ?? 0) > 0;
  if (!stored && !hasEvents) {
    db.insert(meta)
      .values({ key: "log_format", value: String(expected) })
      .run();
    return;
  }
  const found = stored ? Number(stored.value) : 1;
  if (found !== expected) {
    throw new Error(
      `The event log in ${where} was written in event format ${found}, and this Callboard reads format ${expected}. ` +
        "Move that data folder away (e.g. mv data data.old) to start a new center.",
    );
  }
}
