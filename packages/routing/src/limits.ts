/**
 * How big a center may grow. Caps refuse new records only (an agent, group or queue that does not
 * exist yet): updating an existing one is always allowed, and replaying a log never checks them — so
 * lowering a cap never makes an existing log or center unusable.
 */
export interface CenterLimits {
  /** Agents in the center. */
  maxAgents: number;
  /** Queues in the center. */
  maxQueues: number;
  /** Groups in the center. */
  maxGroups: number;
}

/** The defaults; the server takes others from its environment (the setting each is named after). */
export const DEFAULT_LIMITS: Readonly<CenterLimits> = {
  maxAgents: 20_000,
  maxQueues: 1_000,
  maxGroups: 1_000,
};

/** The setting that configures each cap, named in refusals so an operator knows what to raise. */
export const LIMIT_SETTING: Record<keyof CenterLimits, string> = {
  maxAgents: "CALLBOARD_MAX_AGENTS",
  maxQueues: "CALLBOARD_MAX_QUEUES",
  maxGroups: "CALLBOARD_MAX_GROUPS",
};

/**
 * Push tokens kept per agent: PCC counts an agent online with one, and a phone registers a new one
 * now and then. When another arrives past this many, the oldest is dropped (not a refusal) — a fixed
 * part of the fold, so replay and the board give the same list.
 */
export const PUSH_TOKENS_PER_AGENT = 10;

// Record counts per container (state.agents, state.groups, state.queues), so a cap check costs O(1)
// instead of counting 20,000 keys for every new agent. Built on first use; applyEvent bumps it when
// it adds a record and noteRecordRemoved when it removes one.
const counts = new WeakMap<object, number>();

/** How many records `container` holds. */
export function recordCount(container: Record<string, unknown>): number {
  let count = counts.get(container);
  if (count === undefined) {
    count = Object.keys(container).length;
    counts.set(container, count);
  }
  return count;
}

/** Tells the count that applyEvent added one record to `container`. */
export function noteRecordAdded(container: Record<string, unknown>): void {
  const count = counts.get(container);
  if (count !== undefined) counts.set(container, count + 1);
}

/** Tells the count that applyEvent removed one record from `container`. */
export function noteRecordRemoved(container: Record<string, unknown>): void {
  const count = counts.get(container);
  if (count !== undefined) counts.set(container, count - 1);
}
