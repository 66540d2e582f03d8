import {
  type AgentDayFigures,
  type AgentDaySnapshot,
  type AgentDayState,
  agentDayFigures,
  agentDaySnapshot,
  emptyAgentDayState,
  emptyKpiState,
  emptyStatusDayState,
  foldAgentDay,
  foldKpi,
  foldStatusDay,
  type HistoryRecorder,
  type KpiState,
  type QueueKpis,
  queueKpis,
  recordHistory,
  type StatusDayState,
} from "@callboard/kpi";
import type { CenterState, LoggedEvent } from "@callboard/routing";
import type { Folds } from "./checkpoints.ts";

/**
/**
 * The queues' KPIs and each agent's figures today, kept live beside the core: rebuilt at boot from
 * the core's own replay of the log (one pass: `onReplayed`), then folded on every appended batch.
 * The folds read settings and memberships from the events themselves, so folding a batch after the
 * core applied all of it gives what the replay gives — a restart shows the same figures. Given a
 * recorder, the KPI fold records history's 15-minute buckets too (history.ts writes them).
 */
export class LiveKpis {
  readonly state: KpiState;
  /** The center's day (Asia/Ho_Chi_Minh): agents take calls from queues in any zone. */
  private readonly agentDays: AgentDayState;
  /** Time in each manual status today, for the agents' desks (same day as agentDays). */
  private readonly statusDays: StatusDayState;

  /**
   * `from`: a checkpoint's folds, to go on from; without it they fold the whole log. `history`: the
   * recorder the KPI fold records into (a checkpoint's fold never carries one: boot gives it here).
   */
  constructor(from?: Folds, history: HistoryRecorder | null = null) {
    this.state = from?.kpi ?? emptyKpiState();
    recordHistory(this.state, history);
    this.agentDays = from?.agentDays ?? emptyAgentDayState();
    this.statusDays = from?.statusDays ?? emptyStatusDayState(this.agentDays.timeZone);
  }

  /** The folds, for a checkpoint. */
  folds(): Folds {
    return { kpi: this.state, agentDays: this.agentDays, statusDays: this.statusDays };
  }

  /** For Core's `onReplayed`: one event of the boot replay. */
  readonly replayed = (event: LoggedEvent, center: CenterState): void => {
    foldKpi(this.state, event, center);
    foldAgentDay(this.agentDays, event, center);
    foldStatusDay(this.statusDays, event);
  };

  /** For Core's `onAppended`: a committed batch, with the core's state after it. */
  appended(events: readonly LoggedEvent[], center: CenterState): void {
    for (const event of events) {
      foldKpi(this.state, event, center);
      foldAgentDay(this.agentDays, event, center);
      foldStatusDay(this.statusDays, event);
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

  /** One agent's day for its desk at `now`; null for an agent never seen. */
  agentDay(agentId: string, now: number): AgentDayFigures | null {
    return agentDayFigures(this.agentDays, this.statusDays, agentId, now);
  }
}
