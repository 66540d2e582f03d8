/**
 * The KPI counters and the formulas that turn them into figures — one module, used by the live
 * tiles (fold.ts: today and the rolling window) and by history (15-minute buckets summed over any
 * period), so both say the same thing about the same calls. Sums of milliseconds end in _MS.
 */
export const F = {
  ARRIVED: 0,
  OFFERED: 1,
  ANSWERED: 2,
  ANSWERED_IN_SL: 3,
  ANSWERED_UNKNOWN_WAIT: 4,
  ABANDONED: 5,
  SHORT_ABANDONED: 6,
  TIMED_OUT: 7,
  REJECTED: 8,
  CLOSED: 9,
  WAIT_MS: 10,
  HANDLED: 11,
  HANDLE_MS: 12,
  BUSY_MS: 13,
  STAFFED_MS: 14,
  TALK_MS: 15,
} as const;
export const FIELDS = 16;

/** The counters' names in F's order (storage columns follow them). */
export const COUNTER_NAMES = [
  "arrived",
  "offered",
  "answered",
  "answeredInSl",
  "answeredUnknownWait",
  "abandoned",
  "shortAbandoned",
  "timedOut",
  "rejected",
  "closed",
  "waitMs",
  "handled",
  "handleMs",
  "busyMs",
  "staffedMs",
  "talkMs",
] as const satisfies readonly string[] & { length: typeof FIELDS };

export type CounterName = (typeof COUNTER_NAMES)[number];

/** One period's figures: counts, sums (seconds) and the ratios of fold.ts's module comment (0–1, or null). */
export interface KpiPeriod {
  /** Where the period starts (ms): local midnight, or the window's first minute (or when the fold first saw the queue, if later). */
  from: number;
  /** The read's `now` (ms), or the period's end. */
  to: number;
  arrived: number;
  offered: number;
  answered: number;
  answeredInServiceLevel: number;
  /** Answered per the telephony at the end, with no answer seen (no wait known): out of SL and ASA. */
  answeredUnknownWait: number;
  /** Abandoned after waiting shortAbandonSec or more. */
  abandoned: number;
  shortAbandoned: number;
  timedOut: number;
  rejected: number;
  closed: number;
  handled: number;
  /** Total wait of answered calls (with a known wait), s. */
  waitSec: number;
  /** Total talk of handled calls, s. */
  talkSec: number;
  /** Total talk + wrap-up of handled calls, s. */
  handleSec: number;
  /** The queue's agents' time on calls and in after-call work, s. */
  busySec: number;
  /** The queue's agents' time online and Available (or busy), s. */
  staffedSec: number;
  serviceLevel: number | null;
  abandonRate: number | null;
  asaSec: number | null;
  ahtSec: number | null;
  occupancy: number | null;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * Service level's parts: answered within T ÷ (offered − short abandoned − answered with an
 * unknown wait). Both are sums of counters, so they add up across buckets.
 */
export function serviceLevelParts(c: ArrayLike<number>): { numerator: number; denominator: number } {
  return {
    numerator: c[F.ANSWERED_IN_SL]!,
    denominator: c[F.OFFERED]! - c[F.SHORT_ABANDONED]! - c[F.ANSWERED_UNKNOWN_WAIT]!,
  };
}

/** The figures of a period whose counters are `c` (in F's order). */
export function kpiPeriod(c: ArrayLike<number>, from: number, to: number): KpiPeriod {
  const v = (f: number) => c[f]!;
  const offered = v(F.OFFERED);
  const timed = v(F.ANSWERED) - v(F.ANSWERED_UNKNOWN_WAIT);
  const sl = serviceLevelParts(c);
  return {
    from,
    to,
    arrived: v(F.ARRIVED),
    offered,
    answered: v(F.ANSWERED),
    answeredInServiceLevel: v(F.ANSWERED_IN_SL),
    answeredUnknownWait: v(F.ANSWERED_UNKNOWN_WAIT),
    abandoned: v(F.ABANDONED),
    shortAbandoned: v(F.SHORT_ABANDONED),
    timedOut: v(F.TIMED_OUT),
    rejected: v(F.REJECTED),
    closed: v(F.CLOSED),
    handled: v(F.HANDLED),
    waitSec: v(F.WAIT_MS) / 1000,
    talkSec: v(F.TALK_MS) / 1000,
    handleSec: v(F.HANDLE_MS) / 1000,
    busySec: v(F.BUSY_MS) / 1000,
    staffedSec: v(F.STAFFED_MS) / 1000,
    serviceLevel: ratio(sl.numerator, sl.denominator),
    abandonRate: ratio(v(F.ABANDONED), offered - v(F.SHORT_ABANDONED)),
    asaSec: timed > 0 ? v(F.WAIT_MS) / timed / 1000 : null,
    ahtSec: v(F.HANDLED) > 0 ? v(F.HANDLE_MS) / v(F.HANDLED) / 1000 : null,
    occupancy: ratio(v(F.BUSY_MS), v(F.STAFFED_MS)),
  };
}
