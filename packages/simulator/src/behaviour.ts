import type { Rng } from "./prng.ts";

/**
 * How the simulated people behave, in real-time milliseconds (the simulator divides by `speed`).
 * Kept in one place so tuning the demo's feel never means reading the event plumbing.
 */
const SEC = 1000;
const MIN = 60 * SEC;

/**
 * Calls an hour per agent on the roster: Poisson arrivals whose rate grows with the center, so a
 * 40-agent demo gets about 720 calls an hour (one every 5 s) and 10,000 agents about 50 a second.
 * With the talk, wrap-up and away times below that keeps roughly three agents in four of those
 * logged in and Available busy: queues form and drain, the center is busy but not saturated.
 */
export const CALLS_PER_AGENT_HOUR = 18;

/** Mean gap between calls across all queues for a roster of `agents`. */
export const meanInterarrivalMs = (agents: number): number => (60 * MIN) / (CALLS_PER_AGENT_HOUR * agents);

/** Share of offers an agent picks up; the rest ring out and the engine moves the call on. */
export const ANSWER_PROBABILITY = 0.8;

/** Mean time an Available agent works before its next break, logout or status change. */
export const MEAN_ACTIVITY_GAP_MS = 25 * MIN;

/** How long an agent who is ringing, talking or wrapping up puts off a break: it goes after the call. */
export const afterCallMs = (rng: Rng): number => rng.between(15 * SEC, 45 * SEC);

/** How long an agent the engine set Not available (missed offers in a row) takes to notice and come back. */
export const noticeMissesMs = (rng: Rng): number => rng.between(20 * SEC, 90 * SEC);

/** Time from the phone starting to ring to the agent picking up: 2–8 s. */
export const answerDelayMs = (rng: Rng): number => rng.between(2 * SEC, 8 * SEC);

/** Talk time: lognormal (median ~2.2 min, mean ~2.5 min), clamped to 1–6 min. */
export const talkTimeMs = (rng: Rng): number =>
  Math.min(6 * MIN, Math.max(1 * MIN, rng.lognormal(132 * SEC, 0.5)));

/** How long a caller waits for an agent before hanging up: 30–180 s. */
export const patienceMs = (rng: Rng): number => rng.between(30 * SEC, 180 * SEC);

/** The caller's number, Vietnamese mobile style ("8490" + 7 digits). */
export const callerNumber = (rng: Rng): string => `8490${rng.digits(7)}`;

/** What an Available agent does next, with relative weights and how long it lasts. */
export const ACTIVITIES = {
  SHORT_BREAK: { weight: 50, durationMs: (rng: Rng) => rng.between(3 * MIN, 10 * MIN) },
  LOGOUT: { weight: 20, durationMs: (rng: Rng) => rng.between(1 * MIN, 6 * MIN) },
  NOT_AVAILABLE: { weight: 12, durationMs: (rng: Rng) => rng.between(2 * MIN, 8 * MIN) },
  INVISIBLE: { weight: 8, durationMs: (rng: Rng) => rng.between(1 * MIN, 5 * MIN) },
  /** Rare, and at most once per agent. */
  LUNCH_BREAK: { weight: 4, durationMs: (rng: Rng) => rng.between(20 * MIN, 40 * MIN) },
} as const;
export type Activity = keyof typeof ACTIVITIES;

/** When an agent who starts the demo not logged in shows up: 1–15 min in. */
export const lateLoginMs = (rng: Rng): number => rng.between(1 * MIN, 15 * MIN);
