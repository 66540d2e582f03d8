import type { LoggedEvent, ManualStatus } from "@callboard/routing";
import { localDayStart } from "./local-day.ts";

/**
 * One agent's day, for the agent's own desk: calls answered, offers missed, talk time and time in
 * each manual status since local midnight. Folded from the log like the queue KPIs (fold.ts), so a
 * restart (the boot replay) gives the same figures; what the board shows live comes from the same
 * events.
 */
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

interface AgentDayTrack {
  dayStart: number;
  answered: number;
  missed: number;
  talkMs: number;
  statusMs: Partial<Record<ManualStatus, number>>;
  /** The manual status now and since when (folded up to the last event). */
  status: ManualStatus;
  statusSince: number;
}

/** The per-agent day fold; one for the whole center, in one time zone. */
export interface AgentDayState {
  timeZone: string;
  agents: Map<string, AgentDayTrack>;
  /** Answered calls still going: who took them and when, so their talk time lands on the agent. */
  talking: Map<string, { agentId: string; answeredAt: number }>;
}

export function emptyAgentDayState(timeZone: string): AgentDayState {
  return { timeZone, agents: new Map(), talking: new Map() };
}

/** The agent's track, rolled over to the local day holding `at` (yesterday's figures dropped). */
function trackAt(state: AgentDayState, agentId: string, at: number): AgentDayTrack | undefined {
  const track = state.agents.get(agentId);
  if (!track) return undefined;
  const dayStart = localDayStart(at, state.timeZone);
  if (dayStart > track.dayStart) {
    track.dayStart = dayStart;
    track.answered = 0;
    track.missed = 0;
    track.talkMs = 0;
    track.statusMs = {};
    track.statusSince = Math.max(track.statusSince, dayStart);
  }
  return track;
}

/** Adds the time spent in the current status up to `at` and moves the mark. */
function closeStatus(track: AgentDayTrack, at: number): void {
  const spent = Math.max(0, at - track.statusSince);
  if (spent > 0) track.statusMs[track.status] = (track.statusMs[track.status] ?? 0) + spent;
  track.statusSince = Math.max(track.statusSince, at);
}

function setStatus(state: AgentDayState, agentId: string, status: ManualStatus, at: number): void {
  const track = trackAt(state, agentId, at);
  if (!track || track.status === status) return;
  closeStatus(track, at);
  track.status = status;
}

/** Folds one logged event into the agents' days. Events about unknown agents are ignored. */
export function foldAgentDay(state: AgentDayState, event: LoggedEvent): void {
  const { at } = event;
  switch (event.type) {
    case "agent.upserted":
      if (!state.agents.has(event.agent.id)) {
        state.agents.set(event.agent.id, {
          dayStart: localDayStart(at, state.timeZone),
          answered: 0,
          missed: 0,
          talkMs: 0,
          statusMs: {},
          // Every agent enters the center Not available (newAgent).
          status: "NOT_AVAILABLE",
          statusSince: at,
        });
      }
      return;
    case "agent.manual_status_set":
      setStatus(state, event.agentId, event.status, at);
      return;
    case "call.offer_ended":
      for (const id of event.agentIds) {
        const track = trackAt(state, id, at);
        if (track && event.reason === "TIMEOUT") track.missed++;
      }
      for (const id of event.autoNotAvailable) setStatus(state, id, "NOT_AVAILABLE", at);
      return;
    case "call.declined": {
      const track = trackAt(state, event.agentId, at);
      if (track) track.missed++;
      return;
    }
    case "call.answered": {
      const track = trackAt(state, event.agentId, at);
      if (!track) return;
      track.answered++;
      state.talking.set(event.callId, { agentId: event.agentId, answeredAt: at });
      return;
    }
    case "call.ended":
    case "call.abandoned": {
      const talk = state.talking.get(event.callId);
      if (!talk) return;
      state.talking.delete(event.callId);
      const track = trackAt(state, talk.agentId, at);
      if (!track) return;
      const measured = event.type === "call.ended" ? event.talkSec : undefined;
      track.talkMs +=
        measured !== undefined ? Math.round(measured * 1000) : Math.max(0, at - talk.answeredAt);
      return;
    }
    default:
      return;
  }
}

/** The agent's figures for the day holding `now` (the current status counted up to `now`); null if unknown. */
export function agentDay(state: AgentDayState, agentId: string, now: number): AgentDayFigures | null {
  const track = trackAt(state, agentId, now);
  if (!track) return null;
  const statusMs = { ...track.statusMs };
  const current = Math.max(0, now - track.statusSince);
  if (current > 0) statusMs[track.status] = (statusMs[track.status] ?? 0) + current;
  return {
    dayStart: track.dayStart,
    answered: track.answered,
    missed: track.missed,
    talkMs: track.talkMs,
    statusMs,
  };
}
