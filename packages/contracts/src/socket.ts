import { z } from "zod";
import type { CatchUp, EventBatch } from "./snapshot.ts";

/** Typed acknowledgement for every client command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

export const boardSubscribeSchema = z.strictObject({
  /** The last seq the client has applied; the server answers with everything after it. */
  sinceSeq: z.number().int().min(0),
  /** The history the client holds; another one (or none) gets a fresh snapshot. */
  centerId: z.string().max(100).nullable(),
});
export type BoardSubscribeInput = z.infer<typeof boardSubscribeSchema>;

/** Rooms a socket can be in; one per audience so fan-out can be coalesced per room. */
export const Room = { BOARD: "board" } as const;

export interface ServerToClientEvents {
  /** Events appended to the log since the previous batch, coalesced (≤ 10 per second per room). */
  "events:appended": (batch: EventBatch) => void;
}

export interface ClientToServerEvents {
  /** Join the board room and catch up from `sinceSeq`; used on first connect, reconnect and on a seq gap. */
  "board:subscribe": (input: BoardSubscribeInput, ack: (result: Ack<CatchUp>) => void) => void;
}

// biome-ignore lint/complexity/noBannedTypes: nothing is sent between gateways yet
export type InterServerEvents = {};

/** Per-connection data; the auth hook will fill in who is connected when sign-in arrives. */
export interface SocketData {
  viewer: "anonymous";
}
