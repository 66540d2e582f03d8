import { z } from "zod";
import type { CatchUp, EventBatch } from "./snapshot.ts";

/** Typed acknowledgement for every client command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * The version of the live sync protocol (board:subscribe, its answer, events:appended). Bump it when
 * any of them changes in a way an older client would misread; older clients are then told to reload.
 * @see https://github.com/tldraw/tldraw/blob/main/packages/sync-core/src/lib/protocol.ts
 */
export const LIVE_PROTOCOL_VERSION = 1;

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

/** Rooms a socket can be in; one per audience so fan-out can be coalesced per room. */
export const Room = { BOARD: "board" } as const;

export interface ServerToClientEvents {
  /** Events appended to the log since the previous batch, coalesced (≤ 10 per second per room). */
  "events:appended": (batch: EventBatch) => void;
}

export interface ClientToServerEvents {
  /**
   * Join the board room and catch up from `sinceSeq`; used on first connect (centerId null: the answer
   * is a snapshot), reconnect and on a seq gap. The only way a board gets state.
   */
  "board:subscribe": (input: BoardSubscribeInput, ack: (result: BoardSubscribeResult) => void) => void;
}

// biome-ignore lint/complexity/noBannedTypes: nothing is sent between gateways yet
export type InterServerEvents = {};

/** Per-connection data; the auth hook will fill in who is connected when sign-in arrives. */
export interface SocketData {
  viewer: "anonymous";
}
