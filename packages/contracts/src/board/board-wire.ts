import type { Call, CenterState, GroupConfig, QueueConfig } from "@callboard/routing";
import type { AgentRow } from "./agent-row.ts";
import type { DecisionSummary } from "./board-state.ts";

/** What the engine keeps per queue beyond its configuration (CenterState["queueRuntime"]). */
export type QueueRuntime = CenterState["queueRuntime"][string];

/**
 * The board's record kinds, each a container of the state keyed by id: the center's records, each
 * agent's figures today (the server's agent-day fold, sent as it changes, so the board shows the
 * figures without folding events it is no longer sent) and the records' versions (CenterState.versions).
 */
export const RECORD_KINDS = [
  "agents",
  "groups",
  "queues",
  "queueRuntime",
  "calls",
  "agentsToday",
  "agentVersions",
  "groupVersions",
  "queueVersions",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Each kind as the board's wire carries it; every wire value names its own id. */
export interface WireRecords {
  agents: AgentRow[];
  groups: GroupConfig[];
  queues: QueueConfig[];
  queueRuntime: [queueId: string, runtime: QueueRuntime][];
  calls: Call[];
  agentsToday: [agentId: string, dayStart: number, answered: number, missed: number, talkMs: number][];
  agentVersions: [agentId: string, version: number][];
  groupVersions: [groupId: string, version: number][];
  queueVersions: [queueId: string, version: number][];
}

/**
 * A board's starting point, served at GET /live/snapshot (gzip or brotli when the browser accepts
 * it): the board's records at `seq`, and the digest of them (see digest.ts).
 */
export type BoardSnapshotWire = WireRecords & {
  centerId: string;
  seq: number;
  clock: number;
  /** The zone agents' "today" is counted in (kpi's agent-day fold), for resetting at midnight. */
  timeZone: string;
  serverTime: number;
  digest: number;
  decisions: DecisionSummary[];
};

/**
 * What changed on the board between fromSeq − 1 and toSeq: each changed record once, as it is at
 * toSeq (so a burst of updates to one agent costs one row), the ids that left, the new decisions
 * (newest first) and the digest of the whole board at toSeq. Serialized and gzipped once per batch;
 * on the wire as those bytes (`board:delta`).
 */
export type BoardDeltaWire = Partial<WireRecords> & {
  centerId: string;
  fromSeq: number;
  toSeq: number;
  clock: number;
  serverTime: number;
  digest: number;
  removed?: Partial<Record<RecordKind, string[]>>;
  decisions?: DecisionSummary[];
};

/** A batch's bytes as a socket hands them over: a Buffer on Node, an ArrayBuffer in browsers. */
export type WireBytes = Uint8Array | ArrayBuffer;
