import { type CallOutcome, CallStatus } from "./call.ts";
import { canRing } from "./eligibility.ts";
import { queueRoster } from "./roster.ts";
import { type CenterRecords, emptyOutcomes, own } from "./state.ts";

/** What a supervisor needs to know about one queue at a glance. */
export interface QueueSummary {
  queueId: string;
  waiting: number;
  ringing: number;
  talking: number;
  /** How long the oldest waiting or ringing caller has been in the queue, ms; 0 when none. */
  longestWaitMs: number;
  /** Agents of the queue's groups a call could ring right now. */
  eligible: number;
  /** Agents of the queue's groups (primary and backup), each once. */
  members: number;
  /** Members in after-call work, soonest free first. */
  wrapUp: { agentId: string; until: number }[];
  outcomes: Record<CallOutcome, number>;
}

/** Counts a queue's calls and ringable members at `now`; the same numbers for board, wallboard and metrics. */
export function summarizeQueue(state: CenterRecords, queueId: string, now: number): QueueSummary {
  return summarizeQueues(state, [queueId], now).get(queueId)!;
}

/**
 * summarizeQueue for many queues in one pass over the calls: a heartbeat or a wallboard summarizes
 * every queue it shows, and a center of 10,000 agents has thousands of calls in flight — one scan
 * of them per queue (50 queues) made the heartbeat the core's busiest work.
 */
export function summarizeQueues(
  state: CenterRecords,
  queueIds: readonly string[],
  now: number,
): Map<string, QueueSummary> {
  const summaries = new Map<string, QueueSummary>();
  for (const queueId of queueIds) {
    if (summaries.has(queueId)) continue;
    const queue = own(state.queues, queueId);
    const roster = queue ? queueRoster(state, queue) : [];
    const summary: QueueSummary = {
      queueId,
      waiting: 0,
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      eligible: 0,
      members: roster.length,
      wrapUp: [],
      outcomes: own(state.queueRuntime, queueId)?.outcomes ?? emptyOutcomes(),
    };
    for (const { agent } of roster) {
      if (canRing(agent)) summary.eligible++;
      if (agent.wrapUpUntil !== null) summary.wrapUp.push({ agentId: agent.id, until: agent.wrapUpUntil });
    }
    summary.wrapUp.sort((a, b) => a.until - b.until);
    summaries.set(queueId, summary);
  }
  for (const call of Object.values(state.calls)) {
    const summary = call.admitted ? summaries.get(call.queueId) : undefined;
    if (!summary) continue;
    if (call.status === CallStatus.TALKING) {
      summary.talking++;
      continue;
    }
    if (call.status === CallStatus.WAITING) summary.waiting++;
    else summary.ringing++;
    summary.longestWaitMs = Math.max(summary.longestWaitMs, now - call.arrivedAt);
  }
  return summaries;
}
