import type { Agent } from "./agent.ts";
import type { Call } from "./call.ts";
import type { Decision } from "./decision.ts";
import type { QueueConfig } from "./queue.ts";

/** How many routing decisions the live state keeps (the full history stays in the event log). */
export const RECENT_DECISIONS = 50;

/**
 * The whole center at one point of the event log. Plain JSON so a snapshot is the state itself.
 * Containers are updated in place for speed; every agent/call/queue record is replaced, never
 * mutated, so a UI can compare records by identity.
 */
export interface CenterState {
  /** Seq of the last event folded in; 0 for the empty center. */
  seq: number;
  agents: Record<string, Agent>;
  queues: Record<string, QueueConfig>;
  calls: Record<string, Call>;
  /** Newest first, at most RECENT_DECISIONS. */
  decisions: Decision[];
}

export function emptyState(): CenterState {
  return { seq: 0, agents: {}, queues: {}, calls: {}, decisions: [] };
}

/**
 * Ids are opaque strings, so "constructor" or "toString" are real ids: look records up as own
 * properties only, never through Object.prototype.
 */
export function own<T>(records: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}
