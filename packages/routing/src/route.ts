import { type Call, CallStatus } from "./call.ts";
import { type Candidate, type Decision, Verdict } from "./decision.ts";
import { canRing, explain, isEligible } from "./eligibility.ts";
import { type EngineEvent, OfferEndReason } from "./events.ts";
import { onlineSignals } from "./presence.ts";
import { queueRoster, type RosterEntry } from "./roster.ts";
import { isOpen } from "./schedule.ts";
import { type CenterState, own } from "./state.ts";
import { strategyKey } from "./strategy.ts";
import { agentsInWrapUp } from "./wrap-up-index.ts";

/**
 * The next thing the engine must do at time `now`, or null when the center is settled. The caller
 * applies each event and asks again, so every decision sees the state the previous one produced.
 * Order: admit new calls; timers due (offer timeouts, maximum waits, wrap-ups), earliest first;
 * withdraw offers from agents who stopped being eligible; then offer the oldest waiting call in the
 * whole center (an agent in several queues serves the caller who has waited longest).
 */
export function nextEngineEvent(state: CenterState, now: number): EngineEvent | null {
  const calls = Object.values(state.calls).sort(byArrival);
  for (const call of calls) {
    if (!call.admitted) return admit(state, call, now);
  }
  const timer = nextDueTimer(state, now);
  if (timer) return timer.event;
  for (const call of calls) {
    const gone = call.ringing.find((id) => {
      const agent = own(state.agents, id);
      return !agent || !isEligible(agent);
    });
    if (gone !== undefined) {
      return {
        type: "call.offer_ended",
        callId: call.id,
        agentIds: [gone],
        reason: OfferEndReason.AGENT_UNAVAILABLE,
        autoNotAvailable: [],
      };
    }
  }
  // Queues found with nobody to offer: their younger calls cannot do better (same agents, and
  // backup groups open later for a call that has waited less), so they are skipped.
  const noOffer = new Set<string>();
  for (const call of calls) {
    if (call.status !== CallStatus.WAITING || noOffer.has(call.queueId)) continue;
    const decision = decide(state, call, now);
    if (!decision) {
      noOffer.add(call.queueId);
      continue;
    }
    const queue = own(state.queues, call.queueId)!;
    return {
      type: "call.offered",
      callId: call.id,
      agentIds: decision.agentIds,
      expiresAt: now + queue.waitAgentAnswerTimeout * 1000,
      decision,
    };
  }
  return null;
}

function admit(state: CenterState, call: Call, now: number): EngineEvent {
  const queue = own(state.queues, call.queueId)!;
  if (!isOpen(queue.schedule, now)) {
    return {
      type: "call.finished",
      callId: call.id,
      outcome: "closed",
      reason: "outside the queue's business hours",
    };
  }
  const ahead = Object.values(state.calls).filter(
    (c) => c.queueId === queue.id && c.admitted && c.status !== CallStatus.TALKING,
  ).length;
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
 * Every point in time at which the engine must act without new input, with the event it fires:
 * offer timeouts, maximum waits and wrap-up ends. Backup openings are visited with no event — they
 * only wake the engine to route again. One walk serves both the due timers and the next wake-up.
 */
function forEachTimer(
  state: CenterState,
  visit: (at: number, fire: (() => EngineEvent) | null) => void,
): void {
  for (const call of Object.values(state.calls)) {
    const queue = own(state.queues, call.queueId);
    if (!queue) continue;
    if (call.status === CallStatus.RINGING && call.offerExpiresAt !== null) {
      visit(call.offerExpiresAt, () => timeout(state, call));
    }
    const maxWait = maxWaitDeadline(queue.maximumQueueWaitTime, call);
    if (maxWait !== null) {
      visit(maxWait, () => ({
        type: "call.finished",
        callId: call.id,
        outcome: "timed_out",
        reason: `nobody answered within ${queue.maximumQueueWaitTime}s`,
      }));
    }
    if (call.status === CallStatus.WAITING && queue.routeToBackupAfterSec !== null) {
      visit(call.arrivedAt + queue.routeToBackupAfterSec * 1000, null);
    }
  }
  for (const agent of agentsInWrapUp(state)) {
    if (agent.wrapUpUntil !== null)
      visit(agent.wrapUpUntil, () => ({ type: "agent.wrap_up_ended", agentId: agent.id }));
  }
}

/** The earliest timer already set that is due at `now` (its deadline ≤ now), with that deadline. */
export function nextDueTimer(state: CenterState, now: number): { at: number; event: EngineEvent } | null {
  let best: { at: number; fire: () => EngineEvent } | null = null;
  forEachTimer(state, (at, fire) => {
    if (fire && at <= now && (best === null || at < best.at)) best = { at, fire };
  });
  const due = best as { at: number; fire: () => EngineEvent } | null;
  return due ? { at: due.at, event: due.fire() } : null;
}

function timeout(state: CenterState, call: Call): EngineEvent {
  const limit = own(state.queues, call.queueId)?.maxConsecutiveMisses ?? null;
  const autoNotAvailable =
    limit === null
      ? []
      : call.ringing.filter((id) => {
          const agent = own(state.agents, id);
          return (
            agent !== undefined && agent.consecutiveMisses + 1 >= limit && agent.manualStatus === "AVAILABLE"
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

function maxWaitDeadline(maximumQueueWaitTime: number, call: Call): number | null {
  if (maximumQueueWaitTime <= 0 || !call.admitted || call.status === CallStatus.TALKING) return null;
  return call.arrivedAt + maximumQueueWaitTime * 1000;
}

/**
 * The first time after `after` at which the engine must act without new input: an offer times out,
 * a caller reaches the maximum wait, a wrap-up ends, or backup groups open for a waiting call.
 */
export function nextDeadline(state: CenterState, after: number = state.clock): number | null {
  let next: number | null = null;
  forEachTimer(state, (at) => {
    if (at > after && (next === null || at < next)) next = at;
  });
  return next;
}

/** First come, first served: arrival time, then arrival order within the same millisecond. */
function byArrival(a: Call, b: Call): number {
  return a.arrivedAt - b.arrivedAt || a.arrivedSeq - b.arrivedSeq;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Row extends RosterEntry {
  reasons: Candidate["reasons"];
  key: number;
  missedThisCall: boolean;
}

/**
 * Who rings for `call` at `now` under its queue's strategy, with the full candidate table; null when
 * nobody can. Primary agents first; backup agents only once the call has waited routeToBackupAfterSec
 * and no primary agent can ring or every one that can has already missed this call. Within the pool: agents who already missed this call last, then
 * the strategy's key, then the lower id. Ring-all offers the whole pool at once.
 */
export function decide(state: CenterState, call: Call, now: number): Decision | null {
  const queue = own(state.queues, call.queueId);
  if (!queue) return null;
  const roster = queueRoster(state, queue);
  // Most calls that wait find nobody: answer that cheaply before building the candidate table.
  const waitedMs = now - call.arrivedAt;
  const backupAllowed =
    queue.routeToBackupAfterSec === null || waitedMs >= queue.routeToBackupAfterSec * 1000;
  if (!roster.some((r) => (r.tier === "primary" || backupAllowed) && canRing(r.agent))) return null;
  const runtime = own(state.queueRuntime, queue.id);
  const lastOfferedIndex = roster.findIndex((r) => r.agent.id === runtime?.lastOfferedAgentId);
  const ctx = {
    roster: roster.map((r) => r.agent.id),
    lastOfferedIndex,
    callId: call.id,
    attempt: call.offers + 1,
    seed: queue.randomSeed,
  };
  const rows: Row[] = roster.map((entry) => ({
    ...entry,
    reasons: explain(entry.agent),
    key: strategyKey(queue.strategy, entry.agent, entry.index, ctx),
    missedThisCall: call.missedBy.includes(entry.agent.id),
  }));
  const ringable = (r: Row) => r.reasons.length === 0;
  const primaries = rows.filter((r) => r.tier === "primary" && ringable(r));
  // Backup agents join when no primary agent can ring — or when every one that can has already let
  // this call ring out, so a primary who never answers cannot hold the call until it times out.
  const backupOpen = backupAllowed && primaries.every((r) => r.missedThisCall);
  const pool = (backupOpen ? rows.filter(ringable) : primaries).sort(rankOrder);
  if (pool.length === 0) return null;

  const chosen = queue.strategy === "ring-all" ? pool : pool.slice(0, 1);
  const inPool = new Set(pool.map((r) => r.agent.id));
  const rest = rows.filter((r) => !inPool.has(r.agent.id)).sort((a, b) => compareIds(a.agent.id, b.agent.id));
  const candidates: Candidate[] = [
    ...pool.map((r, i) => candidate(r, i < chosen.length ? Verdict.CHOSEN : Verdict.RANKED_LOWER, i + 1)),
    ...rest.filter(ringable).map((r) => candidate(r, Verdict.BACKUP_HELD, null)),
    ...rest.filter((r) => !ringable(r)).map((r) => candidate(r, Verdict.NOT_ELIGIBLE, null)),
  ];
  return {
    callId: call.id,
    attempt: call.offers + 1,
    queueId: queue.id,
    at: now,
    strategy: queue.strategy,
    agentIds: chosen.map((r) => r.agent.id),
    usedBackup: chosen.some((r) => r.tier === "backup"),
    candidates,
    waitedSec: Math.max(0, Math.round(waitedMs / 1000)),
  };
}

function rankOrder(a: Row, b: Row): number {
  return (
    Number(a.missedThisCall) - Number(b.missedThisCall) || a.key - b.key || compareIds(a.agent.id, b.agent.id)
  );
}

function candidate(row: Row, verdict: Verdict, rank: number | null): Candidate {
  const { agent } = row;
  return {
    agentId: agent.id,
    tier: row.tier,
    verdict,
    reasons: verdict === Verdict.NOT_ELIGIBLE ? row.reasons : [],
    rank,
    key: row.key,
    missedThisCall: row.missedThisCall,
    manualStatus: agent.manualStatus,
    systemStatus: agent.systemStatus,
    online: onlineSignals(agent),
  };
}
