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
  // The engine's holds (wrap-up, reservation) cleared: what is left is PCC's rule alone.
  return reasonsOf(reasonMask({ ...agent, wrapUpUntil: null, ringingCallId: null }));
}

/**
 * PCC's rule, exactly: system status 1 AND manual status AVAILABLE AND
 * ((routing type 1 AND online) OR (routing type 2 AND a phone number configured)).
 */
export function isEligible(agent: RuleInput): boolean {
  // The same rule as pccReasons, without building the list: this runs for every candidate of every decision.
  if (agent.systemStatus !== SystemStatus.FREE || agent.manualStatus !== AVAILABLE) return false;
  if (agent.routingType === RoutingType.APP) return isOnline(agent);
  return agent.routingType !== RoutingType.PHONE || Boolean(agent.phoneNumber);
}

type HoldInput = RuleInput & Pick<Agent, "ringingCallId" | "wrapUpUntil">;

/** One bit per Reason, in the order explain() lists them: a reason set stored in one small integer. */
export const REASON_BIT: Record<Reason, number> = {
  ON_CALL: 1,
  WRAP_UP: 2,
  MANUAL_NOT_AVAILABLE: 4,
  OFFLINE: 8,
  NO_PHONE_NUMBER: 16,
  RESERVED: 32,
};
const REASON_ORDER = Object.keys(REASON_BIT) as Reason[];

/**
 * Every reason a call cannot ring this agent now as a bit set (0 = can ring), without allocating:
 * decisions record it for every candidate. PCC's rule, except that system status 0 during
 * after-call work reads WRAP_UP rather than ON_CALL, plus RESERVED while ringing.
 */
export function reasonMask(agent: HoldInput): number {
  let mask = 0;
  if (agent.systemStatus !== SystemStatus.FREE) mask |= agent.wrapUpUntil === null ? 1 : 2;
  if (agent.manualStatus !== AVAILABLE) mask |= 4;
  if (agent.routingType === RoutingType.APP && !isOnline(agent)) mask |= 8;
  if (agent.routingType === RoutingType.PHONE && !agent.phoneNumber) mask |= 16;
  if (agent.ringingCallId !== null) mask |= 32;
  return mask;
}

/** The reasons in a bit set from reasonMask, in explain()'s order. */
export function reasonsOf(mask: number): Reason[] {
  return REASON_ORDER.filter((reason) => (mask & REASON_BIT[reason]) !== 0);
}

/** Every reason a call cannot ring this agent now; empty = can ring. */
export function explain(agent: HoldInput): Reason[] {
  return reasonsOf(reasonMask(agent));
}

/** True when the engine may offer a call to this agent right now. */
export function canRing(agent: HoldInput): boolean {
  // Equivalent to explain(agent).length === 0 (tested over every input), with no work past the first "no".
  return agent.ringingCallId === null && isEligible(agent);
}
