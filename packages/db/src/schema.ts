import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The ordered event log: the only source of truth. Agents, queues and calls are folded from it in
 * memory, so there is nothing else to keep consistent on disk.
 */
export const events = sqliteTable(
  "events",
  {
    /** Monotonic position assigned by the core; the log's order. */
    seq: integer("seq").primaryKey(),
    /** When the core accepted the event, ms since epoch. */
    at: integer("at").notNull(),
    type: text("type").notNull(),
    /** The event as JSON, without seq and at. */
    data: text("data").notNull(),
    /** The sender's key for at-most-once application; null for events the engine derived. */
    idempotencyKey: text("idempotency_key"),
    agentId: text("agent_id"),
    callId: text("call_id"),
  },
  (t) => [
    uniqueIndex("events_idempotency_key_unique").on(t.idempotencyKey),
    index("events_agent_id_idx").on(t.agentId, t.seq),
    index("events_call_id_idx").on(t.callId, t.seq),
    index("events_type_idx").on(t.type, t.seq),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
