import type { Agent } from "./agent.ts";
import { type Call, CallStatus } from "./call.ts";
import { couldRing, isBackup, MISSED_BIT, missedIt } from "./candidate-table.ts";
import { arrivedBefore, type CenterIndex, centerIndex, type Timer, TimerKind } from "./center-index.ts";
import type { Decision } from "./decision.ts";
import { isEligible } from "./eligibility.ts";
import { type EngineEvent, OfferEndReason } from "./events.ts";
import { AVAILABLE } from "./manual-status.ts";
import type { QueueConfig } from "./queue.ts";
import { isOpen } from "./schedule.ts";
import { type CenterState, own } from "./state.ts";
import { strategyKey } from "./strategy.ts";

/**
 * The next thing the engine must do at time `now`, or null when the center is settled. The caller
 * applies each event and asks again, so every decision sees the state the previous one produced.
 * Order: admit new calls; timers due (offer timeouts, maximum waits, wrap-ups), earliest first;
 * withdraw offers from agents who stopped being eligible; then offer the oldest waiting call in the
 * whole center (an agent in several queues serves the caller who has waited longest).
 * Each question is answered from the center's index (see CenterIndex), in time that depends on
 * what changed, not on how many agents and calls there are.
 */
export function nextEngineEvent(state: CenterState, now: number): EngineEvent | null {
  const index = centerIndex(state);
  const [arrived] = index.unadmitted;
  if (arrived !== undefined) return admit(state, index, own(state.calls, arrived)!, now);
  return nextDueTimer(state, now)?.event ?? withdrawal(state, index) ?? offer(state, index, now);
}

function admit(state: CenterState, index: CenterIndex, call: Call, now: number): EngineEvent {
  const queue = own(state.queues, call.queueId)!;
  if (!isOpen(queue.schedule, now)) {
    return {
      type: "call.finished",
      callId: call.id,
      outcome: "closed",
      reason: "outside the queue's business hours",
    };
  }
  const ahead = index.queued.get(queue.id) ?? 0;
  if (ahead >= queue.maximumQueueSize) {
    return {
      type: "call.finished",
      callId: call.id,
      outcome: "rejected",
      reason: `queue full: ${ahead} of ${queue.maximumQueueSize} places taken`,
    };
  }
  return { type: "call.queued", callId: call.id, position: ahead + 1 };
}

/**
 * The earliest timer already set that is due at `now` (its deadline ≤ now), with the event it fires.
 * Timers the state no longer sets are dropped on the way; a backup opening fires no event — it only
 * sends its queue back for another look.
 */
export function nextDueTimer(state: CenterState, now: number): { at: number; event: EngineEvent } | null {
  const index = centerIndex(state);
  for (let timer = index.timers.peek(); timer !== undefined && timer.at <= now; timer = index.timers.peek()) {
    const event = fire(state, index, timer);
    // A fired timer stays until its event is applied, which makes it stale: nothing is lost if the
    // caller asks twice without applying.
    if (event) return { at: timer.at, event };
    index.timers.pop();
  }
  return null;
}

/**
 * The first time at which the engine must act without new input: an offer times out, a caller
 * reaches the maximum wait, a wrap-up ends, or backup groups open for a waiting call. After a step
 * every deadline up to the clock has been handled, so this is always later than the clock.
 */
export function nextDeadline(state: CenterState): number | null {
  const index = centerIndex(state);
  for (let timer = index.timers.peek(); timer !== undefined; timer = index.timers.peek()) {
    if (isSet(state, timer)) return timer.at;
    index.timers.pop();
  }
  return null;
}

/** The event a due timer fires, or null when it is stale or fires none (a backup opening). */
function fire(state: CenterState, index: CenterIndex, timer: Timer): EngineEvent | null {
  if (!isSet(state, timer)) return null;
  if (timer.kind === TimerKind.WRAP_UP) return { type: "agent.wrap_up_ended", agentId: timer.id };
  const call = own(state.calls, timer.id)!;
  const queue = own(state.queues, call.queueId)!;
  switch (timer.kind) {
    case TimerKind.OFFER:
      return timeout(state, queue, call);
    case TimerKind.MAX_WAIT:
      return {
        type: "call.finished",
        callId: call.id,
        outcome: "timed_out",
        reason: `nobody answered within ${queue.maximumQueueWaitTime}s`,
      };
    case TimerKind.BACKUP_OPENS:
      index.dirty.add(queue.id);
      return null;
  }
}

/** Whether the state still sets this deadline (timers are never removed when the state moves on). */
function isSet(state: CenterState, timer: Timer): boolean {
  if (timer.kind === TimerKind.WRAP_UP) return own(state.agents, timer.id)?.wrapUpUntil === timer.at;
  const call = own(state.calls, timer.id);
  const queue = call && own(state.queues, call.queueId);
  if (!call || !queue || !call.admitted) return false;
  switch (timer.kind) {
    case TimerKind.OFFER:
      return call.status === CallStatus.RINGING && call.offerExpiresAt === timer.at;
    case TimerKind.MAX_WAIT:
      return (
        call.status !== CallStatus.TALKING &&
        queue.maximumQueueWaitTime > 0 &&
        call.arrivedAt + queue.maximumQueueWaitTime * 1000 === timer.at
      );
    case TimerKind.BACKUP_OPENS:
      return (
        call.status === CallStatus.WAITING &&
        queue.routeToBackupAfterSec !== null &&
        call.arrivedAt + queue.routeToBackupAfterSec * 1000 === timer.at
      );
  }
}

function timeout(state: CenterState, queue: QueueConfig, call: Call): EngineEvent {
  const limit = queue.maxConsecutiveMisses;
  const autoNotAvailable =
    limit === null
      ? []
      : call.ringing.filter((id) => {
          const agent = own(state.agents, id);
          return (
            agent !== undefined && agent.consecutiveMisses + 1 >= limit && agent.manualStatus === AVAILABLE
          );
        });
  return {
    type: "call.offer_ended",
    callId: call.id,
    agentIds: call.ringing,
    reason: OfferEndReason.TIMEOUT,
    autoNotAvailable,
  };
}

/**
 * An offer to withdraw because its agent stopped being eligible while ringing: the oldest call's
 * first, then in ringing order, however the agents were noticed.
 */
function withdrawal(state: CenterState, index: CenterIndex): EngineEvent | null {
  let best: { call: Call; agentId: string; position: number } | null = null;
  for (const agentId of index.suspects) {
    const agent = own(state.agents, agentId);
    const call = agent?.ringingCallId ? own(state.calls, agent.ringingCallId) : undefined;
    if (!agent || !call || isEligible(agent)) {
      index.suspects.delete(agentId);
      continue;
    }
    const position = call.ringing.indexOf(agentId);
    const sameCall = best !== null && best.call.id === call.id;
    if (
      best === null ||
      (sameCall ? position < best.position : arrivedBefore(arrival(call), arrival(best.call)))
    ) {
      best = { call, agentId, position };
    }
  }
  if (!best) return null;
  return {
    type: "call.offer_ended",
    callId: best.call.id,
    agentIds: [best.agentId],
    reason: OfferEndReason.AGENT_UNAVAILABLE,
    autoNotAvailable: [],
  };
}

/**
 * The offer for the oldest waiting call that someone can take. Only queues marked dirty are looked
 * at, and only their oldest waiting call: a younger call of the same queue cannot do better (same
 * agents; backup groups open later for it). A queue found with nobody to offer is settled until a
 * member becomes able to ring, a call starts waiting, or backup groups open.
 */
function offer(state: CenterState, index: CenterIndex, now: number): EngineEvent | null {
  for (;;) {
    let best: { queue: QueueConfig; head: { id: string; at: number; seq: number } } | null = null;
    for (const queueId of index.dirty) {
      const head = index.waiting.get(queueId)?.[0];
      const queue = own(state.queues, queueId);
      if (!head || !queue || !someoneMayRing(index, queue, head.at, now)) {
        index.dirty.delete(queueId);
        continue;
      }
      if (best === null || arrivedBefore(head, best.head)) best = { queue, head };
    }
    if (best === null) return null;
    const call = own(state.calls, best.head.id)!;
    const decision = decide(state, call, now);
    if (!decision) {
      index.dirty.delete(best.queue.id);
      continue;
    }
    return {
      type: "call.offered",
      callId: call.id,
      agentIds: decision.agentIds,
      expiresAt: now + best.queue.waitAgentAnswerTimeout * 1000,
      decision,
    };
  }
}

/** The counts' quick answer: can any member the call may reach ring at all? */
function someoneMayRing(index: CenterIndex, queue: QueueConfig, arrivedAt: number, now: number): boolean {
  const counts = index.ringable.get(queue.id);
  if (!counts) return false;
  return counts.primary > 0 || (counts.backup > 0 && backupAllowed(queue, now - arrivedAt));
}

function backupAllowed(queue: QueueConfig, waitedMs: number): boolean {
  return queue.routeToBackupAfterSec === null || waitedMs >= queue.routeToBackupAfterSec * 1000;
}

function arrival(call: Call): { id: string; at: number; seq: number } {
  return { id: call.id, at: call.arrivedAt, seq: call.arrivedSeq };
}

interface Ranked {
  row: number;
  agent: Agent;
  key: number;
  missed: boolean;
  backup: boolean;
}

/**
 * Who rings for `call` at `now` under its queue's strategy, with the candidate table; null when
 * nobody can. Primary agents first; backup agents only once the call has waited routeToBackupAfterSec
 * and no primary agent can ring or every one that can has already missed this call. Within the pool:
 * agents who already missed this call last, then the strategy's key, then the lower id. Ring-all
 * offers the whole pool at once. The table is a copy of the queue's packed facts, kept current by
 * the index, so a decision reads the records of the agents that can ring only.
 */
export function decide(state: CenterState, call: Call, now: number): Decision | null {
  const queue = own(state.queues, call.queueId);
  const index = centerIndex(state);
  const table = index.tables.get(call.queueId);
  if (!queue || !table) return null;
  const facts = table.facts.slice();
  for (const id of call.missedBy) {
    const row = rowIn(index, id, queue.id);
    if (row >= 0) facts[row]! |= MISSED_BIT;
  }
  const primaries: Ranked[] = [];
  const backups: Ranked[] = [];
  for (let row = 0; row < facts.length; row++) {
    const packed = facts[row]!;
    if (!couldRing(packed)) continue;
    const backup = isBackup(packed);
    const agent = own(state.agents, table.agentIds[row]!)!;
    (backup ? backups : primaries).push({ row, agent, key: 0, missed: missedIt(packed), backup });
  }
  const waitedMs = now - call.arrivedAt;
  // Backup agents join when no primary agent can ring — or when every one that can has already let
  // this call ring out, so a primary who never answers cannot hold the call until it times out.
  const backupOpen = backupAllowed(queue, waitedMs) && primaries.every((r) => r.missed);
  const pool = backupOpen ? primaries.concat(backups) : primaries;
  if (pool.length === 0) return null;

  const lastOffered = own(state.queueRuntime, queue.id)?.lastOfferedAgentId ?? null;
  const ctx = {
    roster: table.agentIds,
    lastOfferedIndex: lastOffered === null ? -1 : rowIn(index, lastOffered, queue.id),
    callId: call.id,
    attempt: call.offers + 1,
    seed: queue.randomSeed,
  };
  for (const r of pool) r.key = strategyKey(queue.strategy, r.agent, r.row, ctx);
  pool.sort(rankOrder);
  const chosen = queue.strategy === "ring-all" ? pool : pool.slice(0, 1);
  return {
    callId: call.id,
    attempt: call.offers + 1,
    queueId: queue.id,
    at: now,
    strategy: queue.strategy,
    agentIds: chosen.map((r) => r.agent.id),
    usedBackup: chosen.some((r) => r.backup),
    table: { agentIds: table.agentIds, facts, ranked: pool.map((r) => r.row), keys: pool.map((r) => r.key) },
    waitedSec: Math.max(0, Math.round(waitedMs / 1000)),
  };
}

/** The agent's row in the queue's table, or -1 when it is not a member. */
function rowIn(index: CenterIndex, agentId: string, queueId: string): number {
  for (const m of index.memberships.get(agentId) ?? []) if (m.queueId === queueId) return m.row;
  return -1;
}

function rankOrder(a: Ranked, b: Ranked): number {
  return Number(a.missed) - Number(b.missed) || a.key - b.key || compareIds(a.agent.id, b.agent.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
