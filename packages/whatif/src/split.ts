/**
 * The index of the first event at or after `at` in a log (whose times never go back: a timer is
 * stamped with its deadline, never before the clock). Events before it make the start state; a
 * period runs from it.
 */
export function splitAt(log: readonly { at: number }[], at: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
