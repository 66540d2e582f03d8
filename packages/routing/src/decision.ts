import type { Reason } from "./eligibility.ts";

/** How one queue member fared in a routing decision. */
export type CandidateVerdict =
  /** Rang: the best-ranked agent that could ring. */
  | "CHOSEN"
  /** Could ring, but another agent ranked higher. */
  | "RANKED_LOWER"
  /** Could not ring: see reasons. */
  | "NOT_ELIGIBLE";

export interface Candidate {
  agentId: string;
  verdict: CandidateVerdict;
  /** Why the agent could not ring (empty unless NOT_ELIGIBLE). */
  reasons: Reason[];
  /** 1-based position in the strategy's order (eligible agents only). */
  rank: number | null;
  /** The ordering key: longest idle first. */
  idleSince: number;
  /** The agent already missed this call, so it goes after everyone who has not. */
  missedThisCall: boolean;
}

/** A stored answer to "why did this call ring this agent and not another?". */
export interface Decision {
  callId: string;
  /** 1 for a call's first offer, 2 after one offer ended unanswered…; (callId, attempt) is unique. */
  attempt: number;
  queueId: string;
  at: number;
  strategy: "longest-idle";
  agentId: string;
  /** Every member of the queue, in rank order (eligible first). */
  candidates: Candidate[];
  /** Seconds the call had waited when offered. */
  waitedSec: number;
}
