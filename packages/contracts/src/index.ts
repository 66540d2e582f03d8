export {
  agentTokenRequestSchema,
  type ConnectorProblem,
  type ConnectorStatus,
  type PresenceReport,
  presenceReportSchema,
} from "./connector.ts";
export {
  agentIdSchema,
  agentProfileSchema,
  callerNumberSchema,
  callIdSchema,
  callPartySchema,
  groupConfigSchema,
  ID_MAX_LENGTH,
  idempotencyKeySchema,
  inputEventSchema,
  manualStatusSchema,
  phoneNumberSchema,
  queueConfigSchema,
  queueIdSchema,
  type SetManualStatusInput,
  type SubmitEventInput,
  setManualStatusSchema,
  submitEventSchema,
} from "./domain-schemas.ts";
export {
  DomainRejectedError,
  describeZodError,
  PccWriteError,
  PccWriteFailure,
  type SubmitResult,
} from "./errors.ts";
export type { CatchUp, EventBatch, Snapshot } from "./snapshot.ts";
export {
  type Ack,
  type BoardSubscribeInput,
  type BoardSubscribeResult,
  boardSubscribeSchema,
  type ClientToServerEvents,
  type Incompatible,
  type InterServerEvents,
  LIVE_PROTOCOL_VERSION,
  Room,
  type ServerToClientEvents,
  type SocketData,
} from "./socket.ts";
