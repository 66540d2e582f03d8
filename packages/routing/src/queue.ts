/** PCC's default and minimum for wait_agent_answer_timeout, in seconds. */
export const DEFAULT_ANSWER_TIMEOUT_SEC = 15;
export const MIN_ANSWER_TIMEOUT_SEC = 3;
/** The time zone business hours are read in unless a queue says otherwise. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** How a queue orders the agents that can ring; every strategy states its ordering key. */
export const STRATEGIES = [
  "longest-idle",
  "round-robin",
  "fewest-calls",
  "least-talk-time",
  "top-down",
  "random",
  "ring-all",
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** A routing of a queue to a group: primary groups first, backup groups only when no primary agent can ring. */
export interface QueueGroup {
  groupId: string;
  primary: boolean;
}

/** Opening hours on some days of the week (0 = Sunday … 6 = Saturday), "HH:MM" to "HH:MM" local time. */
export interface OpeningHours {
  days: number[];
  open: string;
  close: string;
}

/** PCC's `schedule`: 1 = always route; 2 = business hours. */
export type Schedule =
  | { kind: "always" }
  | { kind: "business-hours"; timeZone: string; hours: OpeningHours[] };

/**
 * Callboard's own settings of a queue's KPIs and wallboard (PCC has none of these). Logs written
 * before they existed hold queues without them: `withQueueDefaults` fills them in when such a
 * queue is folded, so an old log boots with the defaults below.
 */
export interface QueueKpiSettings {
  /** T of the service level: a call answered within this many seconds of arriving is "in service level". */
  serviceLevelSec: number;
  /** Callers who hang up within this many seconds are short abandons: out of the service level and abandon rate. */
  shortAbandonSec: number;
  /** The service level the queue aims for, percent (1–100): the staffing advisor's target. */
  serviceLevelTarget: number;
  /** Length of the rolling KPI window, whole minutes (1–KPI_WINDOW_MIN_MAX). */
  kpiWindowMin: number;
  /** The wallboard shows the longest wait amber from this many seconds… */
  longestWaitAmberSec: number;
  /** …and red from this many (never below amber). */
  longestWaitRedSec: number;
}

/** The longest rolling KPI window a queue may ask for, minutes. */
export const KPI_WINDOW_MIN_MAX = 240;

/** Industry defaults: 80 % of calls answered within 20 s, abandons under 5 s not counted, 15-minute window. */
export const QUEUE_KPI_DEFAULTS = {
  serviceLevelSec: 20,
  shortAbandonSec: 5,
  serviceLevelTarget: 80,
  kpiWindowMin: 15,
  longestWaitAmberSec: 60,
  longestWaitRedSec: 120,
} as const satisfies QueueKpiSettings;

/** A queue: calls wait here FIFO and are offered to the agents of its groups. Names follow PCC's queue fields. */
export interface QueueConfig extends QueueKpiSettings {
  id: string;
  name: string;
  groups: QueueGroup[];
  strategy: Strategy;
  /** Seconds one offer rings before the call moves on (PCC wait_agent_answer_timeout, ≥ 3). */
  waitAgentAnswerTimeout: number;
  /** After-call work after each answered call (PCC agent_wrap_up_after_calls). */
  agentWrapUpAfterCalls: boolean;
  /** Seconds of after-call work (PCC wrap_up_time_limit). */
  wrapUpTimeLimit: number;
  /** Calls waiting or ringing beyond this are rejected at arrival (PCC maximum_queue_size). */
  maximumQueueSize: number;
  /** Seconds a caller may wait unanswered before the call times out (PCC maximum_queue_wait_time). */
  maximumQueueWaitTime: number;
  /** Seconds a call waits before backup groups may ring; null = as soon as no primary agent can. */
  routeToBackupAfterSec: number | null;
  /** After this many offers missed in a row an agent is set NOT_AVAILABLE; null = never. */
  maxConsecutiveMisses: number | null;
  schedule: Schedule;
  /** Seed of the random strategy, so a replay reproduces its choices. */
  randomSeed: number;
}

/** PCC's defaults for everything but identity and groups, and Callboard's KPI settings' defaults. */
export const QUEUE_DEFAULTS = {
  ...QUEUE_KPI_DEFAULTS,
  strategy: "longest-idle",
  waitAgentAnswerTimeout: DEFAULT_ANSWER_TIMEOUT_SEC,
  agentWrapUpAfterCalls: true,
  wrapUpTimeLimit: 10,
  maximumQueueSize: 5,
  maximumQueueWaitTime: 60,
  routeToBackupAfterSec: null,
  maxConsecutiveMisses: null,
  schedule: { kind: "always" },
  randomSeed: 0,
} as const satisfies Omit<QueueConfig, "id" | "name" | "groups">;

/**
 * The queue with every KPI setting it lacks set to its default: queues logged before those settings
 * existed (event format 3 without them) fold into complete records, so old logs still boot.
 */
export function withQueueDefaults(queue: QueueConfig): QueueConfig {
  const partial: Partial<QueueKpiSettings> = queue;
  for (const key of KPI_SETTING_KEYS) {
    if (partial[key] === undefined) return { ...QUEUE_KPI_DEFAULTS, ...stripUndefined(queue) };
  }
  return queue;
}

const KPI_SETTING_KEYS = Object.keys(QUEUE_KPI_DEFAULTS) as (keyof QueueKpiSettings)[];

function stripUndefined(queue: QueueConfig): QueueConfig {
  const copy: Record<string, unknown> = { ...queue };
  for (const key of KPI_SETTING_KEYS) if (copy[key] === undefined) delete copy[key];
  return copy as unknown as QueueConfig;
}
