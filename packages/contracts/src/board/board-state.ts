import type { AgentDay } from "@callboard/kpi";
import {
  type CenterRecords,
  type Decision,
  type Strategy,
  type Verdict,
  verdictCounts,
} from "@callboard/routing";

/**
 * A routing decision as the board's feed shows it: who rang, and how many candidates got each
 * verdict. The full candidate table stays in the log and is fetched when someone opens the decision
 * (`decisions.byCall`), so no board pays for tables it does not open.
 */
export interface DecisionSummary {
  callId: string;
  attempt: number;
  queueId: string;
  at: number;
  strategy: Strategy;
  /** The agents offered the call (one, or every agent that could ring for ring-all). */
  agentIds: string[];
  usedBackup: boolean;
  waitedSec: number;
  /** Agents of the queue's groups the decision looked at. */
  candidates: number;
  /** Candidates by verdict: CHOSEN, RANKED_LOWER (could ring), BACKUP_HELD, NOT_ELIGIBLE. */
  verdicts: Record<Verdict, number>;
}

/** The center as a board holds it: every record it shows, and the latest decisions as summaries. */
export type BoardState = CenterRecords & {
  /** Each agent's figures today, as the server's agent-day fold has them (kpi's agentToday reads them at `now`). */
  agentsToday: Record<string, AgentDay>;
  /** Newest first, at most RECENT_DECISIONS (as the engine keeps them). */
  decisions: DecisionSummary[];
};

/** A decision's summary, computed once on the server (one pass over its packed candidate table). */
export function summarizeDecision(decision: Decision): DecisionSummary {
  return {
    callId: decision.callId,
    attempt: decision.attempt,
    queueId: decision.queueId,
    at: decision.at,
    strategy: decision.strategy,
    agentIds: decision.agentIds,
    usedBackup: decision.usedBackup,
    waitedSec: decision.waitedSec,
    candidates: decision.table.agentIds.length,
    verdicts: verdictCounts(decision),
  };
}

/** The key of a decision in the feed: a call's attempts are decided once each. */
export const decisionKey = (d: { callId: string; attempt: number }): string => `${d.callId}#${d.attempt}`;
