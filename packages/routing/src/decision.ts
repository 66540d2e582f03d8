import type { SystemStatus } from "./agent.ts";
import type { CandidateTable } from "./candidate-table.ts";
import type { Reason } from "./eligibility.ts";
import type { ManualStatus } from "./manual-status.ts";
import type { PresenceSignal } from "./presence.ts";
import type { Strategy } from "./queue.ts";

/** How one agent of the queue's groups fared in a routing decision. */
export const Verdict = {
  /** Rang (several for ring-all). */
  CHOSEN: "CHOSEN",
  /** Could ring, but the strategy ranked others first. */
  RANKED_LOWER: "RANKED_LOWER",
  /** Could not ring: see reasons. */
  NOT_ELIGIBLE: "NOT_ELIGIBLE",
  /** In a backup group, held back: a primary agent could ring, or the call has not waited long enough. */
  BACKUP_HELD: "BACKUP_HELD",
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

export interface Candidate {
  agentId: string;
  /** Primary if the agent is in any primary group of the queue. */
  tier: "primary" | "backup";
  verdict: Verdict;
  /** Why the agent could not ring (NOT_ELIGIBLE only). */
  reasons: Reason[];
  /** 1-based position in the strategy's order among agents that could ring; null otherwise. */
  rank: number | null;
  /** The strategy's ordering key (lower rings first; see STRATEGY_KEY) for agents in the ranked pool; null otherwise. */
  key: number | null;
  /** The agent already missed this call, so it goes after everyone who has not. */
  missedThisCall: boolean;
  /** The agent's state at the moment of the decision. */
  manualStatus: ManualStatus;
  systemStatus: SystemStatus;
  online: PresenceSignal[];
}

/** A stored answer to "why did this call ring Lan and not Minh?". */
export interface Decision {
  callId: string;
  /** 1 for a call's first offer, 2 after one offer ended unanswered…; (callId, attempt) is unique. */
  attempt: number;
  queueId: string;
  at: number;
  strategy: Strategy;
  /** The agents offered the call: one, or every agent that could ring for ring-all. */
  agentIds: string[];
  /** A backup agent was offered the call (no primary agent could ring, or all that could had missed it). */
  usedBackup: boolean;
  /** Every agent of the queue's groups and its state at the moment; expand it with candidatesOf(). */
  table: CandidateTable;
  /** Seconds the call had waited when offered. */
  waitedSec: number;
}
