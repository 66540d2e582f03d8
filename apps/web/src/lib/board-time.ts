/**
 * The time the board computes its ticking figures at (waits, time in state, countdowns): the
 * server's clock while live; while the data is stale, the time it is as of — never later — so no
 * figure runs on past what the board knows.
 *
 * @example
 * const { now, frozen } = boardNow(Date.now() + offset, staleSince(view.connection));
 */
export function boardNow(clock: number, staleSince: number | null): { now: number; frozen: boolean } {
  if (staleSince === null) return { now: clock, frozen: false };
  return { now: Math.min(clock, staleSince), frozen: true };
}
