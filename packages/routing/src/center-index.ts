import type { Agent } from "./agent.ts";
import { type Call, CallStatus } from "./call.ts";
import { packFacts } from "./candidate-table.ts";
import { canRing, isEligible, reasonMask } from "./eligibility.ts";
import { MinHeap } from "./min-heap.ts";
import { queueMembers } from "./roster.ts";
import { type CenterState, own } from "./state.ts";

/** What a timer does when it falls due; at equal deadlines they fire in this order. */
export const TimerKind = { OFFER: 0, MAX_WAIT: 1, WRAP_UP: 2, BACKUP_OPENS: 3 } as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];

/** A deadline set by the state; stale once the state no longer sets it (checked when it is due). */
export interface Timer {
  at: number;
  kind: TimerKind;
  /** The call (offer, maximum wait, backup opening) or agent (wrap-up) it belongs to. */
  id: string;
}

/** A call's place in its queue's line: first come, first served. */
export interface Arrival {
  id: string;
  at: number;
  seq: number;
}

/**
 * The engine's working indexes, kept beside the state (never in it: the state stays plain JSON) so
 * a step costs what changed, not the size of the center: a timer heap, each queue's waiting line,
 * per-queue counts of members who can ring, and the queues and agents that need another look.
 * Built from the state on first use — complete and conservative (every queue needs a look) — then
 * kept current by applyEvent through noteAgent/noteCall; configuration changes drop it. Whatever
 * point it was built at, the engine reads it in a canonical order, so the log it writes is the same.
 */
export interface CenterIndex {
  /** Calls not admitted yet, in arrival order. */
  unadmitted: Set<string>;
  /** Per queue: admitted calls waiting for an offer, oldest first. */
  waiting: Map<string, Arrival[]>;
  /** Per queue: admitted calls not answered yet (waiting or ringing), for the queue-size check. */
  queued: Map<string, number>;
  timers: MinHeap<Timer>;
  /** Per agent id: the queues whose groups include it, its tier and its row in each queue's table. */
  memberships: Map<string, Membership[]>;
  /** Per queue: every member agent's state packed as a decision records it, kept current row by row. */
  tables: Map<string, QueueTable>;
  /** Per queue: members who can ring right now, by tier. */
  ringable: Map<string, { primary: number; backup: number }>;
  /**
   * Queues that may have an offer to make: since they were last found with none, a member became able
   * to ring, a call started waiting, or backup groups opened for a waiting call (route.ts).
   */
  dirty: Set<string>;
  /** Agents that changed while ringing: their offer may have to be withdrawn. */
  suspects: Set<string>;
}

export interface Membership {
  queueId: string;
  backup: boolean;
  row: number;
}

/**
 * A queue's members (agents that exist, in the queue's fixed order) and their packed facts
 * (packFacts, without the per-call miss bit). A decision copies `facts` and shares `agentIds`,
 * which is never mutated: a change of membership builds a new index.
 */
export interface QueueTable {
  agentIds: string[];
  facts: number[];
}

const indexes = new WeakMap<CenterState, CenterIndex>();

/** The index of `state`, built now if the state has none (first use, a snapshot, a config change). */
export function centerIndex(state: CenterState): CenterIndex {
  let index = indexes.get(state);
  if (!index) {
    index = build(state);
    indexes.set(state, index);
  }
  return index;
}

/** Queues, groups or the set of agents changed: tables, memberships and deadlines may all move, so rebuild on next use. */
export function dropIndex(state: CenterState): void {
  indexes.delete(state);
}

/** Keeps the index current after applyEvent replaced (or created) an agent's record. */
export function noteAgent(state: CenterState, prev: Agent | undefined, next: Agent): void {
  const index = indexes.get(state);
  if (!prev) {
    // A new agent may be a member of queues' groups already: their tables gain a row. One in no
    // group changes nothing the index holds (a new record rings nothing and has no wrap-up), so the
    // index stays: a center's setup adds thousands of agents before their groups, and a rebuild per
    // agent made it quadratic (minutes at 10,000 agents).
    if (index && !inAnyGroup(state, next.id)) return;
    dropIndex(state);
  } else if (index) agentChanged(index, prev, next);
}

function inAnyGroup(state: CenterState, agentId: string): boolean {
  for (const group of Object.values(state.groups)) if (group.members.includes(agentId)) return true;
  return false;
}

/** Keeps the index current after applyEvent created, replaced or removed a call. */
export function noteCall(state: CenterState, prev: Call | undefined, next: Call | undefined): void {
  const index = indexes.get(state);
  if (index) callChanged(index, state, prev, next);
}

/** The oldest of two arrivals. */
export function arrivedBefore(a: Arrival, b: Arrival): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function build(state: CenterState): CenterIndex {
  const index: CenterIndex = {
    unadmitted: new Set(),
    waiting: new Map(),
    queued: new Map(),
    timers: new MinHeap(timerBefore),
    memberships: new Map(),
    tables: new Map(),
    ringable: new Map(),
    dirty: new Set(),
    suspects: new Set(),
  };
  for (const queue of Object.values(state.queues)) {
    const counts = { primary: 0, backup: 0 };
    const table: QueueTable = { agentIds: [], facts: [] };
    index.ringable.set(queue.id, counts);
    index.tables.set(queue.id, table);
    index.dirty.add(queue.id);
    for (const { id, tier } of queueMembers(state, queue)) {
      const agent = own(state.agents, id);
      if (!agent) continue;
      const backup = tier === "backup";
      const list = index.memberships.get(id) ?? [];
      index.memberships.set(id, list);
      list.push({ queueId: queue.id, backup, row: table.agentIds.length });
      table.agentIds.push(id);
      table.facts.push(packFacts(agent, reasonMask(agent), backup, false));
      if (canRing(agent)) counts[backup ? "backup" : "primary"]++;
    }
  }
  const calls = Object.values(state.calls).sort(
    (a, b) => a.arrivedAt - b.arrivedAt || a.arrivedSeq - b.arrivedSeq,
  );
  for (const call of calls) callChanged(index, state, undefined, call);
  for (const agent of Object.values(state.agents)) {
    if (agent.wrapUpUntil !== null)
      index.timers.push({ at: agent.wrapUpUntil, kind: TimerKind.WRAP_UP, id: agent.id });
    if (agent.ringingCallId !== null) index.suspects.add(agent.id);
  }
  return index;
}

function agentChanged(index: CenterIndex, prev: Agent, next: Agent): void {
  const was = canRing(prev);
  const is = canRing(next);
  const reasons = reasonMask(next);
  for (const { queueId, backup, row } of index.memberships.get(next.id) ?? []) {
    index.tables.get(queueId)!.facts[row] = packFacts(next, reasons, backup, false);
    if (was === is) continue;
    index.ringable.get(queueId)![backup ? "backup" : "primary"] += is ? 1 : -1;
    // Only an agent who became able to ring can make a settled queue offer again.
    if (is) index.dirty.add(queueId);
  }
  if (next.wrapUpUntil !== null && next.wrapUpUntil !== prev.wrapUpUntil) {
    index.timers.push({ at: next.wrapUpUntil, kind: TimerKind.WRAP_UP, id: next.id });
  }
  if (next.ringingCallId !== null && !isEligible(next)) index.suspects.add(next.id);
}

function callChanged(
  index: CenterIndex,
  state: CenterState,
  prev: Call | undefined,
  next: Call | undefined,
): void {
  const call = (next ?? prev)!;
  const queueId = call.queueId;
  if (next && !next.admitted) index.unadmitted.add(call.id);
  else index.unadmitted.delete(call.id);

  const wasQueued = isQueued(prev);
  const nowQueued = isQueued(next);
  if (wasQueued !== nowQueued)
    index.queued.set(queueId, (index.queued.get(queueId) ?? 0) + (nowQueued ? 1 : -1));

  const wasWaiting = isWaiting(prev);
  const nowWaiting = isWaiting(next);
  if (wasWaiting && !nowWaiting) removeArrival(index, queueId, call);
  if (!wasWaiting && nowWaiting) {
    insertArrival(index, queueId, call);
    index.dirty.add(queueId);
  }

  if (!next) return;
  const queue = own(state.queues, queueId);
  if (
    next.status === CallStatus.RINGING &&
    next.offerExpiresAt !== null &&
    next.offerExpiresAt !== prev?.offerExpiresAt
  ) {
    index.timers.push({ at: next.offerExpiresAt, kind: TimerKind.OFFER, id: next.id });
  }
  if (next.admitted && !prev?.admitted && queue && queue.maximumQueueWaitTime > 0) {
    index.timers.push({
      at: next.arrivedAt + queue.maximumQueueWaitTime * 1000,
      kind: TimerKind.MAX_WAIT,
      id: next.id,
    });
  }
  // A backup opening counts only while the call waits (see isSet in route.ts), so every return to
  // waiting — admission, or an offer that ended — sets it again: it may still be ahead.
  if (!wasWaiting && nowWaiting && queue && queue.routeToBackupAfterSec !== null) {
    index.timers.push({
      at: next.arrivedAt + queue.routeToBackupAfterSec * 1000,
      kind: TimerKind.BACKUP_OPENS,
      id: next.id,
    });
  }
}

function isQueued(call: Call | undefined): boolean {
  return call?.admitted === true && call.status !== CallStatus.TALKING;
}

function isWaiting(call: Call | undefined): boolean {
  return call?.admitted === true && call.status === CallStatus.WAITING;
}

function insertArrival(index: CenterIndex, queueId: string, call: Call): void {
  const line = index.waiting.get(queueId) ?? [];
  index.waiting.set(queueId, line);
  const arrival = { id: call.id, at: call.arrivedAt, seq: call.arrivedSeq };
  line.splice(lowerBound(line, arrival), 0, arrival);
}

function removeArrival(index: CenterIndex, queueId: string, call: Call): void {
  const line = index.waiting.get(queueId);
  if (!line) return;
  const i = lowerBound(line, { id: call.id, at: call.arrivedAt, seq: call.arrivedSeq });
  if (line[i]?.id === call.id) line.splice(i, 1);
}

/** The first position whose arrival is not before `arrival` (binary search). */
function lowerBound(line: Arrival[], arrival: Arrival): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrivedBefore(line[mid]!, arrival)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Earliest first; then by kind and id, so equal deadlines fire in an order the state alone decides. */
function timerBefore(a: Timer, b: Timer): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.id < b.id;
}
