import { isNotNull } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    /** The event as JSON, without seq and at; empty when the JSON is in `packed`. */
    data: text("data").notNull(),
    /**
     * The same JSON deflated (raw deflate), for long events (a decision's candidate table): the
     * row's second format. Null for short events and for every row written before it existed.
     */
    packed: blob("packed", { mode: "buffer" }),
    /**
     * The dot-separated path, inside the JSON, of a value stored once in `shared_values` (the JSON
     * holds its id there): a decision's roster. Null when nothing was taken out.
     */
    shared: text("shared"),
    /**
     * The `shared_values` id of the deflate dictionary `packed` was written with: the row's third
     * format, a compact body (compact-body.ts) for events of every length. Null for the older forms.
     */
    dictionary: integer("dictionary"),
    /** The sender's key for at-most-once application; null for events the engine derived. */
    idempotencyKey: text("idempotency_key"),
    /** The call the event concerns, for a call's timeline. */
    callId: text("call_id"),
    /** The caller's number, on a call's arrival only: call search by number reads its index, not the JSON. */
    caller: text("caller"),
  },
  // Partial: most events (the engine's) have no key, and need no index entry. No index by type:
  // every query by type also names a call or an agent.
  (t) => [
    uniqueIndex("events_idempotency_key_unique").on(t.idempotencyKey).where(isNotNull(t.idempotencyKey)),
    // Partial: half the events (an agent's) concern no call, and need no index entry.
    // No seq column in the key: an index entry ends with the rowid, which is the seq, so the
    // entries of one call are already in seq order.
    index("events_call_id_idx").on(t.callId).where(isNotNull(t.callId)),
    // Partial: only arrivals carry a number, so the index holds one entry per call.
    index("events_caller_idx").on(t.caller).where(isNotNull(t.caller)),
  ],
);

/** Values that repeat across events (a queue's roster in its decisions), stored once by content. */
export const sharedValues = sqliteTable("shared_values", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** SHA-256 of `value`, base64: how a writer finds a value already stored. */
  hash: text("hash").notNull().unique(),
  /** The value as JSON. */
  value: text("value").notNull(),
});

/** Each agent id the log indexes, once, with a small integer key: event_agents holds the key. */
export const agentKeys = sqliteTable("agent_keys", {
  id: integer("id").primaryKey(),
  agentId: text("agent_id").notNull().unique(),
});

/**
 * Which agents an event concerns: one for most, the agents rung and the best ranked for a routing
 * decision, so "the decisions this agent was in" is one range of the primary key.
 *
 * WITHOUT ROWID (migration 0006; drizzle cannot say it, so a migration that rebuilds this table
 * must say it again): the rows are the key, one B-tree of (agent key, seq) integers. As a rowid
 * table of (agent id text, seq) with an index on both and another on seq it was three B-trees
 * holding one pair, 41 % of a seeded center's file. Retention deletes an archived stretch one
 * agent's range at a time (archive.ts).
 */
export const eventAgents = sqliteTable(
  "event_agents",
  {
    agent: integer("agent")
      .notNull()
      .references(() => agentKeys.id),
    seq: integer("seq")
      .notNull()
      .references(() => events.seq),
  },
  (t) => [primaryKey({ columns: [t.agent, t.seq] })],
);

export type EventRow = typeof events.$inferSelect;

/**
 * The center's state (and the server's derived views) at one seq, so boot folds only the log's tail.
 * Written in a group commit with events; a few newest are kept. A row that cannot be read, or was
 * written by another history or format, is skipped and boot replays the whole log.
 */
export const checkpoints = sqliteTable("checkpoints", {
  /** The seq of the last event folded into it. */
  seq: integer("seq").primaryKey(),
  /** When it was written, ms since epoch. */
  at: integer("at").notNull(),
  /** The history it belongs to (meta.center_id). */
  centerId: text("center_id").notNull(),
  /** The writer's checkpoint format; another one is not read. */
  format: integer("format").notNull(),
  /** The encoded state (gzip), opaque to the log. */
  data: blob("data", { mode: "buffer" }).notNull(),
});
export type CheckpointRow = typeof checkpoints.$inferSelect;

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

/**
 * People who sign in. Passwords are stored only as a memory-hard hash (scrypt, parameters in the
 * string), never in the event log.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased; what people type to sign in. */
    username: text("username").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    /** The agent role's Callboard agent (stringee_user_id); null for staff. */
    agentId: text("agent_id"),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    lastSignInAt: integer("last_sign_in_at"),
  },
  (t) => [uniqueIndex("users_username_unique").on(t.username)],
);
export type UserRow = typeof users.$inferSelect;

/**
 * Signed-in browsers. The id is the SHA-256 of the cookie's token, so a leaked database lets no one
 * sign in; deleting a row signs that browser out.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    address: text("address"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;

/** Read-only screens (TVs). The id is the SHA-256 of the token in the screen's URL. */
export const wallboardTokens = sqliteTable("wallboard_tokens", {
  id: text("id").primaryKey(),
  /** A short public handle for the admin page (never enough to authenticate). */
  tokenId: text("token_id").notNull().unique(),
  label: text("label").notNull(),
  /** JSON array of queue ids the screen may show. */
  queueIds: text("queue_ids").notNull(),
  createdAt: integer("created_at").notNull(),
  createdBy: text("created_by").notNull(),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
});
export type WallboardTokenRow = typeof wallboardTokens.$inferSelect;

/**
 * Who did what, when, from where: sign-ins (and failures), user and token administration, and
 * every change a person made to the center (with the seq it became in the event log).
 */
export const audit = sqliteTable(
  "audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    action: text("action").notNull(),
    actor: text("actor"),
    role: text("role"),
    address: text("address"),
    target: text("target"),
    /** JSON, or null. */
    before: text("before"),
    after: text("after"),
    seq: integer("seq"),
  },
  (t) => [index("audit_action_idx").on(t.action, t.id), index("audit_actor_idx").on(t.actor, t.id)],
);
export type AuditRow = typeof audit.$inferSelect;

/**
 * History's read model: per-queue and per-agent counters in 15-minute buckets (start ms, aligned
 * to UTC quarter hours), folded from the log by packages/kpi and added to as events are appended.
 * Derived data: `history_state` says up to which seq it holds, and a boot replays the log into it
 * when it is missing, behind or from another version of the fold. Times are ms.
 */
const counter = (name: string) => integer(name).notNull().default(0);

export const historyQueueBuckets = sqliteTable(
  "history_queue_buckets",
  {
    queueId: text("queue_id").notNull(),
    bucket: integer("bucket").notNull(),
    arrived: counter("arrived"),
    offered: counter("offered"),
    answered: counter("answered"),
    answeredInSl: counter("answered_in_sl"),
    answeredUnknownWait: counter("answered_unknown_wait"),
    abandoned: counter("abandoned"),
    shortAbandoned: counter("short_abandoned"),
    timedOut: counter("timed_out"),
    rejected: counter("rejected"),
    closed: counter("closed"),
    waitMs: counter("wait_ms"),
    handled: counter("handled"),
    handleMs: counter("handle_ms"),
    busyMs: counter("busy_ms"),
    staffedMs: counter("staffed_ms"),
    talkMs: counter("talk_ms"),
    /** Service level's parts (packages/kpi serviceLevelParts), for readers of the table itself. */
    slNumerator: counter("sl_numerator"),
    slDenominator: counter("sl_denominator"),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.bucket] })],
);

export const historyAgentBuckets = sqliteTable(
  "history_agent_buckets",
  {
    agentId: text("agent_id").notNull(),
    bucket: integer("bucket").notNull(),
    answered: counter("answered"),
    handled: counter("handled"),
    talkMs: counter("talk_ms"),
    handleMs: counter("handle_ms"),
    canRingMs: counter("can_ring_ms"),
    onCallMs: counter("on_call_ms"),
    wrapUpMs: counter("wrap_up_ms"),
    awayMs: counter("away_ms"),
    offlineMs: counter("offline_ms"),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.bucket] })],
);

/** One row: the last seq folded into the buckets, and the fold's version that wrote them. */
export const historyState = sqliteTable("history_state", {
  id: integer("id").primaryKey(),
  seq: integer("seq").notNull(),
  version: integer("version").notNull(),
});
