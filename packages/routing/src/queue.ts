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

/** A queue: calls wait here FIFO and are offered to the agents of its groups. Names follow PCC's queue fields. */
export interface QueueConfig {
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

/** PCC's defaults for everything but identity and groups. */
export const QUEUE_DEFAULTS = {
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
