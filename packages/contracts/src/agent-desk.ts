import type { AgentDayFigures } from "@callboard/kpi";
import {
  type AgentProfile,
  type CenterState,
  candidatesOf,
  type Decision,
  type ManualStatus,
  onlineSignals,
  own,
  type PresenceSignal,
  type Strategy,
  type SystemStatus,
} from "@callboard/routing";
import { z } from "zod";
import { callIdSchema, manualStatusSchema } from "./domain-schemas.ts";

/**
 * The agent desk (`/agent`): what one agent's own page sends and receives. An agent's inputs never
 * name an agent — the server takes it from the session (Me.agentId) — so an agent can act only as
 * itself, and its view carries its own record, its offer and its call: never the rest of the center.
 */

/** One browser tab's softphone: random, made by the page; the server lets one per agent ring. */
export const deviceIdSchema = z
  .string({ error: "must be a string" })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, - or _");

export const deskStatusSchema = z.strictObject({ status: manualStatusSchema });
export type DeskStatusInput = z.infer<typeof deskStatusSchema>;

/** Answer, decline or hang up a call, from the tab that holds the softphone. */
export const deskCallSchema = z.strictObject({ callId: callIdSchema, deviceId: deviceIdSchema });
export type DeskCallInput = z.infer<typeof deskCallSchema>;

/**
 * The page's presence: online while open (repeated every DESK_HEARTBEAT_MS), offline when it closes.
 * `takeOver` moves the softphone to this tab when another one holds it.
 */
export const deskPresenceSchema = z.strictObject({
  deviceId: deviceIdSchema,
  online: z.boolean({ error: "must be true or false" }),
  takeOver: z.boolean({ error: "must be true or false" }).optional(),
});
export type DeskPresenceInput = z.infer<typeof deskPresenceSchema>;

/** The page repeats "online" this often; DESK_PRESENCE_TTL_MS of silence logs the agent out. */
export const DESK_HEARTBEAT_MS = 15_000;
export const DESK_PRESENCE_TTL_MS = 45_000;

/** What the server answers a presence report with: whether this tab holds the softphone. */
export interface DeskPresenceResult {
  online: boolean;
  /** True when this tab rings and may answer; false when another tab of the agent holds the softphone. */
  holdsSoftphone: boolean;
}

/** Stringee mode: the client token the page's SDK connects with, and when to get the next one. */
export interface DeskToken {
  token: string;
  /** When PCC stops accepting it (ms since epoch). */
  expiresAt: number;
  /** Ask for a new one at this time (well before expiresAt), or sooner on the SDK's requestnewtoken. */
  renewAt: number;
}

export const agentSubscribeSchema = z.strictObject({ protocol: z.number().int().min(0) });
export type AgentSubscribeInput = z.infer<typeof agentSubscribeSchema>;

/** The call ringing the agent, and why the agent was chosen for it. */
export interface DeskOffer {
  callId: string;
  from: string;
  queueId: string;
  queueName: string;
  arrivedAt: number;
  expiresAt: number | null;
  /** Why this agent: its own row of the decision, as facts the page words in the viewer's language; null when the decision is gone. */
  why: DeskWhy | null;
}

/**
 * The facts of a decision that concern one agent: how the strategy ordered the agents who could ring
 * and where this one stood. Data, not a sentence: the page says it in the agent's language
 * (apps/web's desk.why messages), e.g. "longest-idle — free since (earliest first): 1st of 3 who could ring".
 */
export interface DeskWhy {
  strategy: Strategy;
  /** This agent's place among those who could ring (1 = first); null when it was rung without a rank. */
  rank: number | null;
  /** How many agents could ring (the ranked pool). */
  pool: number;
  /** Rung from one of the queue's backup groups. */
  backup: boolean;
  /** The agent had already missed this call (so it went after everyone who had not). */
  missedThisCall: boolean;
}

/** The call the agent is talking on. */
export interface DeskCall {
  callId: string;
  from: string;
  queueId: string;
  queueName: string;
  answeredAt: number;
}

/** Who last set the agent's manual status, and why (a supervisor, the agent, the miss rule). */
export interface StatusNote {
  status: ManualStatus;
  at: number;
  by: string;
  why: string | null;
}

/** Everything the agent's own page shows, sent on subscribe and whenever it changes. */
export interface AgentDeskView {
  serverTime: number;
  agent: AgentProfile & {
    manualStatus: ManualStatus;
    systemStatus: SystemStatus;
    online: PresenceSignal[];
    wrapUpUntil: number | null;
    answeredCalls: number;
    missedOffers: number;
  };
  offer: DeskOffer | null;
  call: DeskCall | null;
  today: AgentDayFigures | null;
  statusNote: StatusNote | null;
  /** "standalone": Callboard's own softphone; "stringee": PCC rings the page's Stringee SDK. */
  telephony: "standalone" | "stringee";
  /** Stringee mode: what a SIP phone registers as for this agent; null in standalone mode. */
  sip: { registrar: string; username: string } | null;
}

/** The answer to agent:subscribe. */
export type AgentSubscribeResult =
  | { ok: true; data: AgentDeskView }
  | { ok: false; error: string; incompatible?: true };

/**
 * The row of a decision that concerns `agentId`, for the agent's own page. Only this agent's row is
 * read; nothing in it names another agent.
 * @example deskWhyFor(d, "lan") → { strategy: "longest-idle", rank: 1, pool: 3, backup: false, missedThisCall: false }
 */
export function deskWhyFor(decision: Decision, agentId: string): DeskWhy {
  const row = candidatesOf(decision).find((c) => c.agentId === agentId);
  return {
    strategy: decision.strategy,
    rank: row?.rank ?? null,
    pool: decision.table.ranked.length,
    backup: row?.tier === "backup",
    missedThisCall: row?.missedThisCall ?? false,
  };
}

/**
 * The desk view of `agentId` at `now`, from the center's state; null when the agent does not exist.
 * Pure: the server adds the day's figures and the status note it keeps beside the state.
 */
export function agentDeskView(
  state: CenterState,
  agentId: string,
  now: number,
  extras: Pick<AgentDeskView, "today" | "statusNote" | "telephony" | "sip">,
): AgentDeskView | null {
  const agent = own(state.agents, agentId);
  if (!agent) return null;
  const queueName = (queueId: string) => own(state.queues, queueId)?.name ?? queueId;
  let offer: DeskOffer | null = null;
  const ringing = agent.ringingCallId === null ? undefined : own(state.calls, agent.ringingCallId);
  if (ringing) {
    const decision = state.decisions.find((d) => d.callId === ringing.id && d.agentIds.includes(agentId));
    offer = {
      callId: ringing.id,
      from: ringing.from,
      queueId: ringing.queueId,
      queueName: queueName(ringing.queueId),
      arrivedAt: ringing.arrivedAt,
      expiresAt: ringing.offerExpiresAt,
      why: decision ? deskWhyFor(decision, agentId) : null,
    };
  }
  const talking = agent.activeCallId === null ? undefined : own(state.calls, agent.activeCallId);
  const call: DeskCall | null = talking
    ? {
        callId: talking.id,
        from: talking.from,
        queueId: talking.queueId,
        queueName: queueName(talking.queueId),
        answeredAt: talking.answeredAt ?? now,
      }
    : null;
  return {
    serverTime: now,
    agent: {
      id: agent.id,
      name: agent.name,
      phoneNumber: agent.phoneNumber,
      routingType: agent.routingType,
      manualStatus: agent.manualStatus,
      systemStatus: agent.systemStatus,
      online: onlineSignals(agent),
      wrapUpUntil: agent.wrapUpUntil,
      answeredCalls: agent.answeredCalls,
      missedOffers: agent.missedOffers,
    },
    offer,
    call,
    ...extras,
  };
}
