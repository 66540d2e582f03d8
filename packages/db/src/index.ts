export { type CallboardDb, createDb } from "./client.ts";
export { type AppendRow, createEventLog, type EventLog, type LoggableEvent } from "./event-log.ts";
export { migrateDb } from "./migrate.ts";
export { type EventRow, events } from "./schema.ts";
