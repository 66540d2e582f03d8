export { type Agent, type AgentProfile, type Presence, RoutingType, SystemStatus } from "./agent.ts";
export { applyEvent, checkEvent, RejectCode, type Rejection } from "./apply.ts";
export { type Call, CallStatus } from "./call.ts";
export type { Candidate, CandidateVerdict, Decision } from "./decision.ts";
export { canRing, explain, isEligible, pccReasons, REASON_TEXT, Reason } from "./eligibility.ts";
export { replay, step } from "./engine.ts";
export {
  type DomainEvent,
  type DomainEventType,
  type EngineEvent,
  eventSubjects,
  INPUT_EVENT_TYPES,
  type InputEvent,
  type LoggedEvent,
  OfferEndReason,
} from "./events.ts";
export {
  AVAILABLE,
  isManualStatus,
  MANUAL_STATUS_LABEL,
  MANUAL_STATUSES,
  type ManualStatus,
} from "./manual-status.ts";
export { isValidPhoneNumber, PHONE_NUMBER_RULE } from "./phone-number.ts";
export { isOnline, onlineSignals, PresenceSignal } from "./presence.ts";
export { DEFAULT_ANSWER_TIMEOUT_SEC, MIN_ANSWER_TIMEOUT_SEC, type QueueConfig } from "./queue.ts";
export { type QueueSummary, summarizeQueue } from "./queue-summary.ts";
export { decide, nextDeadline, nextEngineEvent } from "./route.ts";
export { type CenterState, emptyState, own, RECENT_DECISIONS } from "./state.ts";
