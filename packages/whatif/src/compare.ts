import type { Decision } from "@callboard/routing";

/** One decision the two runs made differently: the same call's same attempt, or one run's only. */
export interface DecisionDiff {
  callId: string;
  attempt: number;
  at: number;
  real: Decision | null;
  whatIf: Decision | null;
}

export interface DecisionComparison {
  /** Decisions of the queue in the real run. */
  real: number;
  /** Decisions of the queue in the what-if run. */
  whatIf: number;
  /** (call, attempt) pairs decided differently (other agents rung), or decided in one run only. */
  differing: number;
  /** The earliest of them, in time order. */
  first: DecisionDiff[];
}

const keyOf = (d: Decision) => `${d.callId}#${d.attempt}`;
const same = (a: Decision, b: Decision) =>
  a.agentIds.length === b.agentIds.length && a.agentIds.every((id, i) => id === b.agentIds[i]);

/** Pairs the runs' decisions by call and attempt and keeps the first `limit` that differ. */
export function compareDecisions(
  real: readonly Decision[],
  whatIf: readonly Decision[],
  limit: number,
): DecisionComparison {
  const other = new Map(whatIf.map((d) => [keyOf(d), d]));
  const diffs: DecisionDiff[] = [];
  const seen = new Set<string>();
  for (const d of real) {
    const key = keyOf(d);
    seen.add(key);
    const w = other.get(key) ?? null;
    if (w === null || !same(d, w))
      diffs.push({
        callId: d.callId,
        attempt: d.attempt,
        at: Math.min(d.at, w?.at ?? d.at),
        real: d,
        whatIf: w,
      });
  }
  for (const w of whatIf)
    if (!seen.has(keyOf(w)))
      diffs.push({ callId: w.callId, attempt: w.attempt, at: w.at, real: null, whatIf: w });
  diffs.sort(
    (a, b) => a.at - b.at || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : a.attempt - b.attempt),
  );
  return { real: real.length, whatIf: whatIf.length, differing: diffs.length, first: diffs.slice(0, limit) };
}
