import type { QueueConfig, QueueSummary } from "@callboard/routing";
import { advise } from "./advise.ts";
import type { KpiPeriod } from "./counters.ts";
import type { QueueKpis } from "./fold.ts";

/** A period's figures as screens show them (ratios 0–1, seconds), null where nothing counts yet. */
export interface KpiPeriodView {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  timedOut: number;
  serviceLevel: number | null;
  asaSec: number | null;
  abandonRate: number | null;
  ahtSec: number | null;
  occupancy: number | null;
}

/** How a figure stands against the queue's thresholds; said in words too, never by colour alone. */
export type Level = "ok" | "warn" | "alarm" | "none";

export interface QueueKpiView {
  queueId: string;
  today: KpiPeriodView;
  window: KpiPeriodView;
  windowMin: number;
  /** Staffing advice from the window's traffic (Erlang C); null until the window has enough data. */
  advice: { needed: number; canRing: number; shortBy: number; predictedServiceLevel: number } | null;
  target: {
    serviceLevelSec: number;
    serviceLevelTarget: number;
    longestWaitAmberSec: number;
    longestWaitRedSec: number;
  };
  levels: { serviceLevelToday: Level; serviceLevelWindow: Level; longestWait: Level; staffing: Level };
}

function period(p: KpiPeriod): KpiPeriodView {
  return {
    offered: p.offered,
    answered: p.answered,
    abandoned: p.abandoned,
    shortAbandoned: p.shortAbandoned,
    timedOut: p.timedOut,
    serviceLevel: p.serviceLevel,
    asaSec: p.asaSec,
    abandonRate: p.abandonRate,
    ahtSec: p.ahtSec,
    occupancy: p.occupancy,
  };
}

/** Under the target is an alarm: the queue is failing the promise it was set. */
export function serviceLevelLevel(serviceLevel: number | null, targetPercent: number): Level {
  if (serviceLevel === null) return "none";
  return serviceLevel * 100 >= targetPercent ? "ok" : "alarm";
}

/** The longest wait against the queue's amber and red marks (seconds). */
export function longestWaitLevel(longestWaitMs: number, amberSec: number, redSec: number): Level {
  if (longestWaitMs >= redSec * 1000) return "alarm";
  if (longestWaitMs >= amberSec * 1000) return "warn";
  return "ok";
}

/**
 * One queue's KPIs for a screen: the fold's figures, the advisor beside who can ring now, and each
 * figure's level against the queue's thresholds — computed once, on the server, for every screen.
 */
export function queueKpiView(kpis: QueueKpis, queue: QueueConfig, summary: QueueSummary): QueueKpiView {
  const advice = advise(kpis, queue, summary.eligible);
  const target = {
    serviceLevelSec: queue.serviceLevelSec,
    serviceLevelTarget: queue.serviceLevelTarget,
    longestWaitAmberSec: queue.longestWaitAmberSec,
    longestWaitRedSec: queue.longestWaitRedSec,
  };
  return {
    queueId: kpis.queueId,
    today: period(kpis.today),
    window: period(kpis.window),
    windowMin: kpis.windowMin,
    advice: advice && {
      needed: advice.needed,
      canRing: advice.canRing,
      shortBy: advice.shortBy,
      predictedServiceLevel: advice.predictedServiceLevel,
    },
    target,
    levels: {
      serviceLevelToday: serviceLevelLevel(kpis.today.serviceLevel, queue.serviceLevelTarget),
      serviceLevelWindow: serviceLevelLevel(kpis.window.serviceLevel, queue.serviceLevelTarget),
      longestWait: longestWaitLevel(
        summary.longestWaitMs,
        queue.longestWaitAmberSec,
        queue.longestWaitRedSec,
      ),
      staffing: advice === null ? "none" : advice.shortBy > 0 ? "warn" : "ok",
    },
  };
}
