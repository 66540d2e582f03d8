import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { CallboardDb } from "./client.ts";
import { meta } from "./schema.ts";

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
