import { CallStatus } from "./call.ts";
import { canRing } from "./eligibility.ts";
import { type CenterState, own } from "./state.ts";

/** What a supervisor needs to know about one queue at a glance. */
export interface QueueSummary {
  queueId: string;
  waiting: number;
  ringing: number;
  talking: number;
  /** How long the oldest waiting or ringing caller has been in the queue, ms; 0 when none. */
  longestWaitMs: number;
  /** Members a call could ring right now. */
  eligible: number;
  members: number;
}

/** Counts a queue's calls and ringable members at `now`; the same numbers for board, wallboard and metrics. */
export function summarizeQueue(state: CenterState, queueId: string, now: number): QueueSummary {
  const queue = own(state.queues, queueId);
  const summary: QueueSummary = {
    queueId,
    waiting: 0,
    ringing: 0,
    talking: 0,
    longestWaitMs: 0,
    eligible: 0,
    members: queue?.members.length ?? 0,
  };
  for (const call of Object.values(state.calls)) {
    if (call.queueId !== queueId) continue;
    if (call.status === CallStatus.TALKING) {
      summary.talking++;
      continue;
    }
    if (call.status === CallStatus.WAITING) summary.waiting++;
    else summary.ringing++;
    summary.longestWaitMs = Math.max(summary.longestWaitMs, now - call.arrivedAt);
  }
  for (const id of queue?.members ?? []) {
    const agent = own(state.agents, id);
    if (agent && canRing(agent)) summary.eligible++;
  }
  return summary;
}
