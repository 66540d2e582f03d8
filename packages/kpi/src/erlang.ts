/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential handle times, c agents, callers wait
 * and never hang up). With offered load A = λ · AHT (Erlangs) and c > A agents:
 *
 *   Erlang B by recurrence, no factorials:  B(0) = 1,  B(n) = A·B(n−1) / (n + A·B(n−1))
 *   P(wait) = C(c, A) = c·B(c) / (c − A·(1 − B(c)))
 *   ASA     = C · AHT / (c − A)
 *   SL(t)   = P(answered within t) = 1 − C · e^(−(c − A)·t / AHT)
 *
 * Each step of the recurrence keeps B in [0, 1], so it stays finite and accurate for thousands of
 * agents (the factorial form overflows past 170). With c ≤ A the queue grows without bound:
 * P(wait) = 1, ASA = ∞, SL = 0.
 */

/** Erlang B (blocking probability) for `agents` servers and `load` Erlangs. */
export function erlangB(agents: number, load: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (load * b) / (n + load * b);
  return b;
}

/** C from B for the same c and A (the conversion used by erlangC and agentsNeeded's walk). */
function cFromB(agents: number, load: number, b: number): number {
  if (agents <= load) return 1;
  return (agents * b) / (agents - load * (1 - b));
}

/** Probability that a caller waits at all (Erlang C). 1 when agents ≤ load. */
export function erlangC(agents: number, load: number): number {
  if (load <= 0) return 0;
  if (agents <= load) return 1;
  return cFromB(agents, load, erlangB(agents, load));
}

/** Average speed of answer, seconds, of an M/M/c queue; Infinity when agents ≤ load. */
export function erlangAsa(agents: number, load: number, ahtSec: number): number {
  if (load <= 0) return 0;
  if (agents <= load) return Number.POSITIVE_INFINITY;
  return (erlangC(agents, load) * ahtSec) / (agents - load);
}

/** Service level: the share of callers answered within `targetSec`, 0–1; 0 when agents ≤ load. */
export function erlangServiceLevel(agents: number, load: number, ahtSec: number, targetSec: number): number {
  if (load <= 0) return 1;
  if (agents <= load) return 0;
  return slFromC(erlangC(agents, load), agents, load, ahtSec, targetSec);
}

function slFromC(c: number, agents: number, load: number, ahtSec: number, targetSec: number): number {
  return Math.max(0, 1 - c * Math.exp((-(agents - load) * targetSec) / ahtSec));
}

/** Beyond this many agents above the load, agentsNeeded gives up (a target of 100 % answered at 0 s). */
const SEARCH_LIMIT = 1_000_000;

/**
 * The fewest agents (c > A) whose Erlang C service level within `targetSec` reaches `targetSL`
 * (0–1, e.g. 0.8). One pass of the Erlang B recurrence, checking each c above the load as it goes:
 * O(c), stable at any size. 0 when nothing arrives.
 * @example agentsNeeded(200 / 3600, 180, 0.8, 20) // 13 (10 Erlangs)
 */
export function agentsNeeded(
  arrivalRatePerSec: number,
  ahtSec: number,
  targetSL: number,
  targetSec: number,
): number {
  if (!(arrivalRatePerSec >= 0) || !(ahtSec > 0) || !(targetSec >= 0) || !(targetSL > 0 && targetSL <= 1)) {
    throw new RangeError(
      `agentsNeeded needs a rate ≥ 0, AHT > 0, target time ≥ 0 and a target in (0, 1] (got ${arrivalRatePerSec}, ${ahtSec}, ${targetSec}, ${targetSL})`,
    );
  }
  const load = arrivalRatePerSec * ahtSec;
  if (load === 0) return 0;
  let b = 1;
  for (let n = 1; n <= load + SEARCH_LIMIT; n++) {
    b = (load * b) / (n + load * b);
    if (n > load && slFromC(cFromB(n, load, b), n, load, ahtSec, targetSec) >= targetSL) return n;
  }
  throw new RangeError(`no staffing within ${SEARCH_LIMIT} agents of the load reaches ${targetSL}`);
}
