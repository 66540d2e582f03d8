// The routing package's public surface: only what other packages import (apps, packages, e2e).
// Tests inside routing import the source files directly. Need one more name elsewhere? Add it here.
export {
  type Agent,
  type AgentProfile,
  hasTrackedCall,
  newAgent,
  RoutingType,
  SystemStatus,
} from "./agent.ts";
export { applyEvent } from "./apply.ts";
export { type Call, CallStatus } from "./call.ts";
export { candidatesOf, verdictCounts } from "./candidate-table.ts";
export { checkEvent, RejectCode, type Rejection } from "./check.ts";
export { type Decision, Verdict } from "./decision.ts";
export { membersAfter } from "./directory.ts";
export { canRing, explain, REASON_TEXT, Reason, reasonText } from "./eligibility.ts";
export { replay, step } from "./engine.ts";
export {
  DECISION_INDEXED_RANKS,
  type DomainEvent,
  decisionSubjects,
  EVENT_FORMAT,
  type EventSubjects,
  eventSubjects,
  type GroupMemberChange,
  INPUT_EVENT_TYPES,
  type InputEvent,
  LOG_DICTIONARY,
  type LoggedEvent,
} from "./events.ts";
export type { GroupConfig } from "./group.ts";
export {
  type CenterLimits,
  DEFAULT_LIMITS,
  LIMIT_SETTING,
  PUSH_TOKENS_PER_AGENT,
} from "./limits.ts";
export {
  AVAILABLE,
  isManualStatus,
  MANUAL_STATUSES,
  type ManualStatus,
} from "./manual-status.ts";
export { MinHeap } from "./min-heap.ts";
export { isValidPhoneNumber, PHONE_NUMBER_MAX_LENGTH, PHONE_NUMBER_RULE } from "./phone-number.ts";
export { isOnline, onlineSignals, type PresenceSignal } from "./presence.ts";
export {
  DEFAULT_ANSWER_TIMEOUT_SEC,
  DEFAULT_TIME_ZONE,
  KPI_WINDOW_MIN_MAX,
  MIN_ANSWER_TIMEOUT_SEC,
  QUEUE_DEFAULTS,
  QUEUE_KPI_DEFAULTS,
  type QueueConfig,
  type QueueGroup,
  type QueueKpiSettings,
  type Schedule,
  STRATEGIES,
  type Strategy,
} from "./queue.ts";
export { type QueueSummary, summarizeQueue, summarizeQueues } from "./queue-summary.ts";
export { queueRoster, type RosterEntry } from "./roster.ts";
export { decide, nextDeadline } from "./route.ts";
export { isClockTime, isKnownTimeZone } from "./schedule.ts";
export { type CenterRecords, type CenterState, emptyState, own, type RecordVersions } from "./state.ts";
export { STRATEGY_KEY } from "./strategy.ts";
