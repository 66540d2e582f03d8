import { type Agent, RoutingType, SystemStatus } from "./agent.ts";
import { AVAILABLE } from "./manual-status.ts";
import { isOnline } from "./presence.ts";

/** Why an agent cannot ring. ON_CALL … NO_PHONE_NUMBER are PCC's rule; WRAP_UP and RESERVED are the engine's holds. */
export const Reason = {
  ON_CALL: "ON_CALL",
  WRAP_UP: "WRAP_UP",
  MANUAL_NOT_AVAILABLE: "MANUAL_NOT_AVAILABLE",
  OFFLINE: "OFFLINE",
  NO_PHONE_NUMBER: "NO_PHONE_NUMBER",
  RESERVED: "RESERVED",
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

export const REASON_TEXT: Record<Reason, string> = {
  ON_CALL: "on a call (system status 0)",
  WRAP_UP: "in after-call work (system status 0 until wrap-up ends)",
  MANUAL_NOT_AVAILABLE: "manual status is not Available",
  OFFLINE: "rings App/Web/SIP but is offline (no login, push token or SIP phone)",
  NO_PHONE_NUMBER: "rings a phone number but none is configured",
  RESERVED: "already ringing for another call",
};

type RuleInput = Pick<Agent, "systemStatus" | "manualStatus" | "routingType" | "presence" | "phoneNumber">;

/** Every PCC rule the agent fails, in a fixed order; empty means PCC would ring this agent. */
export function pccReasons(agent: RuleInput): Reason[] {
  const reasons: Reason[] = [];
  if (agent.systemStatus !== SystemStatus.FREE) reasons.push(Reason.ON_CALL);
  if (agent.manualStatus !== AVAILABLE) reasons.push(Reason.MANUAL_NOT_AVAILABLE);
  if (agent.routingType === RoutingType.APP && !isOnline(agent)) reasons.push(Reason.OFFLINE);
  if (agent.routingType === RoutingType.PHONE && !agent.phoneNumber) {
    reasons.push(Reason.NO_PHONE_NUMBER);
  }
  return reasons;
}

/**
 * PCC's rule, exactly: system status 1 AND manual status AVAILABLE AND
 * ((routing type 1 AND online) OR (routing type 2 AND a phone number configured)).
 */
export function isEligible(agent: RuleInput): boolean {
  // The same rule as pccReasons, without building the list: this runs for every candidate of every decision.
  if (agent.systemStatus !== SystemStatus.FREE || agent.manualStatus !== AVAILABLE) return false;
  if (agent.routingType === RoutingType.APP) {
    const { app, pushTokens, sip } = agent.presence;
    return app || pushTokens.length > 0 || sip;
  }
  return agent.routingType !== RoutingType.PHONE || Boolean(agent.phoneNumber);
}

type HoldInput = RuleInput & Pick<Agent, "ringingCallId" | "wrapUpUntil">;

/**
 * Every reason a call cannot ring this agent now; empty = can ring. PCC's rule, except that system
 * status 0 during after-call work reads WRAP_UP rather than ON_CALL, plus RESERVED while ringing.
 */
export function explain(agent: HoldInput): Reason[] {
  const reasons = pccReasons(agent);
  if (agent.wrapUpUntil !== null) {
    const i = reasons.indexOf(Reason.ON_CALL);
    if (i >= 0) reasons[i] = Reason.WRAP_UP;
  }
  if (agent.ringingCallId !== null) reasons.push(Reason.RESERVED);
  return reasons;
}

/** True when the engine may offer a call to this agent right now. */
export function canRing(agent: HoldInput): boolean {
  // Equivalent to explain(agent).length === 0 (tested over every input), without allocating.
  return agent.ringingCallId === null && isEligible(agent);
}
