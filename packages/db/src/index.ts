export {
  AUDIT_KEPT,
  type AuditFilter,
  type AuthStore,
  createAuthStore,
  type NewAuditRow,
} from "./auth-store.ts";
export { ARCHIVE_CHUNK, archiveOldest } from "./archive.ts";
export { type CallboardDb, createDb } from "./client.ts";
export {
  type AppendRow,
  CHECKPOINTS_KEPT,
  createEventLog,
  type EventLogOptions,
  type NewCheckpoint,
  PACK_ABOVE,
  type EventLog,
  type LoggableEvent,
  type RejectedInput,
} from "./event-log.ts";
export { assertLogFormat, centerId } from "./meta.ts";
export { migrateDb } from "./migrate.ts";
export {
  type AuditRow,
  type CheckpointRow,
  checkpoints,
  type EventRow,
  eventAgents,
  events,
  meta,
  type RejectionRow,
  rejections,
  type SessionRow,
  type UserRow,
  type WallboardTokenRow,
} from "./schema.ts";
