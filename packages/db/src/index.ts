export { type CallboardDb, createDb } from "./client.ts";
export {
  type AppendRow,
  createEventLog,
  type EventLog,
  type LoggableEvent,
  type RejectedInput,
} from "./event-log.ts";
export { assertLogFormat, centerId } from "./meta.ts";
export { migrateDb } from "./migrate.ts";
export { type EventRow, eventAgents, events, meta, type RejectionRow, rejections } from "./schema.ts";
