export {
  type Agent,
  type AgentProfile,
  hasTrackedCall,
  newAgent,
  type Presence,
  RoutingType,
  SystemStatus,
} from "./agent.ts";
export { applyEvent } from "./apply.ts";
export { type Call, CallOutcome, CallStatus } from "./call.ts";
export { type CandidateTable, candidatesOf } from "./candidate-table.ts";
export { checkEvent, RejectCode, type Rejection } from "./check.ts";
export { type Candidate, type Decision, Verdict } from "./decision.ts";
export {
  canRing,
  explain,
  isEligible,
  pccReasons,
  REASON_TEXT,
  Reason,
  reasonMask,
  reasonsOf,
} from "./eligibility.ts";
export { replay, type StepResult, step } from "./engine.ts";
export {
  type DomainEvent,
  type EngineEvent,
  type EngineOutcome,
  EVENT_FORMAT,
  eventSubjects,
  INPUT_EVENT_TYPES,
  type InputEvent,
  type LoggedEvent,
  OfferEndReason,
} from "./events.ts";
export type { GroupConfig } from "./group.ts";
export {
  AVAILABLE,
  isManualStatus,
  MANUAL_STATUS_LABEL,
  MANUAL_STATUSES,
  type ManualStatus,
} from "./manual-status.ts";
export { isValidPhoneNumber, PHONE_NUMBER_RULE } from "./phone-number.ts";
export { isOnline, onlineSignals, PresenceSignal } from "./presence.ts";
export {
  DEFAULT_ANSWER_TIMEOUT_SEC,
  DEFAULT_TIME_ZONE,
  MIN_ANSWER_TIMEOUT_SEC,
  type OpeningHours,
  QUEUE_DEFAULTS,
  type QueueConfig,
  type QueueGroup,
  type Schedule,
  STRATEGIES,
  type Strategy,
} from "./queue.ts";
export { type QueueSummary, summarizeQueue } from "./queue-summary.ts";
export { queueRoster, type RosterEntry } from "./roster.ts";
export { decide, nextDeadline, nextEngineEvent } from "./route.ts";
export { isClockTime, isKnownTimeZone, isOpen } from "./schedule.ts";
export {
  type CenterState,
  emptyOutcomes,
  emptyState,
  own,
  type QueueRuntime,
  RECENT_DECISIONS,
} from "./state.ts";
export { STRATEGY_KEY, strategyKey } from "./strategy.ts";
