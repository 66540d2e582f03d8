import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    /** The call the event concerns, for a call's timeline. */
    callId: text("call_id"),
  },
  (t) => [
    uniqueIndex("events_idempotency_key_unique").on(t.idempotencyKey),
    index("events_call_id_idx").on(t.callId, t.seq),
    index("events_type_idx").on(t.type, t.seq),
  ],
);

/**
 * Which agents an event concerns: one for most, every candidate for a routing decision, so "every
 * decision this agent was considered in" is an index scan.
 */
export const eventAgents = sqliteTable(
  "event_agents",
  {
    agentId: text("agent_id").notNull(),
    seq: integer("seq")
      .notNull()
      .references(() => events.seq),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.seq] })],
);

export type EventRow = typeof events.$inferSelect;

/**
 * Inputs the domain refused (unknown call, late answer, invalid settings…), kept for the record:
 * they never enter the event log, so the state is unchanged, but "why was my event ignored?" has an answer.
 */
export const rejections = sqliteTable(
  "rejections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    type: text("type").notNull(),
    code: text("code").notNull(),
    message: text("message").notNull(),
    /** The refused event as JSON. */
    data: text("data").notNull(),
  },
  (t) => [index("rejections_at_idx").on(t.at)],
);

export type RejectionRow = typeof rejections.$inferSelect;

/** Facts about this database itself, e.g. the center id that tells one event history from another. */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
