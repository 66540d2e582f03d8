import {
  type AgentDaySnapshot,
  agentDaySnapshot,
  emptyAgentDayState,
  emptyKpiState,
  foldAgentDay,
  foldKpi,
  type KpiState,
  type QueueKpis,
  queueKpis,
} from "@callboard/kpi";
import type { CenterState, LoggedEvent } from "@callboard/routing";

/**
 * The queues' KPIs and each agent's figures today, kept live beside the core: rebuilt at boot from
 * the core's own replay of the log (one pass: `onReplayed`), then folded on every appended batch.
 * The folds read settings and memberships from the events themselves, so folding a batch after the
 * core applied all of it gives what the replay gives — a restart shows the same figures.
 */
export class LiveKpis {
  private readonly state: KpiState = emptyKpiState();
  /** The center's day (Asia/Ho_Chi_Minh): agents take calls from queues in any zone. */
  private readonly agentDays = emptyAgentDayState();

  /** For Core's `onReplayed`: one event of the boot replay. */
  readonly replayed = (event: LoggedEvent, center: CenterState): void => {
    foldKpi(this.state, event, center);
    foldAgentDay(this.agentDays, event, center);
  };

  /** For Core's `onAppended`: a committed batch, with the core's state after it. */
  appended(events: readonly LoggedEvent[], center: CenterState): void {
    for (const event of events) {
      foldKpi(this.state, event, center);
      foldAgentDay(this.agentDays, event, center);
    }
  }

  /** The queue's figures at `now` (today and the rolling window); null for an unknown queue. */
  kpis(queueId: string, now: number): QueueKpis | null {
    return queueKpis(this.state, queueId, now);
  }

  /** Every agent's figures today at `now`, for a board's snapshot (taken at the same seq as the state). */
  agentsToday(now: number): AgentDaySnapshot {
    return agentDaySnapshot(this.agentDays, now);
  }
}
