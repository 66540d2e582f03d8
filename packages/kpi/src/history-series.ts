import { FIELDS, type KpiPeriod, kpiPeriod } from "./counters.ts";
import { A, AGENT_FIELDS } from "./history-recorder.ts";
import { localDay } from "./local-day.ts";

/**
 * Reading history: stored 15-minute buckets summed into the periods a chart shows (15 min, hour
 * or local day), each turned into figures by the live tiles' own formulas (counters.ts).
 */
export const GRANULARITIES = ["15min", "hour", "day"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const STEP_MS: Record<Exclude<Granularity, "day">, number> = { "15min": 15 * 60_000, hour: 3_600_000 };

/** A stored bucket: its start and its counters (F's order for queues, A's for agents). */
export interface BucketRow {
  bucket: number;
  values: ArrayLike<number>;
}

/**
 * The periods of [start, end) at `granularity`, [from, to) each. Hours and quarters are counted
 * from each local midnight, so a day of 23 or 25 hours has 23 or 25 hours.
 */
export function historyPeriods(
  start: number,
  end: number,
  granularity: Granularity,
  timeZone: string,
): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let dayStart = start; dayStart < end; ) {
    const day = localDay(dayStart, timeZone);
    const dayEnd = Math.min(day.end, end);
    if (granularity === "day") out.push({ from: dayStart, to: dayEnd });
    else {
      const step = STEP_MS[granularity];
      for (let t = dayStart; t < dayEnd; t += step) out.push({ from: t, to: Math.min(t + step, dayEnd) });
    }
    dayStart = dayEnd;
  }
  return out;
}

/** Sums `rows` (sorted by bucket or not) into `periods` (sorted, adjacent); rows outside are left out. */
export function sumIntoPeriods(
  rows: readonly BucketRow[],
  periods: readonly { from: number; to: number }[],
  width: number,
): Float64Array[] {
  const sums = periods.map(() => new Float64Array(width));
  if (periods.length === 0) return sums;
  const starts = periods.map((p) => p.from);
  const end = periods.at(-1)!.to;
  for (const row of rows) {
    if (row.bucket < starts[0]! || row.bucket >= end) continue;
    // The last period starting at or before the bucket (binary search).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= row.bucket) lo = mid;
      else hi = mid - 1;
    }
    const sum = sums[lo]!;
    for (let f = 0; f < width; f++) sum[f]! += row.values[f]!;
  }
  return sums;
}

/** A queue's figures per period. */
export function queueSeries(
  rows: readonly BucketRow[],
  periods: readonly { from: number; to: number }[],
): KpiPeriod[] {
  return sumIntoPeriods(rows, periods, FIELDS).map((sum, i) =>
    kpiPeriod(sum, periods[i]!.from, periods[i]!.to),
  );
}

/** An agent's counts and state times over a period, seconds. */
export interface AgentPeriod {
  from: number;
  to: number;
  answered: number;
  handled: number;
  talkSec: number;
  handleSec: number;
  canRingSec: number;
  onCallSec: number;
  wrapUpSec: number;
  awaySec: number;
  offlineSec: number;
}

export function agentPeriod(c: ArrayLike<number>, from: number, to: number): AgentPeriod {
  return {
    from,
    to,
    answered: c[A.ANSWERED]!,
    handled: c[A.HANDLED]!,
    talkSec: c[A.TALK_MS]! / 1000,
    handleSec: c[A.HANDLE_MS]! / 1000,
    canRingSec: c[A.CAN_RING_MS]! / 1000,
    onCallSec: c[A.ON_CALL_MS]! / 1000,
    wrapUpSec: c[A.WRAP_UP_MS]! / 1000,
    awaySec: c[A.AWAY_MS]! / 1000,
    offlineSec: c[A.OFFLINE_MS]! / 1000,
  };
}

/** An agent's figures per period. */
export function agentSeries(
  rows: readonly BucketRow[],
  periods: readonly { from: number; to: number }[],
): AgentPeriod[] {
  return sumIntoPeriods(rows, periods, AGENT_FIELDS).map((sum, i) =>
    agentPeriod(sum, periods[i]!.from, periods[i]!.to),
  );
}
