import { type CenterState, DEFAULT_TIME_ZONE, type LoggedEvent, own } from "@callboard/routing";
import { localDayCached, rollOver } from "./local-day.ts";

/**
 * Each agent's figures for today, folded from the LOGGED events one at a time (O(1) per event), so
 * the server, a restart's replay and the board (from a snapshot, then the events it is sent) agree.
 *
 * "Today" is the local day, from local midnight, in the center's time zone (Asia/Ho_Chi_Minh unless
 * told): the same `localDay` the queue KPIs use, but one zone for the agent, whose calls may come
 * from queues in several. Each figure counts in the day holding its own event's `at`:
 *
 * | event                                         | counts                                          |
 * | --------------------------------------------- | ----------------------------------------------- |
 * | `call.answered`                               | answered, for the agent who answered            |
 * | `call.offer_ended` with reason TIMEOUT        | missed, for each agent whose offer ended        |
 * | `call.declined` (the agent's desk said no)    | missed, for the agent who declined              |
 * | `call.ended` / `call.abandoned` while talking | talk: `talkSec` when the telephony sent it,     |
 * |                                               | else answer → end — as routing's applyEvent     |
 *
 * An offer withdrawn because the agent stopped being eligible (AGENT_UNAVAILABLE) is not a miss,
 * as in routing's `missedOffers`. The first event of a later day starts the agent's figures from
 * zero (midnight resets them); reads at `now` in a later day than the figures read zero, so a quiet
 * agent resets too. An event older than the agent's current day (late, out of order) is dropped.
 */

/** One agent's figures for one local day. A record is replaced, never mutated (UIs compare identity). */
export interface AgentDay {
  /** The local midnight the figures belong to, ms. */
  dayStart: number;
  answered: number;
  missed: number;
  talkMs: number;
}

export interface AgentDayState {
  timeZone: string;
  agents: Map<string, AgentDay>;
  /** Calls being talked on, as answered: talk time is counted when they end. */
  talking: Map<string, { agentId: string; answeredAt: number }>;
}

export function emptyAgentDayState(timeZone: string = DEFAULT_TIME_ZONE): AgentDayState {
  return { timeZone, agents: new Map(), talking: new Map() };
}

/**
 * Folds one logged event; true when an agent's figures changed. `center` is read only for a call
 * answered before the fold started (a board that began from a snapshot): pass the state as it was
 * BEFORE the event was applied. A fold that saw the whole log never needs it.
 */
export function foldAgentDay(state: AgentDayState, event: LoggedEvent, center: CenterState): boolean {
  switch (event.type) {
    case "call.answered":
      state.talking.set(event.callId, { agentId: event.agentId, answeredAt: event.at });
      return bump(state, event.agentId, event.at, 1, 0, 0);
    case "call.offer_ended": {
      if (event.reason !== "TIMEOUT") return false;
      let changed = false;
      for (const id of event.agentIds) changed = bump(state, id, event.at, 0, 1, 0) || changed;
      return changed;
    }
    case "call.declined":
      return bump(state, event.agentId, event.at, 0, 1, 0);
    case "call.ended":
    case "call.abandoned": {
      const talk = state.talking.get(event.callId) ?? talkingInCenter(center, event.callId);
      state.talking.delete(event.callId);
      if (!talk) return false;
      const measured = event.type === "call.ended" ? event.talkSec : undefined;
      const talkMs =
        measured !== undefined ? Math.round(measured * 1000) : Math.max(0, event.at - talk.answeredAt);
      return bump(state, talk.agentId, event.at, 0, 0, talkMs);
    }
    case "call.finished":
      state.talking.delete(event.callId);
      return false;
    default:
      return false;
  }
}

function talkingInCenter(center: CenterState, callId: string) {
  const call = own(center.calls, callId);
  if (call?.status !== "talking" || call.agentId === null || call.answeredAt === null) return undefined;
  return { agentId: call.agentId, answeredAt: call.answeredAt };
}

const zeroDay = (dayStart: number): AgentDay => ({ dayStart, answered: 0, missed: 0, talkMs: 0 });

function bump(
  state: AgentDayState,
  agentId: string,
  at: number,
  answered: number,
  missed: number,
  talkMs: number,
): boolean {
  const old = state.agents.get(agentId);
  const base = old
    ? rollOver(old, at, state.timeZone, zeroDay)
    : zeroDay(localDayCached(at, state.timeZone).start);
  // An event from a day before the agent's current one (late, out of order) is dropped.
  if (!base) return false;
  state.agents.set(agentId, {
    dayStart: base.dayStart,
    answered: base.answered + answered,
    missed: base.missed + missed,
    talkMs: base.talkMs + talkMs,
  });
  return true;
}

/** An agent's figures as of `now`: zero when they belong to an earlier day (midnight passed) or there are none. */
export function agentToday(
  day: AgentDay | undefined,
  now: number,
  timeZone: string,
): Omit<AgentDay, "dayStart"> {
  if (!day || day.dayStart < localDayCached(now, timeZone).start) return NOTHING_TODAY;
  return { answered: day.answered, missed: day.missed, talkMs: day.talkMs };
}

const NOTHING_TODAY = Object.freeze({ answered: 0, missed: 0, talkMs: 0 });

/**
 * What a board's snapshot carries: today's figures of every agent with any (as of `now`), as
 * [answered, missed, talkMs] — compact, since a center has up to 20,000 agents.
 */
export interface AgentDaySnapshot {
  timeZone: string;
  dayStart: number;
  agents: Record<string, [answered: number, missed: number, talkMs: number]>;
}

export function agentDaySnapshot(state: AgentDayState, now: number): AgentDaySnapshot {
  const dayStart = localDayCached(now, state.timeZone).start;
  const agents: AgentDaySnapshot["agents"] = {};
  for (const [id, day] of state.agents) {
    if (day.dayStart === dayStart) agents[id] = [day.answered, day.missed, day.talkMs];
  }
  return { timeZone: state.timeZone, dayStart, agents };
}

/** The fold as a snapshot left it; continue it with the events after the snapshot's seq. */
export function agentDayStateFrom(snapshot: AgentDaySnapshot): AgentDayState {
  const state = emptyAgentDayState(snapshot.timeZone);
  for (const [id, [answered, missed, talkMs]] of Object.entries(snapshot.agents)) {
    state.agents.set(id, { dayStart: snapshot.dayStart, answered, missed, talkMs });
  }
  return state;
}

/**
 * The whole fold as plain JSON, for a checkpoint: unlike a board's snapshot it keeps the calls being
 * talked on (their talk time is counted when they end) and every agent's day as folded.
 */
export interface AgentDayJson {
  timeZone: string;
  agents: [string, AgentDay][];
  talking: [string, { agentId: string; answeredAt: number }][];
}

export function agentDayJson(state: AgentDayState): AgentDayJson {
  return { timeZone: state.timeZone, agents: [...state.agents], talking: [...state.talking] };
}

/** The fold a checkpoint held, to continue with the events after its seq. */
export function restoreAgentDay(json: AgentDayJson): AgentDayState {
  return { timeZone: json.timeZone, agents: new Map(json.agents), talking: new Map(json.talking) };
}
