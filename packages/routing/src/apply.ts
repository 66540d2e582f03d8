import { type Agent, newAgent, SystemStatus } from "./agent.ts";
import { type Call, type CallOutcome, CallStatus } from "./call.ts";
import { dropIndex, noteAgent, noteCall } from "./center-index.ts";
import { applyDirectoryEvent } from "./directory.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { noteRecordAdded, PUSH_TOKENS_PER_AGENT } from "./limits.ts";
import { AVAILABLE } from "./manual-status.ts";
import { withQueueDefaults } from "./queue.ts";
import { type CenterState, emptyOutcomes, own, RECENT_DECISIONS } from "./state.ts";

/**
 * Folds one checked event into the state. Call checkEvent first: this function trusts its input.
 * Every record it changes is replaced, never mutated (see CenterState).
 */
export function applyEvent(state: CenterState, event: LoggedEvent): void {
  state.seq = event.seq;
  const { at } = event;
  if (at > state.clock) state.clock = at;
  if (isNoop(state, event)) return;
  switch (event.type) {
    case "agent.upserted": {
      const existing = own(state.agents, event.agent.id);
      const next: Agent = existing ? { ...existing, ...event.agent } : newAgent(event.agent, at);
      if (!existing && event.initialManualStatus) next.manualStatus = event.initialManualStatus;
      state.agents[next.id] = next;
      state.versions.agents[next.id] = event.seq;
      if (!existing) noteRecordAdded(state.agents);
      noteAgent(state, existing, next);
      return;
    }
    case "agent.presence_changed":
      updateAgent(state, at, event.agentId, (a) => ({
        presence: { ...a.presence, [event.signal]: event.online },
      }));
      return;
    case "agent.push_token_changed":
      updateAgent(state, at, event.agentId, (a) => {
        // Oldest first; past PUSH_TOKENS_PER_AGENT the oldest go (isNoop: a known token keeps its place).
        const others = a.presence.pushTokens.filter((t) => t !== event.token);
        const pushTokens = event.registered ? [...others, event.token].slice(-PUSH_TOKENS_PER_AGENT) : others;
        return { presence: { ...a.presence, pushTokens } };
      });
      return;
    case "agent.manual_status_set":
      // Coming back to Available is a fresh start: earlier misses no longer count toward the limit.
      updateAgent(state, at, event.agentId, () => ({
        manualStatus: event.status,
        ...(event.status === AVAILABLE ? { consecutiveMisses: 0 } : {}),
      }));
      return;
    case "agent.system_status_reported":
      updateAgent(state, at, event.agentId, () => ({
        systemStatus: event.systemStatus,
        ...(event.systemStatus === SystemStatus.FREE ? { idleSince: at } : {}),
      }));
      return;
    case "agent.wrap_up_ended":
      updateAgent(state, at, event.agentId, () => ({
        wrapUpUntil: null,
        systemStatus: SystemStatus.FREE,
        idleSince: at,
      }));
      return;
    case "group.upserted":
      if (!own(state.groups, event.group.id)) noteRecordAdded(state.groups);
      state.groups[event.group.id] = event.group;
      state.versions.groups[event.group.id] = event.seq;
      dropIndex(state);
      return;
    case "agent.removed":
    case "group.removed":
    case "queue.removed":
    case "group.members_changed":
      applyDirectoryEvent(state, event);
      return;
    case "queue.upserted":
      if (!own(state.queues, event.queue.id)) noteRecordAdded(state.queues);
      // A queue logged before the KPI settings existed gets their defaults.
      state.queues[event.queue.id] = withQueueDefaults(event.queue);
      state.versions.queues[event.queue.id] = event.seq;
      dropIndex(state);
      // Not `??=`: for ids like "constructor" that would find Object.prototype's member and create nothing.
      if (!own(state.queueRuntime, event.queue.id)) {
        state.queueRuntime[event.queue.id] = { lastOfferedAgentId: null, outcomes: emptyOutcomes() };
      }
      return;
    case "call.arrived": {
      const call: Call = {
        id: event.callId,
        queueId: event.queueId,
        from: event.from,
        arrivedAt: at,
        arrivedSeq: event.seq,
        admitted: false,
        status: CallStatus.WAITING,
        ringing: [],
        agentId: null,
        offerExpiresAt: null,
        answeredAt: null,
        missedBy: [],
        offers: 0,
      };
      state.calls[call.id] = call;
      noteCall(state, undefined, call);
      return;
    }
    case "call.queued": {
      const call = own(state.calls, event.callId);
      if (call) updateCall(state, call, { admitted: true });
      return;
    }
    case "call.finished": {
      const call = own(state.calls, event.callId);
      if (call) finish(state, at, call, event.outcome);
      return;
    }
    case "call.offered": {
      const call = own(state.calls, event.callId);
      if (!call) return;
      updateCall(state, call, {
        status: CallStatus.RINGING,
        ringing: event.agentIds,
        offerExpiresAt: event.expiresAt,
        offers: call.offers + 1,
      });
      for (const id of event.agentIds) updateAgent(state, at, id, () => ({ ringingCallId: call.id }));
      const runtime = own(state.queueRuntime, call.queueId);
      if (runtime)
        state.queueRuntime[call.queueId] = { ...runtime, lastOfferedAgentId: event.agentIds.at(-1)! };
      state.decisions.unshift(event.decision);
      if (state.decisions.length > RECENT_DECISIONS) state.decisions.length = RECENT_DECISIONS;
      return;
    }
    case "call.offer_ended":
      endOffer(state, at, event.callId, event.agentIds, event.reason === "TIMEOUT", event.autoNotAvailable);
      return;
    // A decline is a miss that comes before the timeout (PCC moves on to the next agent at once too).
    case "call.declined":
      endOffer(state, at, event.callId, [event.agentId], true, []);
      return;
    case "call.answered": {
      const call = own(state.calls, event.callId);
      if (!call) return;
      updateCall(state, call, {
        status: CallStatus.TALKING,
        ringing: [],
        agentId: event.agentId,
        offerExpiresAt: null,
        answeredAt: at,
      });
      release(
        state,
        at,
        call.ringing.filter((id) => id !== event.agentId),
      );
      updateAgent(state, at, event.agentId, (a) => ({
        ringingCallId: null,
        activeCallId: call.id,
        systemStatus: SystemStatus.ON_CALL,
        answeredCalls: a.answeredCalls + 1,
        consecutiveMisses: 0,
      }));
      countOutcome(state, call.queueId, "answered");
      return;
    }
    case "call.ended":
    case "call.abandoned": {
      const call = own(state.calls, event.callId);
      if (!call) return;
      if (call.status !== CallStatus.TALKING || call.agentId === null) {
        finish(state, at, call, event.type === "call.ended" && event.answered ? "answered" : "abandoned");
        return;
      }
      finish(state, at, call, null);
      const queue = own(state.queues, call.queueId);
      const wrapUpMs = queue?.agentWrapUpAfterCalls ? queue.wrapUpTimeLimit * 1000 : 0;
      const measured = event.type === "call.ended" ? event.talkSec : undefined;
      const talkedMs = measured !== undefined ? Math.round(measured * 1000) : at - (call.answeredAt ?? at);
      updateAgent(state, at, call.agentId, (a) => ({
        activeCallId: null,
        talkTimeMs: a.talkTimeMs + talkedMs,
        ...(wrapUpMs > 0
          ? { wrapUpUntil: at + wrapUpMs }
          : { systemStatus: SystemStatus.FREE, idleSince: at }),
      }));
      return;
    }
  }
}

/**
 * True when folding the event in would change no record: a report of what the state already says
 * (a presence heartbeat, the same manual or system status again, a push token already known), or
 * one about an agent that does not exist. Such an event still takes a seq if it is applied.
 * @example isNoop(state, { type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" }) // lan is Available
 */
export function isNoop(state: CenterState, event: DomainEvent): boolean {
  switch (event.type) {
    case "agent.presence_changed": {
      const agent = own(state.agents, event.agentId);
      return !agent || agent.presence[event.signal] === event.online;
    }
    case "agent.push_token_changed": {
      const agent = own(state.agents, event.agentId);
      return !agent || agent.presence.pushTokens.includes(event.token) === event.registered;
    }
    case "agent.manual_status_set": {
      const agent = own(state.agents, event.agentId);
      return !agent || agent.manualStatus === event.status;
    }
    case "agent.system_status_reported": {
      const agent = own(state.agents, event.agentId);
      return !agent || agent.systemStatus === event.systemStatus;
    }
    default:
      return false;
  }
}

// Module-level rather than closures inside applyEvent: this runs on every event of the routing path.

function updateAgent(
  state: CenterState,
  at: number,
  id: string,
  patch: (agent: Agent) => Partial<Agent>,
): void {
  const agent = own(state.agents, id);
  if (!agent) return;
  const next = { ...agent, ...patch(agent), since: at };
  state.agents[id] = next;
  noteAgent(state, agent, next);
}

function updateCall(state: CenterState, call: Call, patch: Partial<Call>): void {
  const next = { ...call, ...patch };
  state.calls[call.id] = next;
  noteCall(state, call, next);
}

/** Ends the offer of `callId` to `agentIds`; a missed one counts against each agent and ranks it last for the call. */
function endOffer(
  state: CenterState,
  at: number,
  callId: string,
  agentIds: readonly string[],
  missed: boolean,
  autoNotAvailable: readonly string[],
): void {
  const call = own(state.calls, callId);
  if (!call) return;
  const ringing = call.ringing.filter((id) => !agentIds.includes(id));
  const missedBy = missed ? [...new Set([...call.missedBy, ...agentIds])] : call.missedBy;
  updateCall(state, call, {
    ringing,
    missedBy,
    ...(ringing.length === 0 ? { status: CallStatus.WAITING, offerExpiresAt: null } : {}),
  });
  for (const id of agentIds) {
    updateAgent(state, at, id, (a) => ({
      ringingCallId: null,
      ...(missed ? { missedOffers: a.missedOffers + 1, consecutiveMisses: a.consecutiveMisses + 1 } : {}),
      ...(autoNotAvailable.includes(id) ? { manualStatus: "NOT_AVAILABLE" as const } : {}),
    }));
  }
}

function release(state: CenterState, at: number, agentIds: readonly string[]): void {
  for (const id of agentIds) updateAgent(state, at, id, () => ({ ringingCallId: null }));
}

function finish(state: CenterState, at: number, call: Call, outcome: CallOutcome | null): void {
  delete state.calls[call.id];
  noteCall(state, call, undefined);
  release(state, at, call.ringing);
  if (outcome) countOutcome(state, call.queueId, outcome);
}

function countOutcome(state: CenterState, queueId: string, outcome: CallOutcome): void {
  const runtime = own(state.queueRuntime, queueId);
  if (!runtime) return;
  state.queueRuntime[queueId] = {
    ...runtime,
    outcomes: { ...runtime.outcomes, [outcome]: runtime.outcomes[outcome] + 1 },
  };
}
