import type { QueueKpiSettings } from "@callboard/routing";
import { agentsNeeded, erlangAsa, erlangServiceLevel } from "./erlang.ts";
import type { QueueKpis } from "./fold.ts";

/**
 * "Enough data" for the advisor, all from the rolling window: at least MIN_ARRIVALS calls arrived
 * while the queue was open (closed calls are not demand the agents could serve), at least
 * MIN_HANDLED calls handled (the AHT is their mean), over at least MIN_SPAN_SEC of window (a
 * server that just started, or a queue just created, has seen less). Below that: null.
 */
export const MIN_ARRIVALS = 10;
export const MIN_HANDLED = 5;
export const MIN_SPAN_SEC = 60;

export interface Advice {
  /** Agents Erlang C says the window's traffic needs to meet the queue's target. */
  needed: number;
  /** Agents who can ring now (the caller counts them, e.g. summarizeQueue's `eligible`). */
  canRing: number;
  /** needed − canRing, never below 0. */
  shortBy: number;
  /** Offered load A = λ · AHT, Erlangs. */
  loadErlangs: number;
  arrivalsPerHour: number;
  ahtSec: number;
  /** Erlang C's service level (0–1) within serviceLevelSec with `canRing` agents; 0 when canRing ≤ A. */
  predictedServiceLevel: number;
  /** Erlang C's ASA with `canRing` agents, s; null when canRing ≤ A (the queue only grows). */
  predictedAsaSec: number | null;
  /** What the figures rest on: the window's arrivals (open hours), handled calls and span. */
  basis: { arrivals: number; handled: number; spanSec: number };
}

/**
 * Staffing advice from the window's traffic: arrival rate λ = (arrived − closed) ÷ window span,
 * AHT = the window's average handle time, target = serviceLevelTarget % within serviceLevelSec.
 * Rejected calls (queue full) count as demand: more agents would have let them in. Erlang C
 * assumes callers wait and Poisson arrivals — an estimate, not a promise. Null when there is not
 * enough data (see MIN_ARRIVALS).
 */
export function advise(
  kpis: QueueKpis,
  settings: Pick<QueueKpiSettings, "serviceLevelSec" | "serviceLevelTarget">,
  canRingNow: number,
): Advice | null {
  const w = kpis.window;
  const spanSec = (w.to - w.from) / 1000;
  const arrivals = w.arrived - w.closed;
  if (arrivals < MIN_ARRIVALS || w.handled < MIN_HANDLED || spanSec < MIN_SPAN_SEC || w.ahtSec === null) {
    return null;
  }
  const rate = arrivals / spanSec;
  const aht = w.ahtSec;
  if (!(aht > 0)) return null;
  const load = rate * aht;
  const needed = agentsNeeded(rate, aht, settings.serviceLevelTarget / 100, settings.serviceLevelSec);
  const asa = erlangAsa(canRingNow, load, aht);
  return {
    needed,
    canRing: canRingNow,
    shortBy: Math.max(0, needed - canRingNow),
    loadErlangs: load,
    arrivalsPerHour: rate * 3600,
    ahtSec: aht,
    predictedServiceLevel: erlangServiceLevel(canRingNow, load, aht, settings.serviceLevelSec),
    predictedAsaSec: Number.isFinite(asa) ? asa : null,
    basis: { arrivals, handled: w.handled, spanSec },
  };
}
