/** "Queue 7" before "Queue 10", case and accents aside: how people number their queues. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b);

/** What the compact view sorts a queue by. */
export interface QueueFacts {
  id: string;
  name: string;
  waiting: number;
  /** Members who could ring now. */
  eligible: number;
  longestWaitMs: number;
  /** The queue's amber mark for the longest wait, seconds. */
  longestWaitAmberSec: number;
  /** Service level (today or the window) under the queue's target, per the server's levels. */
  serviceLevelBelowTarget: boolean;
}

/** How bad it is, worst first: 0 callers waiting and nobody can ring, 1 under target, 2 a long wait, 3 fine. */
export function troubleOf(q: QueueFacts): 0 | 1 | 2 | 3 {
  if (q.waiting > 0 && q.eligible === 0) return 0;
  if (q.serviceLevelBelowTarget) return 1;
  if (q.longestWaitMs > 0 && q.longestWaitMs >= q.longestWaitAmberSec * 1000) return 2;
  return 3;
}

/**
 * Trouble first (nobody able to ring for waiting callers, then service level under target, then
 * long waits; within each the longest wait first), the rest in natural name order.
 */
export function troubleFirst<T extends QueueFacts>(queues: readonly T[]): T[] {
  const rank = new Map(queues.map((q) => [q, troubleOf(q)]));
  return [...queues].sort((a, b) => {
    const ra = rank.get(a)!;
    const rb = rank.get(b)!;
    if (ra !== rb) return ra - rb;
    if (ra < 3 && a.longestWaitMs !== b.longestWaitMs) return b.longestWaitMs - a.longestWaitMs;
    return naturalCompare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
