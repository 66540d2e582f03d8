export { ARCHIVE_CHUNK, archiveOldest } from "./archive.ts";
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
  type CallHit,
  CHECKPOINTS_KEPT,
  createEventLog,
  type EventLog,
  type EventLogOptions,
  type LoggableEvent,
  type NewCheckpoint,
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
  createRowCodec,
  type EncodedRow,
  PACK_ABOVE,
  type RowCodec,
  type RowCodecOptions,
} from "./row-codec.ts";
export {
  type AuditRow,
  agentKeys,
  type CheckpointRow,
  checkpoints,
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
  sharedValues,
  type UserRow,
  type WallboardTokenRow,
} from "./schema.ts";
