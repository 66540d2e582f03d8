import { type Agent, RoutingType, SystemStatus } from "./agent.ts";
import { AVAILABLE } from "./manual-status.ts";
import { isOnline } from "./presence.ts";

/**
 * Why an agent cannot ring. ON_CALL … UNKNOWN_ROUTING_TYPE are PCC's rule (read fail-closed: what is
 * not exactly "free" or a known routing type does not ring); WRAP_UP and RESERVED are the engine's holds.
 */
export const Reason = {
  ON_CALL: "ON_CALL",
  WRAP_UP: "WRAP_UP",
  SYSTEM_STATUS_OTHER: "SYSTEM_STATUS_OTHER",
  MANUAL_NOT_AVAILABLE: "MANUAL_NOT_AVAILABLE",
  OFFLINE: "OFFLINE",
  NO_PHONE_NUMBER: "NO_PHONE_NUMBER",
  UNKNOWN_ROUTING_TYPE: "UNKNOWN_ROUTING_TYPE",
  RESERVED: "RESERVED",
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

export const REASON_TEXT: Record<Reason, string> = {
  ON_CALL: "on a call (system status 0)",
  WRAP_UP: "in after-call work (system status 0 until wrap-up ends)",
  SYSTEM_STATUS_OTHER: "system status reported by PCC is neither 0 nor 1: not free",
  MANUAL_NOT_AVAILABLE: "manual status is not Available",
  OFFLINE: "rings App/Web/SIP but is offline (no login, push token or SIP phone)",
  NO_PHONE_NUMBER: "rings a phone number but none is configured",
  UNKNOWN_ROUTING_TYPE: "routing type is neither 1 (App/Web/SIP) nor 2 (phone number): never rung",
  RESERVED: "already ringing for another call",
};

/**
 * REASON_TEXT with the agent's own values where they matter:
 * @example reasonText("SYSTEM_STATUS_OTHER", { systemStatus: 2, routingType: 1 }) // "system status 2 reported by PCC: not free"
 */
export function reasonText(reason: Reason, agent: Pick<Agent, "systemStatus" | "routingType">): string {
  if (reason === Reason.SYSTEM_STATUS_OTHER) {
    return `system status ${String(agent.systemStatus)} reported by PCC: not free`;
  }
  if (reason === Reason.UNKNOWN_ROUTING_TYPE) {
    return `routing type ${String(agent.routingType)} is neither 1 (App/Web/SIP) nor 2 (phone number): never rung`;
  }
  return REASON_TEXT[reason];
}

type RuleInput = Pick<Agent, "systemStatus" | "manualStatus" | "routingType" | "presence" | "phoneNumber">;

/** Every PCC rule the agent fails, in a fixed order; empty means PCC would ring this agent. */
export function pccReasons(agent: RuleInput): Reason[] {
  // The engine's holds (wrap-up, reservation) cleared: what is left is PCC's rule alone.
  return reasonsOf(reasonMask({ ...agent, wrapUpUntil: null, ringingCallId: null }));
}

/**
 * PCC's rule, exactly, failing closed: system status 1 (nothing else is free) AND manual status
 * AVAILABLE AND ((routing type 1 AND online) OR (routing type 2 AND a phone number configured)). Any
 * other routing type never rings.
 */
export function isEligible(agent: RuleInput): boolean {
  // The same rule as pccReasons, without building the list: this runs for every candidate of every decision.
  if (agent.systemStatus !== SystemStatus.FREE || agent.manualStatus !== AVAILABLE) return false;
  if (agent.routingType === RoutingType.APP) return isOnline(agent);
  if (agent.routingType === RoutingType.PHONE) return Boolean(agent.phoneNumber);
  return false;
}

type HoldInput = RuleInput & Pick<Agent, "ringingCallId" | "wrapUpUntil">;

/** One bit per Reason, in the order explain() lists them: a reason set stored in one small integer. */
// Listed in explain()'s order. The bits are stored in logged decisions (candidate tables), so a bit
// never changes meaning: later reasons take bits above the packed facts (candidate-table.ts).
export const REASON_BIT: Record<Reason, number> = {
  ON_CALL: 1,
  WRAP_UP: 2,
  SYSTEM_STATUS_OTHER: 1 << 16,
  MANUAL_NOT_AVAILABLE: 4,
  OFFLINE: 8,
  NO_PHONE_NUMBER: 16,
  UNKNOWN_ROUTING_TYPE: 1 << 17,
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
  const { systemStatus, routingType } = agent;
  if (systemStatus !== SystemStatus.FREE) {
    if (agent.wrapUpUntil !== null) mask |= REASON_BIT.WRAP_UP;
    else mask |= systemStatus === SystemStatus.ON_CALL ? REASON_BIT.ON_CALL : REASON_BIT.SYSTEM_STATUS_OTHER;
  }
  if (agent.manualStatus !== AVAILABLE) mask |= REASON_BIT.MANUAL_NOT_AVAILABLE;
  if (routingType === RoutingType.APP) {
    if (!isOnline(agent)) mask |= REASON_BIT.OFFLINE;
  } else if (routingType === RoutingType.PHONE) {
    if (!agent.phoneNumber) mask |= REASON_BIT.NO_PHONE_NUMBER;
  } else {
    mask |= REASON_BIT.UNKNOWN_ROUTING_TYPE;
  }
  if (agent.ringingCallId !== null) mask |= REASON_BIT.RESERVED;
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
