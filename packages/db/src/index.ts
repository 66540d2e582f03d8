export {
  AUDIT_KEPT,
  type AuditFilter,
  type AuthStore,
  createAuthStore,
  type NewAuditRow,
} from "./auth-store.ts";
export { type CallboardDb, createDb } from "./client.ts";
export {
  type AppendRow,
  createEventLog,
  type EventLog,
  type LoggableEvent,
  type RejectedInput,
} from "./event-log.ts";
export {
  createHistoryStore,
  HISTORY_AGENT_COUNTERS,
  HISTORY_QUEUE_COUNTERS,
  type HistoryPosition,
  type HistoryStore,
  type StoredBucket,
} from "./history-store.ts";
export { assertLogFormat, centerId } from "./meta.ts";
export { migrateDb } from "./migrate.ts";
export {
  type AuditRow,
  type EventRow,
  eventAgents,
  events,
  historyAgentBuckets,
  historyQueueBuckets,
  historyState,
  meta,
  type RejectionRow,
  rejections,
  type SessionRow,
  type UserRow,
  type WallboardTokenRow,
} from "./schema.ts";
