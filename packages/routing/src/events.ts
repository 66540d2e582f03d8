import type { AgentProfile, SystemStatus } from "./agent.ts";
import type { CallOutcome } from "./call.ts";
import type { Decision } from "./decision.ts";
import type { GroupConfig } from "./group.ts";
import type { ManualStatus } from "./manual-status.ts";
import type { QueueConfig } from "./queue.ts";

/** Events that come from outside the core: operators, agents' clients, PCC, the simulator. */
export type InputEvent =
  | {
      type: "agent.upserted";
      agent: AgentProfile;
      /** The manual status a new agent starts in (NOT_AVAILABLE when absent); ignored for an existing one. */
      initialManualStatus?: ManualStatus;
      /** Optimistic concurrency (see RecordVersions): 0 = create only; N = the agent must be at version N. */
      ifVersion?: number;
    }
  /** An agent leaves the center and every group; refused while it has a call Callboard tracks. */
  | { type: "agent.removed"; agentId: string; ifVersion?: number }
  | { type: "agent.presence_changed"; agentId: string; signal: "app" | "sip"; online: boolean }
  | { type: "agent.push_token_changed"; agentId: string; token: string; registered: boolean }
  | { type: "agent.manual_status_set"; agentId: string; status: ManualStatus }
  /**
   * PCC's own system status for an agent (Stringee mode: synced from /v1/agent), for calls Callboard
   * does not see — an outbound call, a call from another queue. Refused while Callboard tracks a call
   * of that agent: its own call events are the better source then.
   */
  | { type: "agent.system_status_reported"; agentId: string; systemStatus: SystemStatus }
  | { type: "group.upserted"; group: GroupConfig; ifVersion?: number }
  /**
   * Members added to and removed from one or more groups at once — a bulk edit, or an agent moved
   * from one group to another — as one event, so no board ever sees half of it. Adding a member
   * already in the group, or removing one who is not, changes nothing.
   */
  | { type: "group.members_changed"; changes: GroupMemberChange[] }
  /** A group leaves the center; refused while a queue routes to it. */
  | { type: "group.removed"; groupId: string; ifVersion?: number }
  | { type: "queue.upserted"; queue: QueueConfig; ifVersion?: number }
  /** A queue leaves the center; refused while it holds calls. */
  | { type: "queue.removed"; queueId: string; ifVersion?: number }
  | { type: "call.arrived"; callId: string; queueId: string; from: string }
  | { type: "call.answered"; callId: string; agentId: string }
  /**
   * A ringing agent turned the call down (the softphone's Reject, SIP 486): that agent's offer ends
   * as a miss at once, and the call goes back to waiting for the next decision.
   */
  | { type: "call.declined"; callId: string; agentId: string }
  | {
      type: "call.ended";
      callId: string;
      /** Talk time the telephony measured (PCC's answerDuration); otherwise answer to end on Callboard's clock. */
      talkSec?: number;
      /** Why the call ended, as the telephony said it (e.g. "486 Busy Here"); shown on the timeline. */
      cause?: string;
      /**
       * The telephony says the call was answered, though Callboard could not tell by whom (PCC's
       * events name no agent): a call not known as answered then ends as answered, not abandoned.
       */
      answered?: boolean;
    }
  | { type: "call.abandoned"; callId: string };

/** One group's part of a group.members_changed: new members go to the end, in the order given. */
export interface GroupMemberChange {
  groupId: string;
  add: string[];
  remove: string[];
}

export const OfferEndReason = {
  /** Nobody answered within the queue's answer timeout. */
  TIMEOUT: "TIMEOUT",
  /** The agent stopped being eligible while ringing (went on a break, offline, …). */
  AGENT_UNAVAILABLE: "AGENT_UNAVAILABLE",
} as const;
export type OfferEndReason = (typeof OfferEndReason)[keyof typeof OfferEndReason];

/** Outcomes the engine decides by itself (answered and abandoned come from outside). */
export type EngineOutcome = Extract<CallOutcome, "rejected" | "timed_out" | "closed">;

/**
 * Events the engine derives from state and the clock; logged like inputs so that recovery and the
 * browser only fold, never decide.
 */
export type EngineEvent =
  /** The call passed admission (schedule open, queue not full) and now waits at `position`. */
  | { type: "call.queued"; callId: string; position: number }
  | { type: "call.finished"; callId: string; outcome: EngineOutcome; reason: string }
  | { type: "call.offered"; callId: string; agentIds: string[]; expiresAt: number; decision: Decision }
  | {
      type: "call.offer_ended";
      callId: string;
      agentIds: string[];
      reason: OfferEndReason;
      /** Agents set NOT_AVAILABLE because this miss reached the queue's maxConsecutiveMisses. */
      autoNotAvailable: string[];
    }
  | { type: "agent.wrap_up_ended"; agentId: string };

export type DomainEvent = InputEvent | EngineEvent;

/**
 * The version of the event shapes above. Bump it when a logged event changes shape; a log written
 * in another format is refused at boot instead of being folded wrongly.
 */
export const EVENT_FORMAT = 3;

/** An event as stored in the log: its position and the time the core accepted it. */
export type LoggedEvent = DomainEvent & { seq: number; at: number };

export const INPUT_EVENT_TYPES = [
  "agent.upserted",
  "agent.removed",
  "agent.presence_changed",
  "agent.push_token_changed",
  "agent.manual_status_set",
  "agent.system_status_reported",
  "group.upserted",
  "group.members_changed",
  "group.removed",
  "queue.upserted",
  "queue.removed",
  "call.arrived",
  "call.answered",
  "call.declined",
  "call.ended",
  "call.abandoned",
] as const satisfies readonly InputEvent["type"][];

/**
 * How many of a decision's agents the log indexes per agent: "the decisions Minh was in" means the
 * ones he rang in or was among the best ranked for. The full candidate table stays in the event
 * (decisions.byCall); indexing every candidate cost one row per member of the queue per offer, and
 * indexing every agent a ring-all offer rang made most of the index (~15 rows per offer on average
 * in the seeded 10,000-agent center, where every other offer is ≤ 6).
 */
export const DECISION_INDEXED_RANKS = 5;

/**
 * The agents a decision is indexed under, each once: the first DECISION_INDEXED_RANKS of those rung
 * (ring-all rings its ranked pool in rank order, so these are its best), then the best ranked.
 */
export function decisionSubjects(decision: Decision): string[] {
  const { agentIds, ranked } = decision.table;
  const ids = new Set(decision.agentIds.slice(0, DECISION_INDEXED_RANKS));
  for (const i of ranked.slice(0, DECISION_INDEXED_RANKS)) ids.add(agentIds[i]!);
  return [...ids];
}

/** How the log files an event: who and which call it concerns, and what of it repeats. */
export interface EventSubjects {
  agentIds: string[];
  callId: string | null;
  /**
   * A path inside the event to a value that repeats from event to event, which the log stores once:
   * a decision's roster (its candidates' ids in the queue's order) is the same for every offer of a
   * queue until its groups change.
   */
  shared?: readonly string[];
  /** A call's arrival: its caller's number, for call search. */
  caller: string | null;
}

const DECISION_ROSTER = ["decision", "table", "agentIds"] as const;

/**
 * The agents and call an event concerns, for indexing the log. A decision is filed under the agents
 * of decisionSubjects; an offer's end under its call only (its agents are those of the offer).
 */
export function eventSubjects(event: DomainEvent): EventSubjects {
  return { ...subjects(event), caller: event.type === "call.arrived" ? event.from : null };
}

function subjects(event: DomainEvent): Omit<EventSubjects, "caller"> {
  switch (event.type) {
    case "agent.upserted":
      return { agentIds: [event.agent.id], callId: null };
    case "agent.removed":
    case "agent.presence_changed":
    case "agent.push_token_changed":
    case "agent.manual_status_set":
    case "agent.system_status_reported":
    case "agent.wrap_up_ended":
      return { agentIds: [event.agentId], callId: null };
    case "group.members_changed":
      return { agentIds: [...new Set(event.changes.flatMap((c) => [...c.add, ...c.remove]))], callId: null };
    case "group.upserted":
    case "group.removed":
    case "queue.upserted":
    case "queue.removed":
      return { agentIds: [], callId: null };
    case "call.arrived":
    case "call.ended":
    case "call.abandoned":
    case "call.queued":
    case "call.finished":
      return { agentIds: [], callId: event.callId };
    case "call.answered":
    case "call.declined":
      return { agentIds: [event.agentId], callId: event.callId };
    case "call.offered":
      return { agentIds: decisionSubjects(event.decision), callId: event.callId, shared: DECISION_ROSTER };
    case "call.offer_ended":
      return { agentIds: [], callId: event.callId };
  }
}

/**
 * The log's deflate dictionary (@callboard/db's compact body form): the most frequent events'
 * bodies, so their keys and values need not be spelled out in each row — a status change is ~12
 * bytes on disk instead of ~47. zlib favours what comes last: the most frequent events are at the
 * end. Rows name the dictionary they were written with (it is stored once in the log), so changing
 * this later only changes how new rows compress. At most 1 KB; no ids of any real center.
 */
export const LOG_DICTIONARY = [
  '{"callId":"","outcome":"timed_out","reason":""}',
  '{"callId":"","agentIds":[""],"reason":"AGENT_UNAVAILABLE","autoNotAvailable":[]}',
  '{"callId":"","agentIds":[""],"reason":"TIMEOUT","autoNotAvailable":[]}',
  '{"agentId":"","signal":"app","online":false}',
  '{"agentId":"","signal":"sip","online":true}',
  '{"callId":"","agentIds":[""],"expiresAt":1,"decision":{"callId":"","attempt":1,"queueId":"",' +
    '"at":1,"strategy":"ring-all","agentIds":[""],"usedBackup":false,"table":{"agentIds":1,' +
    '"facts":0,"ranked":0,"keys":0},"waitedSec":0}}',
  '{"callId":"","queueId":"","from":"84"}',
  '{"callId":"","position":1}',
  '{"callId":"","agentId":""}',
  '{"agentId":""}',
  '{"agentId":"","status":"SHORT_BREAK"}{"agentId":"","status":"NOT_AVAILABLE"}',
  '{"agentId":"","status":"AVAILABLE"}',
].join("");
