import { type AgentDayFigures, agentDay, emptyAgentDayState, foldAgentDay } from "@callboard/kpi";
import type { LoggedEvent } from "@callboard/routing";

/**
 * Every agent's day (packages/kpi agent-day.ts), kept live beside the core like the queue KPIs:
 * rebuilt by the boot replay, folded on every appended batch.
 */
export class LiveAgentDays {
  private readonly state;

  constructor(timeZone: string) {
    this.state = emptyAgentDayState(timeZone);
  }

  readonly fold = (event: LoggedEvent): void => foldAgentDay(this.state, event);

  of(agentId: string, now: number): AgentDayFigures | null {
    return agentDay(this.state, agentId, now);
  }
}
