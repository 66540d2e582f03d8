import type { QueueKpiView } from "@callboard/kpi";

/** One queue's KPIs as the heartbeat carries them (gzipped, rounded for the wire: kpiViewOnWire). */
export type { QueueKpiView };

/**
 * The heartbeat's KPIs by queue id, reusing `previous`'s object for every queue whose figures are
 * equal (and `previous` itself when no queue changed and none came or went), so a queue card that
 * selects its KPIs re-renders only when they change. A heartbeat comes once a second; comparing a
 * few dozen numbers per queue is cheaper than re-rendering its card.
 */
export function shareKpis(
  previous: Readonly<Record<string, QueueKpiView>>,
  views: readonly QueueKpiView[],
): Readonly<Record<string, QueueKpiView>> {
  const next: Record<string, QueueKpiView> = {};
  let changed = Object.keys(previous).length !== views.length;
  for (const view of views) {
    const before = Object.hasOwn(previous, view.queueId) ? previous[view.queueId] : undefined;
    if (before !== undefined && jsonEqual(before, view)) next[view.queueId] = before;
    else {
      next[view.queueId] = view;
      changed = true;
    }
  }
  return changed ? next : previous;
}

/**
 * A partial heartbeat's KPIs (only the queues that changed) merged into `previous`: the same object
 * when none differs, otherwise a copy with the changed queues' views replaced.
 */
export function mergeKpis(
  previous: Readonly<Record<string, QueueKpiView>>,
  changed: readonly QueueKpiView[],
): Readonly<Record<string, QueueKpiView>> {
  let next: Record<string, QueueKpiView> | null = null;
  for (const view of changed) {
    const before = Object.hasOwn(previous, view.queueId) ? previous[view.queueId] : undefined;
    if (before !== undefined && jsonEqual(before, view)) continue;
    next ??= { ...previous };
    next[view.queueId] = view;
  }
  return next ?? previous;
}

/** Deep equality of plain JSON values (numbers, strings, booleans, null, arrays, plain objects). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    if (!Object.hasOwn(b, key)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
