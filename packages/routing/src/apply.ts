import { type Agent, SystemStatus } from "./agent.ts";
import { CallStatus } from "./call.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { isManualStatus } from "./manual-status.ts";
import { isValidPhoneNumber, PHONE_NUMBER_RULE } from "./phone-number.ts";
import { MIN_ANSWER_TIMEOUT_SEC } from "./queue.ts";
import { type CenterState, own, RECENT_DECISIONS } from "./state.ts";

export const RejectCode = {
  UNKNOWN_AGENT: "UNKNOWN_AGENT",
  UNKNOWN_QUEUE: "UNKNOWN_QUEUE",
  UNKNOWN_CALL: "UNKNOWN_CALL",
  INVALID: "INVALID",
  CONFLICT: "CONFLICT",
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** Why an event cannot be applied to the current state; the state is left untouched. */
export interface Rejection {
  code: RejectCode;
  message: string;
}

const reject = (code: RejectCode, message: string): Rejection => ({ code, message });

const badId = (what: string, id: string): Rejection | null =>
  id === "__proto__" ? reject("INVALID", `${what} "__proto__" is not allowed`) : null;

/**
 * Checks an event against the current state without changing it; null means applyEvent may run.
 * Shape errors are the edges' job (zod), but the domain re-checks what it relies on.
 */
export function checkEvent(state: CenterState, event: DomainEvent): Rejection | null {
  switch (event.type) {
    case "agent.upserted": {
      const { phoneNumber } = event.agent;
      const bad = badId("agent.id", event.agent.id);
      if (bad) return bad;
      if (phoneNumber !== null && !isValidPhoneNumber(phoneNumber)) {
        return reject("INVALID", `agent.phoneNumber "${phoneNumber}" is invalid: ${PHONE_NUMBER_RULE}`);
      }
      return null;
    }
    case "agent.presence_changed":
    case "agent.push_token_changed":
      return knownAgent(state, event.agentId);
    case "agent.manual_status_set":
      if (!isManualStatus(event.status)) {
        return reject("INVALID", `status "${String(event.status)}" is not a manual status`);
      }
      return knownAgent(state, event.agentId);
    case "queue.upserted": {
      const { queue } = event;
      const bad = badId("queue.id", queue.id);
      if (bad) return bad;
      if (!Number.isFinite(queue.answerTimeoutSec) || queue.answerTimeoutSec < MIN_ANSWER_TIMEOUT_SEC) {
        return reject(
          "INVALID",
          `queue.answerTimeoutSec must be at least ${MIN_ANSWER_TIMEOUT_SEC} (got ${queue.answerTimeoutSec})`,
        );
      }
      const unknown = queue.members.find((id) => !own(state.agents, id));
      if (unknown !== undefined) return reject("UNKNOWN_AGENT", `queue member "${unknown}" does not exist`);
      if (new Set(queue.members).size !== queue.members.length) {
        return reject("INVALID", `queue.members lists an agent twice`);
      }
      return null;
    }
    case "call.arrived": {
      if (!own(state.queues, event.queueId)) {
        return reject("UNKNOWN_QUEUE", `queue "${event.queueId}" does not exist`);
      }
      const bad = badId("callId", event.callId);
      if (bad) return bad;
      if (own(state.calls, event.callId)) {
        return reject("CONFLICT", `call "${event.callId}" is already in the center`);
      }
      return null;
    }
    case "call.answered": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (call.status !== CallStatus.RINGING || call.agentId !== event.agentId) {
        return reject("CONFLICT", `call "${event.callId}" is not ringing agent "${event.agentId}"`);
      }
      return null;
    }
    case "call.ended":
      return own(state.calls, event.callId) ? null : unknownCall(event.callId);
    case "call.abandoned": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (call.status === CallStatus.TALKING) {
        return reject("CONFLICT", `call "${event.callId}" was answered; end it instead of abandoning it`);
      }
      return null;
    }
    case "call.offered": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (call.status !== CallStatus.WAITING)
        return reject("CONFLICT", `call "${event.callId}" is not waiting`);
      const agent = own(state.agents, event.agentId);
      if (!agent) return reject("UNKNOWN_AGENT", `agent "${event.agentId}" does not exist`);
      if (agent.ringingCallId !== null || agent.activeCallId !== null) {
        return reject("CONFLICT", `agent "${event.agentId}" already holds a call`);
      }
      return null;
    }
    case "call.offer_ended": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (call.status !== CallStatus.RINGING || call.agentId !== event.agentId) {
        return reject("CONFLICT", `call "${event.callId}" is not ringing agent "${event.agentId}"`);
      }
      return null;
    }
  }
}

function knownAgent(state: CenterState, agentId: string): Rejection | null {
  return own(state.agents, agentId) ? null : reject("UNKNOWN_AGENT", `agent "${agentId}" does not exist`);
}

function unknownCall(callId: string): Rejection {
  return reject("UNKNOWN_CALL", `call "${callId}" is not in the center (never arrived or already over)`);
}

/** Folds one checked event into the state. Call checkEvent first: this function trusts its input. */
export function applyEvent(state: CenterState, event: LoggedEvent): void {
  state.seq = event.seq;
  const { at } = event;
  const updateAgent = (id: string, patch: Partial<Agent>) => {
    const agent = state.agents[id];
    if (agent) state.agents[id] = { ...agent, ...patch, since: at };
  };
  switch (event.type) {
    case "agent.upserted": {
      const existing = own(state.agents, event.agent.id);
      state.agents[event.agent.id] = existing
        ? { ...existing, ...event.agent }
        : {
            ...event.agent,
            manualStatus: "NOT_AVAILABLE",
            systemStatus: SystemStatus.FREE,
            presence: { app: false, pushTokens: [], sip: false },
            since: at,
            idleSince: at,
            ringingCallId: null,
            activeCallId: null,
            answeredCalls: 0,
            missedOffers: 0,
          };
      return;
    }
    case "agent.presence_changed": {
      const agent = state.agents[event.agentId];
      if (agent && agent.presence[event.signal] !== event.online) {
        updateAgent(event.agentId, { presence: { ...agent.presence, [event.signal]: event.online } });
      }
      return;
    }
    case "agent.push_token_changed": {
      const agent = state.agents[event.agentId];
      if (!agent) return;
      const others = agent.presence.pushTokens.filter((t) => t !== event.token);
      const pushTokens = event.registered ? [...others, event.token].sort() : others;
      if (pushTokens.length !== agent.presence.pushTokens.length) {
        updateAgent(event.agentId, { presence: { ...agent.presence, pushTokens } });
      }
      return;
    }
    case "agent.manual_status_set":
      if (state.agents[event.agentId]?.manualStatus !== event.status) {
        updateAgent(event.agentId, { manualStatus: event.status });
      }
      return;
    case "queue.upserted":
      state.queues[event.queue.id] = event.queue;
      return;
    case "call.arrived":
      state.calls[event.callId] = {
        id: event.callId,
        queueId: event.queueId,
        from: event.from,
        arrivedAt: at,
        status: CallStatus.WAITING,
        agentId: null,
        offerExpiresAt: null,
        answeredAt: null,
        missedBy: [],
        offers: 0,
      };
      return;
    case "call.offered": {
      const call = state.calls[event.callId];
      if (!call) return;
      state.calls[call.id] = {
        ...call,
        status: CallStatus.RINGING,
        agentId: event.agentId,
        offerExpiresAt: event.expiresAt,
        offers: call.offers + 1,
      };
      updateAgent(event.agentId, { ringingCallId: call.id });
      state.decisions.unshift(event.decision);
      if (state.decisions.length > RECENT_DECISIONS) state.decisions.length = RECENT_DECISIONS;
      return;
    }
    case "call.offer_ended": {
      const call = state.calls[event.callId];
      const agent = state.agents[event.agentId];
      if (!call || !agent) return;
      state.calls[call.id] = {
        ...call,
        status: CallStatus.WAITING,
        agentId: null,
        offerExpiresAt: null,
        missedBy: call.missedBy.includes(agent.id) ? call.missedBy : [...call.missedBy, agent.id],
      };
      updateAgent(agent.id, { ringingCallId: null, missedOffers: agent.missedOffers + 1 });
      return;
    }
    case "call.answered": {
      const call = state.calls[event.callId];
      const agent = state.agents[event.agentId];
      if (!call || !agent) return;
      state.calls[call.id] = { ...call, status: CallStatus.TALKING, offerExpiresAt: null, answeredAt: at };
      updateAgent(agent.id, {
        ringingCallId: null,
        activeCallId: call.id,
        systemStatus: SystemStatus.ON_CALL,
        answeredCalls: agent.answeredCalls + 1,
      });
      return;
    }
    case "call.ended":
    case "call.abandoned": {
      const call = state.calls[event.callId];
      if (!call) return;
      delete state.calls[call.id];
      if (call.agentId === null) return;
      if (call.status === CallStatus.TALKING) {
        updateAgent(call.agentId, { activeCallId: null, systemStatus: SystemStatus.FREE, idleSince: at });
      } else {
        updateAgent(call.agentId, { ringingCallId: null });
      }
      return;
    }
  }
}
