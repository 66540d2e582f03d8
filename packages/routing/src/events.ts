import type { AgentProfile } from "./agent.ts";
import type { Decision } from "./decision.ts";
import type { ManualStatus } from "./manual-status.ts";
import type { QueueConfig } from "./queue.ts";

/** Events that come from outside the core: operators, agents' clients, PCC, the simulator. */
export type InputEvent =
  | { type: "agent.upserted"; agent: AgentProfile }
  | { type: "agent.presence_changed"; agentId: string; signal: "app" | "sip"; online: boolean }
  | { type: "agent.push_token_changed"; agentId: string; token: string; registered: boolean }
  | { type: "agent.manual_status_set"; agentId: string; status: ManualStatus }
  | { type: "queue.upserted"; queue: QueueConfig }
  | { type: "call.arrived"; callId: string; queueId: string; from: string }
  | { type: "call.answered"; callId: string; agentId: string }
  | { type: "call.ended"; callId: string }
  | { type: "call.abandoned"; callId: string };

/** Events the engine derives from state and the clock; logged like inputs so replay needs no re-deciding. */
export type EngineEvent =
  | { type: "call.offered"; callId: string; agentId: string; expiresAt: number; decision: Decision }
  | {
      type: "call.offer_ended";
      callId: string;
      agentId: string;
      reason: OfferEndReason;
    };

export const OfferEndReason = {
  /** The agent did not answer within the queue's answer timeout. */
  TIMEOUT: "TIMEOUT",
  /** The agent stopped being eligible while ringing (went on a break, offline, …). */
  AGENT_UNAVAILABLE: "AGENT_UNAVAILABLE",
} as const;
export type OfferEndReason = (typeof OfferEndReason)[keyof typeof OfferEndReason];

export type DomainEvent = InputEvent | EngineEvent;
export type DomainEventType = DomainEvent["type"];

/** An event as stored in the log: its position and the time the core accepted it. */
export type LoggedEvent = DomainEvent & { seq: number; at: number };

export const INPUT_EVENT_TYPES = [
  "agent.upserted",
  "agent.presence_changed",
  "agent.push_token_changed",
  "agent.manual_status_set",
  "queue.upserted",
  "call.arrived",
  "call.answered",
  "call.ended",
  "call.abandoned",
] as const satisfies readonly InputEvent["type"][];

/** The agent and call an event concerns, for indexing the log. */
export function eventSubjects(event: DomainEvent): { agentId: string | null; callId: string | null } {
  switch (event.type) {
    case "agent.upserted":
      return { agentId: event.agent.id, callId: null };
    case "agent.presence_changed":
    case "agent.push_token_changed":
    case "agent.manual_status_set":
      return { agentId: event.agentId, callId: null };
    case "queue.upserted":
      return { agentId: null, callId: null };
    case "call.arrived":
    case "call.ended":
    case "call.abandoned":
      return { agentId: null, callId: event.callId };
    case "call.answered":
    case "call.offered":
    case "call.offer_ended":
      return { agentId: event.agentId, callId: event.callId };
  }
}
