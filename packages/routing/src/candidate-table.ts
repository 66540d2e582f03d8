import { type Agent, SystemStatus } from "./agent.ts";
import { type Candidate, type Decision, Verdict } from "./decision.ts";
import { REASON_BIT, reasonsOf } from "./eligibility.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { signalBits, signalsOf } from "./presence.ts";

/**
 * A decision's candidate table, compact: every agent of the queue's groups with its state packed
 * into one integer. A decision is made on the routing path and sent to every board, so it costs a
 * few integers per candidate instead of an object (a 400-agent queue: ~6 KB instead of ~86 KB);
 * candidatesOf() expands it where a person reads it.
 */
export interface CandidateTable {
  /** Agent ids in the queue's fixed order (groups in queue order, members in group order). */
  agentIds: string[];
  /** Per agent (same order), its state at the moment of the decision: see packFacts. */
  facts: number[];
  /** Positions in `agentIds` of the agents that could ring and were ranked, best first (the chosen lead). */
  ranked: number[];
  /** The strategy's ordering key of each ranked agent, in `ranked` order. */
  keys: number[];
}

/**
 * Bits 0–5: the first reasons (REASON_BIT); then presence, statuses, tier, miss; the manual status
 * index (bits 12–15); reasons added later take bits 16 and up, so logged decisions keep their meaning.
 */
const REASONS = Object.values(REASON_BIT).reduce((all, bit) => all | bit, 0);
/** The online signals (signalBits) start here: bits 6–8. */
const SIGNAL_SHIFT = 6;
const FREE = 1 << 9;
const BACKUP = 1 << 10;
/** Set in a decision's copy of the facts for agents who already missed the call. */
export const MISSED_BIT = 1 << 11;
const MANUAL_SHIFT = 12;

/**
 * One agent's state as a decision saw it: the reasons it could not ring (reasonMask), its online
 * signals, system and manual status, its tier in the queue and whether it already missed the call.
 */
export function packFacts(agent: Agent, reasons: number, backup: boolean, missedThisCall: boolean): number {
  return (
    reasons |
    (signalBits(agent.presence) << SIGNAL_SHIFT) |
    (agent.systemStatus === SystemStatus.FREE ? FREE : 0) |
    (backup ? BACKUP : 0) |
    (missedThisCall ? MISSED_BIT : 0) |
    (MANUAL_STATUSES.indexOf(agent.manualStatus) << MANUAL_SHIFT)
  );
}

/** True when the packed agent could ring (no reason against it). */
export function couldRing(facts: number): boolean {
  return (facts & REASONS) === 0;
}

/** True when the packed agent is in one of the queue's backup groups only. */
export function isBackup(facts: number): boolean {
  return (facts & BACKUP) !== 0;
}

/** True when the packed agent already missed the call the decision was for. */
export function missedIt(facts: number): boolean {
  return (facts & MISSED_BIT) !== 0;
}

/**
 * The full candidate table of a decision, as people read it: the ranked pool (chosen first), then
 * backup agents held back, then agents who could not ring — each of the last two in the queue's order.
 */
export function candidatesOf(decision: Decision): Candidate[] {
  const { agentIds, facts, ranked, keys } = decision.table;
  const chosen = decision.agentIds.length;
  const rows = ranked.map((i, r) =>
    row(agentIds[i]!, facts[i]!, r < chosen ? Verdict.CHOSEN : Verdict.RANKED_LOWER, r + 1, keys[r]!),
  );
  const inPool = new Set(ranked);
  const rest = agentIds.flatMap((id, i) => (inPool.has(i) ? [] : [{ id, facts: facts[i]! }]));
  for (const r of rest)
    if (couldRing(r.facts)) rows.push(row(r.id, r.facts, Verdict.BACKUP_HELD, null, null));
  for (const r of rest)
    if (!couldRing(r.facts)) rows.push(row(r.id, r.facts, Verdict.NOT_ELIGIBLE, null, null));
  return rows;
}

/**
 * How many candidates of a decision got each verdict, without expanding the table: what a board's
 * decision feed shows before anyone opens the decision.
 */
export function verdictCounts(decision: Decision): Record<Verdict, number> {
  const { facts, ranked } = decision.table;
  const chosen = Math.min(decision.agentIds.length, ranked.length);
  const counts: Record<Verdict, number> = {
    CHOSEN: chosen,
    RANKED_LOWER: ranked.length - chosen,
    BACKUP_HELD: 0,
    NOT_ELIGIBLE: 0,
  };
  const inPool = new Set(ranked);
  for (let i = 0; i < facts.length; i++) {
    if (inPool.has(i)) continue;
    if (couldRing(facts[i]!)) counts.BACKUP_HELD++;
    else counts.NOT_ELIGIBLE++;
  }
  return counts;
}

function row(
  agentId: string,
  facts: number,
  verdict: Verdict,
  rank: number | null,
  key: number | null,
): Candidate {
  return {
    agentId,
    tier: isBackup(facts) ? "backup" : "primary",
    verdict,
    reasons: verdict === Verdict.NOT_ELIGIBLE ? reasonsOf(facts & REASONS) : [],
    rank,
    key,
    missedThisCall: missedIt(facts),
    manualStatus: MANUAL_STATUSES[(facts >> MANUAL_SHIFT) & 0b1111]!,
    systemStatus: facts & FREE ? SystemStatus.FREE : SystemStatus.ON_CALL,
    online: signalsOf((facts >> SIGNAL_SHIFT) & 0b111),
  };
}
