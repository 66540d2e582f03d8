import { hasTrackedCall, RoutingType } from "./agent.ts";
import { CallStatus } from "./call.ts";
import { checkDirectoryEvent, checkVersion } from "./directory.ts";
import type { DomainEvent } from "./events.ts";
import type { GroupConfig } from "./group.ts";
import { type CenterLimits, DEFAULT_LIMITS, LIMIT_SETTING, recordCount } from "./limits.ts";
import { isManualStatus } from "./manual-status.ts";
import { PHONE_NUMBER_MAX_LENGTH } from "./phone-number.ts";
import {
  KPI_WINDOW_MIN_MAX,
  MIN_ANSWER_TIMEOUT_SEC,
  type QueueConfig,
  STRATEGIES,
  withQueueDefaults,
} from "./queue.ts";
import { isClockTime, isKnownTimeZone } from "./schedule.ts";
import { type CenterState, own } from "./state.ts";

export const RejectCode = {
  UNKNOWN_AGENT: "UNKNOWN_AGENT",
  UNKNOWN_GROUP: "UNKNOWN_GROUP",
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
 * Shape errors are the edges' job (zod), but the domain re-checks what it relies on, so a replayed
 * or in-process event can never corrupt the state. `limits` caps new records (never updates).
 */
export function checkEvent(
  state: CenterState,
  event: DomainEvent,
  limits: CenterLimits = DEFAULT_LIMITS,
): Rejection | null {
  switch (event.type) {
    case "agent.upserted": {
      const { phoneNumber, routingType } = event.agent;
      const bad = badId("agent.id", event.agent.id);
      if (bad) return bad;
      if (routingType !== RoutingType.APP && routingType !== RoutingType.PHONE) {
        return reject(
          "INVALID",
          `agent.routingType ${String(routingType)} is not 1 (App/Web/SIP phone) or 2 (phone number)`,
        );
      }
      // PCC's rule needs a number configured, in whatever form PCC holds it (the board flags one not
      // country code first): the domain refuses only what is no number at all.
      if (
        phoneNumber !== null &&
        (phoneNumber.trim() === "" || phoneNumber.length > PHONE_NUMBER_MAX_LENGTH)
      ) {
        return reject(
          "INVALID",
          `agent.phoneNumber must be null or 1–${PHONE_NUMBER_MAX_LENGTH} characters, not blank`,
        );
      }
      if (event.initialManualStatus !== undefined && !isManualStatus(event.initialManualStatus)) {
        return reject(
          "INVALID",
          `initialManualStatus "${String(event.initialManualStatus)}" is not a manual status`,
        );
      }
      return (
        checkVersion(state, "agents", event.agent.id, event.ifVersion) ??
        (own(state.agents, event.agent.id) ? null : capReached(state.agents, limits, "maxAgents", "agent"))
      );
    }
    case "agent.removed":
    case "group.removed":
    case "queue.removed":
    case "group.members_changed":
      return checkDirectoryEvent(state, event);
    case "agent.presence_changed":
    case "agent.push_token_changed":
      return knownAgent(state, event.agentId);
    case "agent.manual_status_set":
      if (!isManualStatus(event.status)) {
        return reject("INVALID", `status "${String(event.status)}" is not a manual status`);
      }
      return knownAgent(state, event.agentId);
    case "agent.system_status_reported": {
      // Any whole number PCC reports is kept as reported; only 1 is free (eligibility.ts).
      if (!Number.isSafeInteger(event.systemStatus)) {
        return reject("INVALID", `systemStatus ${String(event.systemStatus)} is not a whole number`);
      }
      const agent = own(state.agents, event.agentId);
      if (!agent) return reject("UNKNOWN_AGENT", `agent "${event.agentId}" does not exist`);
      if (hasTrackedCall(agent)) {
        return reject(
          "CONFLICT",
          `agent "${event.agentId}" has a call Callboard tracks; its system status follows that call`,
        );
      }
      return null;
    }
    case "group.upserted":
      return (
        checkGroup(state, event.group) ??
        checkVersion(state, "groups", event.group.id, event.ifVersion) ??
        (own(state.groups, event.group.id) ? null : capReached(state.groups, limits, "maxGroups", "group"))
      );
    case "queue.upserted":
      return (
        checkQueue(state, event.queue) ??
        checkVersion(state, "queues", event.queue.id, event.ifVersion) ??
        (own(state.queues, event.queue.id) ? null : capReached(state.queues, limits, "maxQueues", "queue"))
      );
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
      if (call.status === CallStatus.RINGING && call.ringing.includes(event.agentId)) return null;
      // A late answer: the offer to this agent timed out a moment before the agent picked up (a
      // phone network rings on after Callboard's timer). While the call is still in the queue and
      // the agent holds nothing else, the answer stands.
      const agent = own(state.agents, event.agentId);
      const lateAnswer =
        call.status !== CallStatus.TALKING &&
        call.missedBy.includes(event.agentId) &&
        agent !== undefined &&
        agent.ringingCallId === null &&
        agent.activeCallId === null &&
        agent.wrapUpUntil === null;
      return lateAnswer
        ? null
        : reject("CONFLICT", `call "${event.callId}" is not ringing agent "${event.agentId}"`);
    }
    case "call.declined": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      return call.status === CallStatus.RINGING && call.ringing.includes(event.agentId)
        ? null
        : reject("CONFLICT", `call "${event.callId}" is not ringing agent "${event.agentId}"`);
    }
    case "call.ended":
      if (event.talkSec !== undefined && !(Number.isFinite(event.talkSec) && event.talkSec >= 0)) {
        return reject("INVALID", `talkSec ${String(event.talkSec)} is not a number of seconds`);
      }
      return own(state.calls, event.callId) ? null : unknownCall(event.callId);
    case "call.abandoned": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (call.status === CallStatus.TALKING) {
        return reject("CONFLICT", `call "${event.callId}" was answered; end it instead of abandoning it`);
      }
      return null;
    }
    case "call.queued": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      return call.admitted ? reject("CONFLICT", `call "${event.callId}" is already queued`) : null;
    }
    case "call.finished": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      return call.status === CallStatus.TALKING
        ? reject("CONFLICT", `call "${event.callId}" is being answered`)
        : null;
    }
    case "call.offered": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      if (!call.admitted || call.status !== CallStatus.WAITING) {
        return reject("CONFLICT", `call "${event.callId}" is not waiting`);
      }
      if (event.agentIds.length === 0) return reject("INVALID", "an offer needs at least one agent");
      for (const id of event.agentIds) {
        const agent = own(state.agents, id);
        if (!agent) return reject("UNKNOWN_AGENT", `agent "${id}" does not exist`);
        if (agent.ringingCallId !== null || agent.activeCallId !== null) {
          return reject("CONFLICT", `agent "${id}" already holds a call`);
        }
      }
      return null;
    }
    case "call.offer_ended": {
      const call = own(state.calls, event.callId);
      if (!call) return unknownCall(event.callId);
      const stray = event.agentIds.find((id) => !call.ringing.includes(id));
      if (call.status !== CallStatus.RINGING || event.agentIds.length === 0 || stray !== undefined) {
        return reject("CONFLICT", `call "${event.callId}" is not ringing agent "${stray ?? "?"}"`);
      }
      return null;
    }
    case "agent.wrap_up_ended": {
      const agent = own(state.agents, event.agentId);
      if (!agent) return reject("UNKNOWN_AGENT", `agent "${event.agentId}" does not exist`);
      return agent.wrapUpUntil === null
        ? reject("CONFLICT", `agent "${event.agentId}" is not in wrap-up`)
        : null;
    }
  }
}

function checkGroup(state: CenterState, group: GroupConfig): Rejection | null {
  const bad = badId("group.id", group.id);
  if (bad) return bad;
  const unknown = group.members.find((id) => !own(state.agents, id));
  if (unknown !== undefined) return reject("UNKNOWN_AGENT", `group member "${unknown}" does not exist`);
  if (new Set(group.members).size !== group.members.length) {
    return reject("INVALID", "group.members lists an agent twice");
  }
  return null;
}

const finiteAtLeast = (value: number, min: number) => Number.isFinite(value) && value >= min;

function checkQueue(state: CenterState, given: QueueConfig): Rejection | null {
  // An input without the KPI settings (an untyped caller) is folded with their defaults: check those.
  const queue = withQueueDefaults(given);
  const bad = badId("queue.id", queue.id);
  if (bad) return bad;
  if (queue.groups.length === 0) return reject("INVALID", "queue.groups must name at least one group");
  const ids = queue.groups.map((g) => g.groupId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) return reject("INVALID", `queue.groups assigns group "${twice}" twice`);
  const unknown = ids.find((id) => !own(state.groups, id));
  if (unknown !== undefined) return reject("UNKNOWN_GROUP", `group "${unknown}" does not exist`);
  if (!(STRATEGIES as readonly string[]).includes(queue.strategy)) {
    return reject("INVALID", `queue.strategy "${queue.strategy}" is not one of ${STRATEGIES.join(", ")}`);
  }
  if (!finiteAtLeast(queue.waitAgentAnswerTimeout, MIN_ANSWER_TIMEOUT_SEC)) {
    return reject(
      "INVALID",
      `queue.waitAgentAnswerTimeout must be at least ${MIN_ANSWER_TIMEOUT_SEC} (got ${queue.waitAgentAnswerTimeout})`,
    );
  }
  for (const [field, value] of [
    ["wrapUpTimeLimit", queue.wrapUpTimeLimit],
    ["maximumQueueSize", queue.maximumQueueSize],
    ["maximumQueueWaitTime", queue.maximumQueueWaitTime],
    ["routeToBackupAfterSec", queue.routeToBackupAfterSec ?? 0],
    ["randomSeed", queue.randomSeed],
  ] as const) {
    if (!finiteAtLeast(value, 0)) return reject("INVALID", `queue.${field} must be 0 or more (got ${value})`);
  }
  if (queue.maxConsecutiveMisses !== null && !finiteAtLeast(queue.maxConsecutiveMisses, 1)) {
    return reject(
      "INVALID",
      `queue.maxConsecutiveMisses must be 1 or more, or null (got ${queue.maxConsecutiveMisses})`,
    );
  }
  const kpi = checkKpiSettings(queue);
  if (kpi) return kpi;
  const { schedule } = queue;
  if (schedule.kind !== "always" && schedule.kind !== "business-hours") {
    // Like an unknown strategy: accepted, it would make the next arrival throw inside the engine.
    const kind = String((schedule as { kind: unknown }).kind);
    return reject("INVALID", `queue.schedule.kind "${kind}" is not "always" or "business-hours"`);
  }
  if (schedule.kind === "business-hours") {
    if (!isKnownTimeZone(schedule.timeZone)) {
      return reject("INVALID", `queue.schedule.timeZone "${schedule.timeZone}" is not a known time zone`);
    }
    for (const h of schedule.hours) {
      if (!isClockTime(h.open) || !isClockTime(h.close) || h.open >= h.close) {
        return reject(
          "INVALID",
          `queue.schedule.hours "${h.open}–${h.close}" must be HH:MM to a later HH:MM`,
        );
      }
      if (h.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
        return reject("INVALID", "queue.schedule.hours days must be 0 (Sunday) to 6 (Saturday)");
      }
    }
  }
  return null;
}

function checkKpiSettings(queue: QueueConfig): Rejection | null {
  for (const [field, value] of [
    ["serviceLevelSec", queue.serviceLevelSec],
    ["shortAbandonSec", queue.shortAbandonSec],
    ["longestWaitAmberSec", queue.longestWaitAmberSec],
    ["longestWaitRedSec", queue.longestWaitRedSec],
  ] as const) {
    if (!finiteAtLeast(value, 0)) return reject("INVALID", `queue.${field} must be 0 or more (got ${value})`);
  }
  const target = queue.serviceLevelTarget;
  if (!finiteAtLeast(target, 1) || target > 100) {
    return reject("INVALID", `queue.serviceLevelTarget must be a percentage from 1 to 100 (got ${target})`);
  }
  const window = queue.kpiWindowMin;
  if (!Number.isInteger(window) || window < 1 || window > KPI_WINDOW_MIN_MAX) {
    return reject(
      "INVALID",
      `queue.kpiWindowMin must be a whole number of minutes from 1 to ${KPI_WINDOW_MIN_MAX} (got ${window})`,
    );
  }
  if (queue.longestWaitAmberSec > queue.longestWaitRedSec) {
    return reject(
      "INVALID",
      `queue.longestWaitAmberSec (${queue.longestWaitAmberSec}) must not be above queue.longestWaitRedSec (${queue.longestWaitRedSec})`,
    );
  }
  return null;
}

/** Refuses one more record in `container` when it already holds the cap's number (null = room left). */
function capReached(
  container: Record<string, unknown>,
  limits: CenterLimits,
  cap: keyof CenterLimits,
  what: string,
): Rejection | null {
  const max = limits[cap];
  if (recordCount(container) < max) return null;
  const things = max === 1 ? what : `${what}s`;
  return reject("CONFLICT", `the center already has ${max} ${things} (${LIMIT_SETTING[cap]})`);
}

function knownAgent(state: CenterState, agentId: string): Rejection | null {
  return own(state.agents, agentId) ? null : reject("UNKNOWN_AGENT", `agent "${agentId}" does not exist`);
}

function unknownCall(callId: string): Rejection {
  return reject("UNKNOWN_CALL", `call "${callId}" is not in the center (never arrived or already over)`);
}
