import { DEFAULT_TIME_ZONE, type LoggedEvent, type ManualStatus } from "@callboard/routing";
import { localDayCached, rollOver } from "./local-day.ts";

/**
 * Time each agent spent in each manual status today (local midnight in the center's zone), for the
 * agent's own desk. Calls answered, missed and talk time are agent-day.ts's; this fold only follows
 * statuses, folded on the server from the log (checkpointed beside the other folds).
 */
export interface StatusDay {
  /** Local midnight of the day the figures cover. */
  dayStart: number;
  /** Time in each status from `dayStart` up to `since`, ms; statuses never held that day are absent. */
  statusMs: Partial<Record<ManualStatus, number>>;
  /** The status now, and since when (or since `dayStart` if held from yesterday). */
  status: ManualStatus;
  since: number;
}

export interface StatusDayState {
  timeZone: string;
  agents: Map<string, StatusDay>;
}

export function emptyStatusDayState(timeZone: string = DEFAULT_TIME_ZONE): StatusDayState {
  return { timeZone, agents: new Map() };
}

/**
 * The agent's record rolled over to the local day holding `at`: yesterday's time dropped, the
 * status kept. A late `at` (a day before the record's) counts in the record's own day.
 */
function rolled(state: StatusDayState, day: StatusDay, at: number): StatusDay {
  const fresh = (dayStart: number): StatusDay => ({
    dayStart,
    statusMs: {},
    status: day.status,
    since: Math.max(day.since, dayStart),
  });
  return rollOver(day, at, state.timeZone, fresh) ?? day;
}

/** `day` with the time in its current status counted up to `at`. */
function closedAt(day: StatusDay, at: number): Partial<Record<ManualStatus, number>> {
  const spent = Math.max(0, at - day.since);
  if (spent === 0) return day.statusMs;
  return { ...day.statusMs, [day.status]: (day.statusMs[day.status] ?? 0) + spent };
}

function setStatus(state: StatusDayState, agentId: string, status: ManualStatus, at: number): void {
  const old = state.agents.get(agentId);
  if (!old) return;
  const day = rolled(state, old, at);
  if (day.status === status) {
    if (day !== old) state.agents.set(agentId, day);
    return;
  }
  state.agents.set(agentId, {
    dayStart: day.dayStart,
    statusMs: closedAt(day, at),
    status,
    since: Math.max(day.since, at),
  });
}

/** Folds one logged event. Events about agents it never saw join are ignored. */
export function foldStatusDay(state: StatusDayState, event: LoggedEvent): void {
  switch (event.type) {
    case "agent.upserted":
      if (!state.agents.has(event.agent.id)) {
        const dayStart = localDayCached(event.at, state.timeZone).start;
        // Every agent enters the center Not available (routing's newAgent).
        state.agents.set(event.agent.id, {
          dayStart,
          statusMs: {},
          status: "NOT_AVAILABLE",
          since: event.at,
        });
      }
      return;
    case "agent.removed":
      state.agents.delete(event.agentId);
      return;
    case "agent.manual_status_set":
      setStatus(state, event.agentId, event.status, event.at);
      return;
    case "call.offer_ended":
      for (const id of event.autoNotAvailable) setStatus(state, id, "NOT_AVAILABLE", event.at);
      return;
    default:
      return;
  }
}

/** Time in each status today as of `now`, the current one counted up to `now`; null for an unknown agent. */
export function statusToday(
  state: StatusDayState,
  agentId: string,
  now: number,
): Partial<Record<ManualStatus, number>> | null {
  const old = state.agents.get(agentId);
  if (!old) return null;
  return closedAt(rolled(state, old, now), now);
}

/** The fold as plain JSON, for a checkpoint. */
export interface StatusDayJson {
  timeZone: string;
  agents: [string, StatusDay][];
}

export function statusDayJson(state: StatusDayState): StatusDayJson {
  return { timeZone: state.timeZone, agents: [...state.agents] };
}

export function restoreStatusDay(json: StatusDayJson): StatusDayState {
  return { timeZone: json.timeZone, agents: new Map(json.agents) };
}
