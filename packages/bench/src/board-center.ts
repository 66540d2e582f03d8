import {
  type AgentDayState,
  emptyAgentDayState,
  emptyKpiState,
  foldAgentDay,
  foldKpi,
  type KpiState,
} from "@callboard/kpi";
import { type CenterState, emptyState, type LoggedEvent, replay, step } from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";

/** The core's fan-out interval: one board batch per 100 ms of simulated time. */
export const BATCH_MS = 100;

export interface BoardCenter {
  state: CenterState;
  kpi: KpiState;
  days: AgentDayState;
  /** The simulated clock. */
  readonly now: number;
  /** 100 ms of simulated time: the events the core would log (and fold) in one fan-out batch. */
  tick(): LoggedEvent[];
}

/**
 * The simulator's center (seed 12) built in this process, as the core runs it: setup folded with
 * `replay` (no engine decisions are due before the first call), then `step` every 100 ms of
 * simulated time with the simulator's inputs, the KPI and agent-day folds beside it.
 */
export function boardCenter(options: { agents: number; queues: number; speed: number }): BoardCenter {
  const sim = createSimulator({ seed: 12, ...options });
  let now = Date.parse("2026-11-23T02:00:00Z");
  // Setup is inputs only (agents, groups, queues, logins): folded, not stepped one by one.
  const setup: LoggedEvent[] = sim.setup(now).map((event, i) => ({ ...event, seq: i + 1, at: now }));
  const state: CenterState = replay(emptyState(), setup);
  const kpi = emptyKpiState();
  const days = emptyAgentDayState();
  for (const event of setup) foldKpi(kpi, event, state);
  return {
    state,
    kpi,
    days,
    get now() {
      return now;
    },
    tick() {
      now += BATCH_MS;
      const applied = [...step(state, null, now).applied];
      for (const event of sim.tick(state, now)) applied.push(...step(state, event, now).applied);
      for (const event of applied) {
        foldKpi(kpi, event, state);
        foldAgentDay(days, event, state);
      }
      return applied;
    },
  };
}
