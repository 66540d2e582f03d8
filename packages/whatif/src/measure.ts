import {
  createHistoryRecorder,
  drainHistory,
  emptyKpiState,
  FIELDS,
  foldKpi,
  type HistoryDelta,
  type KpiPeriod,
  type KpiState,
  kpiPeriod,
  openHistory,
} from "@callboard/kpi";
import type { CenterState, Decision, LoggedEvent } from "@callboard/routing";

/** Waiting calls are sampled once a minute. */
export const SAMPLE_MS = 60_000;

/** One run's figures for the queue over the period — the live tiles' formulas (packages/kpi). */
export interface RunFigures {
  kpi: KpiPeriod;
  /** Calls of the queue answered, per agent who answered any; null when none was. */
  callsPerAgent: number | null;
  /** Calls of the queue each agent answered, most first. */
  answeredBy: { agentId: string; calls: number }[];
  /** Calls waiting or ringing in the queue at each minute from the period's start. */
  waiting: number[];
}

/** An offer the run made for the queue's calls, with its decision record. */
export type Offer = Decision;

/**
 * Watches one run: folds every event it applies into a KPI fold of its own (recording the
 * 15-minute history buckets, so the period's counters are summed the way history sums them),
 * counts answers per agent, samples the queue's waiting calls each minute and keeps the queue's
 * decisions for the comparison.
 */
export class RunMeter {
  private readonly kpi: KpiState;
  private readonly answered = new Map<string, number>();
  private readonly waiting: number[] = [];
  private nextSample: number;
  readonly offers: Offer[] = [];

  constructor(
    start: CenterState,
    private readonly queueId: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.kpi = emptyKpiState(createHistoryRecorder(start.seq));
    this.kpi.seq = start.seq;
    this.nextSample = from;
  }

  /** Samples the minutes up to `at` (exclusive) on `state` as it stands before the step at `at`. */
  sampleUntil(state: CenterState, at: number): void {
    const end = Math.min(at, this.to);
    if (this.nextSample >= end) return;
    let count = 0;
    for (const id in state.calls) {
      const call = state.calls[id]!;
      if (call.queueId === this.queueId && call.status !== "talking") count++;
    }
    while (this.nextSample < end) {
      this.waiting.push(count);
      this.nextSample += SAMPLE_MS;
    }
  }

  observe(event: LoggedEvent, state: CenterState): void {
    foldKpi(this.kpi, event, state);
    if (event.type === "call.offered") {
      if (event.decision.queueId === this.queueId) this.offers.push(event.decision);
    } else if (event.type === "call.answered") {
      if (state.calls[event.callId]?.queueId === this.queueId)
        this.answered.set(event.agentId, (this.answered.get(event.agentId) ?? 0) + 1);
    }
  }

  finish(state: CenterState): RunFigures {
    this.sampleUntil(state, this.to);
    const counters = new Float64Array(FIELDS);
    const addQueue = (delta: HistoryDelta) => {
      for (const row of delta.queues) {
        if (row.id !== this.queueId) continue;
        for (let f = 0; f < FIELDS; f++) counters[f]! += row.values[f]!;
      }
    };
    addQueue(drainHistory(this.kpi.history!));
    addQueue(openHistory(this.kpi, this.to, { from: this.from, queueId: this.queueId }));
    const answeredBy = [...this.answered]
      .map(([agentId, calls]) => ({ agentId, calls }))
      .sort((a, b) => b.calls - a.calls || (a.agentId < b.agentId ? -1 : 1));
    const total = answeredBy.reduce((sum, a) => sum + a.calls, 0);
    return {
      kpi: kpiPeriod(counters, this.from, this.to),
      callsPerAgent: answeredBy.length > 0 ? total / answeredBy.length : null,
      answeredBy,
      waiting: this.waiting,
    };
  }
}
