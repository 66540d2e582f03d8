import type { Agent } from "./agent.ts";
import type { Call, CallOutcome } from "./call.ts";
import type { Decision } from "./decision.ts";
import type { GroupConfig } from "./group.ts";
import type { QueueConfig } from "./queue.ts";

/** How many routing decisions the live state keeps (the full history stays in the event log). */
export const RECENT_DECISIONS = 50;

/** What the engine remembers per queue beyond its configuration. */
export interface QueueRuntime {
  /** The agent offered last (round-robin continues after it). */
  lastOfferedAgentId: string | null;
  /** How calls of this queue have ended since the log began. */
  outcomes: Record<CallOutcome, number>;
}

/**
 * Per record, the seq of the event that last changed its configuration (an agent's profile, a
 * group's name or members, a queue's settings) — not its live state. An edit sends the version it
 * was made from (`ifVersion`), so a second admin's save over a changed record is refused, not
 * silently applied over the first one's.
 */
export interface RecordVersions {
  agents: Record<string, number>;
  groups: Record<string, number>;
  queues: Record<string, number>;
}

/**
 * The whole center at one point of the event log. Plain JSON so a snapshot is the state itself.
 * Containers are updated in place for speed; every agent/call/queue record is replaced, never
 * mutated, so a UI can compare records by identity.
 */
export interface CenterState {
  /** Seq of the last event folded in; 0 for the empty center. */
  seq: number;
  /** The engine's time: when it last settled. Deadlines at or before it have been handled. */
  clock: number;
  agents: Record<string, Agent>;
  groups: Record<string, GroupConfig>;
  queues: Record<string, QueueConfig>;
  queueRuntime: Record<string, QueueRuntime>;
  versions: RecordVersions;
  calls: Record<string, Call>;
  /** Newest first, at most RECENT_DECISIONS. */
  decisions: Decision[];
}

/**
 * The center's records without the decision history: what a board holds beside its own decision
 * summaries, and all that queue summaries and rosters read.
 */
export type CenterRecords = Omit<CenterState, "decisions">;

export function emptyState(): CenterState {
  return {
    seq: 0,
    clock: 0,
    agents: {},
    groups: {},
    queues: {},
    queueRuntime: {},
    versions: { agents: {}, groups: {}, queues: {} },
    calls: {},
    decisions: [],
  };
}

export function emptyOutcomes(): Record<CallOutcome, number> {
  return { answered: 0, abandoned: 0, rejected: 0, timed_out: 0, closed: 0 };
}

/**
 * Ids are opaque strings, so "constructor" or "toString" are real ids: look records up as own
 * properties only, never through Object.prototype.
 */
export function own<T>(records: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}
