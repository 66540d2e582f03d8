import type { Agent } from "./agent.ts";
import { type Call, CallStatus } from "./call.ts";
import type { Candidate, Decision } from "./decision.ts";
import { explain, isEligible } from "./eligibility.ts";
import { type EngineEvent, OfferEndReason } from "./events.ts";
import type { CenterState } from "./state.ts";

/**
 * The next thing the engine must do at time `now`, or null when the center is settled.
 * The core applies each returned event and asks again, so every decision sees the state the
 * previous one produced. Order: end offers that timed out or whose agent became ineligible, then
 * offer the oldest waiting call (across all queues: the caller who waited longest goes first).
 */
export function nextEngineEvent(state: CenterState, now: number): EngineEvent | null {
  const calls = Object.values(state.calls);
  for (const call of calls) {
    if (call.status !== CallStatus.RINGING || call.agentId === null) continue;
    const agent = state.agents[call.agentId];
    if (call.offerExpiresAt !== null && call.offerExpiresAt <= now) {
      return {
        type: "call.offer_ended",
        callId: call.id,
        agentId: call.agentId,
        reason: OfferEndReason.TIMEOUT,
      };
    }
    if (!agent || !isEligible(agent)) {
      return {
        type: "call.offer_ended",
        callId: call.id,
        agentId: call.agentId,
        reason: OfferEndReason.AGENT_UNAVAILABLE,
      };
    }
  }
  const waiting = calls.filter((c) => c.status === CallStatus.WAITING).sort(byArrival);
  for (const call of waiting) {
    const decision = decide(state, call, now);
    if (decision) {
      const queue = state.queues[call.queueId];
      const timeoutMs = (queue?.answerTimeoutSec ?? 0) * 1000;
      return {
        type: "call.offered",
        callId: call.id,
        agentId: decision.agentId,
        expiresAt: now + timeoutMs,
        decision,
      };
    }
  }
  return null;
}

/** When the engine next has something to do without any new input (an offer timing out), or null. */
export function nextDeadline(state: CenterState): number | null {
  let next: number | null = null;
  for (const call of Object.values(state.calls)) {
    if (call.offerExpiresAt !== null && (next === null || call.offerExpiresAt < next)) {
      next = call.offerExpiresAt;
    }
  }
  return next;
}

function byArrival(a: Call, b: Call): number {
  return a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Longest-idle: among the queue's members that can ring, those that have not missed this call come
 * first, then the one idle longest (earliest idleSince), then the lower id so ties are deterministic.
 * Returns null when nobody can ring; otherwise the full candidate table.
 */
export function decide(state: CenterState, call: Call, now: number): Decision | null {
  const queue = state.queues[call.queueId];
  if (!queue) return null;
  const members = queue.members.map((id) => state.agents[id]).filter((a): a is Agent => a !== undefined);
  const rows = members.map((agent) => ({
    agent,
    reasons: explain(agent),
    missedThisCall: call.missedBy.includes(agent.id),
  }));
  const ringable = rows.filter((r) => r.reasons.length === 0).sort(rankOrder);
  const best = ringable[0];
  if (!best) return null;
  const blocked = rows.filter((r) => r.reasons.length > 0).sort((a, b) => compareIds(a.agent.id, b.agent.id));
  const candidates: Candidate[] = [
    ...ringable.map((r, i) => candidate(r, i === 0 ? "CHOSEN" : "RANKED_LOWER", i + 1)),
    ...blocked.map((r) => candidate(r, "NOT_ELIGIBLE", null)),
  ];
  return {
    callId: call.id,
    attempt: call.offers + 1,
    queueId: queue.id,
    at: now,
    strategy: "longest-idle",
    agentId: best.agent.id,
    candidates,
    waitedSec: Math.max(0, Math.round((now - call.arrivedAt) / 1000)),
  };
}

interface Row {
  agent: Agent;
  reasons: Candidate["reasons"];
  missedThisCall: boolean;
}

function rankOrder(a: Row, b: Row): number {
  return (
    Number(a.missedThisCall) - Number(b.missedThisCall) ||
    a.agent.idleSince - b.agent.idleSince ||
    compareIds(a.agent.id, b.agent.id)
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function candidate(row: Row, verdict: Candidate["verdict"], rank: number | null): Candidate {
  return {
    agentId: row.agent.id,
    verdict,
    reasons: row.reasons,
    rank,
    idleSince: row.agent.idleSince,
    missedThisCall: row.missedThisCall,
  };
}
