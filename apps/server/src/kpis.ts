import {
  emptyKpiState,
  foldKpi,
  type HistoryRecorder,
  type KpiState,
  type QueueKpis,
  queueKpis,
} from "@callboard/kpi";
import type { CenterState, LoggedEvent } from "@callboard/routing";

/**
 * The queues' KPIs, kept live beside the core: rebuilt at boot from the core's own replay of the
 * log (one pass: `onReplayed`), then folded on every appended batch. The fold reads settings and
 * memberships from the events themselves, so folding a batch after the core applied all of it
 * gives what the replay gives — a restart shows the same figures. Given a recorder, the same fold
 * records history's 15-minute buckets (history.ts writes them).
 */
export class LiveKpis {
  readonly state: KpiState;

  constructor(history: HistoryRecorder | null = null) {
    this.state = emptyKpiState(history);
  }

  /** For Core's `onReplayed`: one event of the boot replay. */
  readonly replayed = (event: LoggedEvent, center: CenterState): void => {
    foldKpi(this.state, event, center);
  };

  /** For Core's `onAppended`: a committed batch, with the core's state after it. */
  appended(events: readonly LoggedEvent[], center: CenterState): void {
    for (const event of events) foldKpi(this.state, event, center);
  }

  /** The queue's figures at `now` (today and the rolling window); null for an unknown queue. */
  kpis(queueId: string, now: number): QueueKpis | null {
    return queueKpis(this.state, queueId, now);
  }
}
