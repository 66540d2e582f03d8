import type { candidatesOf, Reason, Verdict } from "@callboard/routing";

/** One row of a decision's candidate table. */
export type Candidate = ReturnType<typeof candidatesOf>[number];

/** A decision's candidate table opens with this many rows; "show more" adds as many again. */
export const CANDIDATE_PAGE = 100;

export interface RestGroup {
  verdict: Verdict;
  /** The reasons they could not ring (NOT_ELIGIBLE only; the same set for the whole group). */
  reasons: Reason[];
  count: number;
}

/**
 * The first `shown` candidates (ranked first, as candidatesOf orders them) and the rest summarized
 * by verdict and reasons, largest group first — so a decision over 10,000 agents renders a few
 * hundred rows at most and still says why everyone else did not ring.
 */
export function splitCandidates(
  candidates: readonly Candidate[],
  shown: number,
): { rows: Candidate[]; rest: RestGroup[] } {
  const rows = candidates.slice(0, shown);
  const groups = new Map<string, RestGroup>();
  for (let i = rows.length; i < candidates.length; i++) {
    const c = candidates[i]!;
    const key = `${c.verdict}|${c.reasons.join(",")}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { verdict: c.verdict, reasons: c.reasons, count: 1 });
  }
  return { rows, rest: [...groups.values()].sort((a, b) => b.count - a.count) };
}
