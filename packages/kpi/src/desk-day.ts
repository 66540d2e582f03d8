import type { ManualStatus } from "@callboard/routing";
import { type AgentDayState, agentToday } from "./agent-day.ts";
import { localDayCached } from "./local-day.ts";
import { type StatusDayState, statusToday } from "./status-day.ts";

/** An agent's day as the desk shows it: agent-day's calls and talk, status-day's time per status. */
export interface AgentDayFigures {
  /** Local midnight of the day the figures cover. */
  dayStart: number;
  answered: number;
  /** Offers that rang out or were declined today. */
  missed: number;
  /** Talk time of calls that ended today, ms (a call still going counts when it ends). */
  talkMs: number;
  /** Time in each manual status today up to `now`, ms; statuses never held today are absent. */
  statusMs: Partial<Record<ManualStatus, number>>;
}

/** The agent's figures for the day holding `now`; null for an agent the folds never saw join. */
export function agentDayFigures(
  days: AgentDayState,
  statuses: StatusDayState,
  agentId: string,
  now: number,
): AgentDayFigures | null {
  const statusMs = statusToday(statuses, agentId, now);
  if (statusMs === null) return null;
  return {
    dayStart: localDayCached(now, days.timeZone).start,
    ...agentToday(days.agents.get(agentId), now, days.timeZone),
    statusMs,
  };
}
