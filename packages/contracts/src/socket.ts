import type { QueueKpiView } from "@callboard/kpi";
import { z } from "zod";
import type { AgentDeskView, AgentSubscribeInput, AgentSubscribeResult } from "./agent-desk.ts";
import type { WireBytes } from "./board/board-wire.ts";
import type { Principal } from "./principal.ts";
import { LIVE_PROTOCOL_VERSION, SOCKET_REFUSAL } from "./protocol.ts";
import type { CatchUp } from "./snapshot.ts";
import type { WallboardTile, WallboardUpdate } from "./wallboard.ts";

export { LIVE_PROTOCOL_VERSION, SOCKET_REFUSAL };

/** Typed acknowledgement for every client command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

export const boardSubscribeSchema = z.strictObject({
  /** The client's LIVE_PROTOCOL_VERSION; another one than the server's is answered "incompatible". */
  protocol: z.number().int().min(0),
  /** The EVENT_FORMAT the client folds events with; another one than the server's is "incompatible". */
  eventFormat: z.number().int().min(0),
  /** The last seq the client has applied; the server answers with everything after it. */
  sinceSeq: z.number().int().min(0),
  /** The history the client holds; another one (or none) gets a fresh snapshot. */
  centerId: z.string().max(100).nullable(),
});
export type BoardSubscribeInput = z.infer<typeof boardSubscribeSchema>;

/**
 * The client speaks another protocol or event format than the server: it must fold nothing and reload
 * the page to get the matching code. An error (ok: false) so that any client retries rather than
 * misreads it; this shape must never change.
 */
export interface Incompatible {
  ok: false;
  incompatible: true;
  error: string;
  server: { protocol: number; eventFormat: number };
}

/** The answer to board:subscribe. */
export type BoardSubscribeResult = Ack<CatchUp> | Incompatible;

/** A board's digest disagreed with its batch's: it reports it (counted in /metrics) and reloads its snapshot. */
export const boardDivergedSchema = z.strictObject({
  /** The batch's toSeq. */
  seq: z.number().int().min(0),
  /** The digest the batch carried, and the board's own. */
  expected: z.number().int().min(0).max(0xffffffff),
  actual: z.number().int().min(0).max(0xffffffff),
});
export type BoardDivergedInput = z.infer<typeof boardDivergedSchema>;

export const wallboardSubscribeSchema = z.strictObject({
  protocol: z.number().int().min(0),
});
export type WallboardSubscribeInput = z.infer<typeof wallboardSubscribeSchema>;

/** The answer to wallboard:subscribe: the screen's first tiles, or why not. */
export type WallboardSubscribeResult = Ack<WallboardUpdate> | Incompatible;

/** Rooms a socket can be in; one per audience so fan-out can be coalesced per room. */
export const Room = {
  BOARD: "board",
  /** One room per wallboard token: the screens sharing a token see the same queues. */
  wallboard: (tokenId: string) => `wallboard:${tokenId}`,
  /** One room per agent: the agent's own desk tabs, and nothing else ever joins it. */
  agent: (agentId: string) => `agent:${agentId}`,
} as const;

/**
 * Once a second on the board's stream, changes or not: the server's seq and clock (a board that
 * misses two is stale since its last data) and the queues' KPIs at that seq — every queue's in the
 * beat a board gets right after it subscribes (`complete`), then only the queues whose figures
 * changed since the room's previous beat (at 50 queues, every view every second was ~35 KiB/s).
 * The views travel as `kpis`: gzipped JSON of KpiBeatViews (kpi-beat.ts), compressed once per beat
 * for the whole room like a delta; seq, clock and `complete` stay plain so liveness needs no unpacking.
 */
export interface Heartbeat {
  centerId: string;
  seq: number;
  serverTime: number;
  /** True: `kpis` holds every queue. False: only the queues whose view changed; keep the others. */
  complete: boolean;
  /** gzip of the JSON array of the queues' views (see encodeKpiBeat); bytes as the socket hands them. */
  kpis: WireBytes;
}

export interface ServerToClientEvents {
  /** See Heartbeat. */
  "live:heartbeat": (heartbeat: Heartbeat) => void;
  /**
   * What changed on the board since the previous batch (a BoardDeltaWire as gzipped UTF-8 JSON,
   * serialized and compressed once for the whole room), coalesced: ≤ 10 per second.
   */
  "board:delta": (bytes: WireBytes) => void;
  /** The agent's own desk (agent:subscribe): on every change of its record, offer or call, and once a second. */
  "agent:update": (view: AgentDeskView) => void;
  /** A wallboard's queue counts, about once a second. */
  "wallboard:update": (update: WallboardUpdate) => void;
  /**
   * Sent to every connection just before the core closes them all because it is stopping (a deploy,
   * a restart): the page says so and reconnects by itself; nothing was lost.
   */
  "server:closing": (info: { message: string }) => void;
  /** Sent just before the core closes a connection whose access ended (token revoked, signed out). */
  "access:revoked": (info: {
    reason: (typeof SOCKET_REFUSAL)[keyof typeof SOCKET_REFUSAL];
    message: string;
  }) => void;
}

export interface ClientToServerEvents {
  /**
   * Join the board room and catch up from `sinceSeq`; used on first connect (centerId null: the answer
   * is a snapshot), reconnect and on a seq gap. The only way a board gets state.
   */
  "board:subscribe": (input: BoardSubscribeInput, ack: (result: BoardSubscribeResult) => void) => void;
  /** See boardDivergedSchema; rate-limited per connection, no answer. */
  "board:diverged": (input: BoardDivergedInput) => void;
  /** A wallboard (connected with its token) joins its room and gets its tiles; then `wallboard:update`s. */
  "wallboard:subscribe": (
    input: WallboardSubscribeInput,
    ack: (result: WallboardSubscribeResult) => void,
  ) => void;
  /**
   * A signed-in agent (role agent, linked to a Callboard agent) joins its own room and gets its desk
   * view; then `agent:update`s. Never the board's events.
   */
  "agent:subscribe": (input: AgentSubscribeInput, ack: (result: AgentSubscribeResult) => void) => void;
}

/**
 * What the core publishes to its gateways over Redis (apps/server/src/split/, decision 0018), in
 * order: each board batch as the core's feed serialized it (the same bytes the room gets), and once
 * a second what a gateway cannot compute without the center — the seq, every queue's KPI view and
 * every queue's wallboard tile. Gateways, not browsers, receive these.
 */
export interface CoreBatchMessage {
  centerId: string;
  fromSeq: number;
  toSeq: number;
  bytes: WireBytes;
}
export interface CoreBeatMessage {
  centerId: string;
  seq: number;
  serverTime: number;
  kpis: QueueKpiView[];
  tiles: WallboardTile[];
}
export type InterServerEvents = {
  "core:batch": (batch: CoreBatchMessage) => void;
  "core:beat": (beat: CoreBeatMessage) => void;
};

/** Per-connection data: who connected (a person by session cookie, or a screen by its token), from where. */
export interface SocketData {
  principal: Principal;
  address: string | null;
}
