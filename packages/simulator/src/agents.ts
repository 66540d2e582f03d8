import { AVAILABLE, type InputEvent, own } from "@callboard/routing";
import { ACTIVITIES, type Activity, afterCallMs, lateLoginMs, MEAN_ACTIVITY_GAP_MS } from "./behaviour.ts";
import { type Action, type Batch, later, type Restore, type SimContext } from "./context.ts";
import { DEVICE_SIGNALS, type RosterAgent } from "./roster.ts";

const ACTIVITY_NAMES = Object.keys(ACTIVITIES) as Activity[];

/** The events of an agent logging in on its device(s): the presence signals that device raises. */
export function loginEvents(ctx: SimContext, agent: RosterAgent): InputEvent[] {
  const agentId = agent.profile.id;
  const signals = DEVICE_SIGNALS[agent.device];
  const events: InputEvent[] = [];
  if (signals.app) events.push({ type: "agent.presence_changed", agentId, signal: "app", online: true });
  if (signals.sip) events.push({ type: "agent.presence_changed", agentId, signal: "sip", online: true });
  if (signals.push) events.push(registerToken(ctx, agentId));
  return events;
}

/** Schedules each roster agent's first move: back from its starting break, a late login, or its next activity. */
export function startAgents(ctx: SimContext, now: number): void {
  const { rng } = ctx;
  for (const agent of ctx.roster.agents) {
    const agentId = agent.profile.id;
    const { start } = agent;
    if (start === "OFFLINE") {
      ctx.schedule.push(later(ctx, now, lateLoginMs(rng)), returning(agentId, { what: "login" }));
    } else if (start === AVAILABLE) {
      scheduleNextActivity(ctx, agentId, now);
    } else {
      const activity = start === "LUNCH_BREAK" || start === "SHORT_BREAK" ? start : "NOT_AVAILABLE";
      if (start === "LUNCH_BREAK") ctx.lunchTaken.add(agentId);
      // Joined mid-break: somewhere between a fifth and all of a break is left.
      const left = ACTIVITIES[activity].durationMs(rng) * rng.between(0.2, 1);
      ctx.schedule.push(later(ctx, now, left), returning(agentId, { what: "status", from: start }));
    }
  }
}

type AgentAction = Extract<Action, { kind: "activity" | "return" }>;

/**
 * Starts or ends an agent's activity. Starts only when the agent is idle (not ringing, talking or in
 * wrap-up) and Available: a break waits for the call and its wrap-up. Ends undo exactly what the
 * start did. Never touches system status: only call events set that.
 */
export function runAgentAction(ctx: SimContext, batch: Batch, action: AgentAction): void {
  const { state, now } = batch;
  const agent = own(state.agents, action.agentId);
  const roster = ctx.agents.get(action.agentId);
  if (!agent || !roster) {
    // Not in the center (yet): keep its rhythm so it joins in once setup's events are applied.
    scheduleNextActivity(ctx, action.agentId, now);
    return;
  }
  if (batch.changedAgents.has(agent.id)) {
    batch.deferred.push(action);
    return;
  }
  if (batch.driven.has(agent.id)) {
    // A person drives this agent from the desk: no breaks, logouts or returns of ours meanwhile.
    scheduleNextActivity(ctx, agent.id, now);
    return;
  }
  if (action.kind === "return") {
    batch.events.push(...restoreEvents(ctx, action.restore, agent.id, agent.manualStatus));
    batch.changedAgents.add(agent.id);
    scheduleNextActivity(ctx, agent.id, now);
    return;
  }
  if (agent.ringingCallId !== null || agent.activeCallId !== null || agent.wrapUpUntil !== null) {
    ctx.schedule.push(later(ctx, now, afterCallMs(ctx.rng)), action);
    return;
  }
  if (agent.manualStatus !== AVAILABLE) {
    // Someone else (an operator, the agent's real client) set a status: leave it be.
    scheduleNextActivity(ctx, agent.id, now);
    return;
  }
  const choices = ACTIVITY_NAMES.filter((a) => a !== "LUNCH_BREAK" || !ctx.lunchTaken.has(agent.id));
  const activity = choices[ctx.rng.weighted(choices.map((a) => ACTIVITIES[a].weight))] ?? "SHORT_BREAK";
  const until = later(ctx, now, ACTIVITIES[activity].durationMs(ctx.rng));
  batch.changedAgents.add(agent.id);
  if (activity === "LOGOUT") {
    const { events, restore } = logout(roster, agent.id, agent.presence.pushTokens);
    batch.events.push(...events);
    ctx.schedule.push(until, returning(agent.id, restore));
    return;
  }
  if (activity === "LUNCH_BREAK") ctx.lunchTaken.add(agent.id);
  batch.events.push({ type: "agent.manual_status_set", agentId: agent.id, status: activity });
  ctx.schedule.push(until, returning(agent.id, { what: "status", from: activity }));
}

function scheduleNextActivity(ctx: SimContext, agentId: string, now: number): void {
  const at = later(ctx, now, ctx.rng.exponential(MEAN_ACTIVITY_GAP_MS));
  ctx.schedule.push(at, { kind: "activity", agentId });
}

function returning(agentId: string, restore: Restore): Action {
  return { kind: "return", agentId, restore };
}

/** Leaving the main device: the web tab logs out, or the SIP phone drops, or the push token lapses. */
function logout(
  roster: RosterAgent,
  agentId: string,
  tokens: string[],
): { events: InputEvent[]; restore: Restore } {
  const signals = DEVICE_SIGNALS[roster.device];
  if (signals.app) {
    return {
      events: [{ type: "agent.presence_changed", agentId, signal: "app", online: false }],
      restore: { what: "app" },
    };
  }
  if (signals.sip) {
    return {
      events: [{ type: "agent.presence_changed", agentId, signal: "sip", online: false }],
      restore: { what: "sip" },
    };
  }
  return {
    events: tokens.map((token) => ({ type: "agent.push_token_changed", agentId, token, registered: false })),
    restore: { what: "push" },
  };
}

function restoreEvents(ctx: SimContext, restore: Restore, agentId: string, status: string): InputEvent[] {
  switch (restore.what) {
    case "status":
      // Only undo our own status: if someone changed it meanwhile, theirs stands.
      return status === restore.from ? [{ type: "agent.manual_status_set", agentId, status: AVAILABLE }] : [];
    case "app":
    case "sip":
      return [{ type: "agent.presence_changed", agentId, signal: restore.what, online: true }];
    case "push":
      return [registerToken(ctx, agentId)];
    case "login": {
      const roster = ctx.agents.get(agentId);
      return roster ? loginEvents(ctx, roster) : [];
    }
  }
}

function registerToken(ctx: SimContext, agentId: string): InputEvent {
  return {
    type: "agent.push_token_changed",
    agentId,
    token: `fcm-${agentId}-${++ctx.tokenNo}`,
    registered: true,
  };
}
