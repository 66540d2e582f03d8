import type { ManualStatus } from "./manual-status.ts";

/** Which device PCC rings for an agent: 1 = App/Web/SIP phone, 2 = the agent's phone number (carrier charges). */
export const RoutingType = { APP: 1, PHONE: 2 } as const;
export type RoutingType = (typeof RoutingType)[keyof typeof RoutingType];

/**
 * PCC's system status: set by call events only, never by a person. 1 = free, 0 = on a call — the two
 * values Callboard's engine sets. PCC may report other numbers (2 = after-call work, UNCONFIRMED):
 * they are kept as reported, shown as such, and are not free — the rule is `=== 1`, nothing else.
 */
export const SystemStatus = { ON_CALL: 0, FREE: 1 } as const;
/** A whole number as PCC reports it (see SystemStatus): only 1 is free. */
export type SystemStatus = number;

/** The three signals PCC accepts as "online"; any one is enough. */
export interface Presence {
  /** Logged in on the App or Web client right now. */
  app: boolean;
  /** Push-notification device tokens registered after an App login (iOS/Android), oldest first, at most PUSH_TOKENS_PER_AGENT. */
  pushTokens: string[];
  /** A SIP phone registered at v2.stringee.com:15060 as projectId_userId. */
  sip: boolean;
}

/** The profile an operator (or PCC sync) controls. */
export interface AgentProfile {
  /** The agent's stringee_user_id, also the `userId` of its access token; Callboard's agent id. */
  id: string;
  name: string;
  /**
   * The number PCC rings for routing type 2, as configured; null when not configured. PCC only needs
   * one configured (non-empty); it wants country code first (isValidPhoneNumber), and a number in
   * another form is kept and flagged, not dropped.
   */
  phoneNumber: string | null;
  routingType: RoutingType;
}

/** An agent as the engine sees it: profile, statuses, presence and the engine's own holds. */
export interface Agent extends AgentProfile {
  manualStatus: ManualStatus;
  /** As PCC reported it, or as Callboard's tracked call set it (0/1); only 1 is free. */
  systemStatus: SystemStatus;
  presence: Presence;
  /** When the agent's visible state (statuses, presence, ringing) last changed, ms since epoch. */
  since: number;
  /** When the agent last became free (wrap-up over, or created): the longest-idle ordering key. */
  idleSince: number;
  /** While set, the agent is in after-call work until this time (system status stays 0). */
  wrapUpUntil: number | null;
  /** The call currently ringing this agent; a reserved agent gets no other offer. */
  ringingCallId: string | null;
  /** The call this agent is talking on. */
  activeCallId: string | null;
  answeredCalls: number;
  missedOffers: number;
  /** Offers missed in a row; an answer resets it. Queues may set an agent NOT_AVAILABLE after N. */
  consecutiveMisses: number;
  /** Total time on answered calls, ms: the least-talk-time ordering key. */
  talkTimeMs: number;
}

/**
 * True while Callboard tracks a call of the agent — ringing, talking or in its after-call work — so
 * the agent's system status follows that call, not PCC's reports.
 */
export function hasTrackedCall(
  agent: Pick<Agent, "activeCallId" | "ringingCallId" | "wrapUpUntil">,
): boolean {
  return agent.activeCallId !== null || agent.ringingCallId !== null || agent.wrapUpUntil !== null;
}

/** An agent as it enters the center at `at`: Not available, free, offline, no history. */
export function newAgent(profile: AgentProfile, at: number): Agent {
  return {
    ...profile,
    manualStatus: "NOT_AVAILABLE",
    systemStatus: SystemStatus.FREE,
    presence: { app: false, pushTokens: [], sip: false },
    since: at,
    idleSince: at,
    wrapUpUntil: null,
    ringingCallId: null,
    activeCallId: null,
    answeredCalls: 0,
    missedOffers: 0,
    consecutiveMisses: 0,
    talkTimeMs: 0,
  };
}
