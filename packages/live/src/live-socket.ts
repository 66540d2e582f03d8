import type {
  BoardDivergedInput,
  BoardSubscribeInput,
  BoardSubscribeResult,
  Heartbeat,
  WireBytes,
} from "@callboard/contracts";

/**
 * What LiveCenter needs from its connection: a typed slice of socket.io-client's `Socket`, so the
 * real one (made by the app) and a fake (made by tests) both fit. The socket must not connect by
 * itself (`autoConnect: false`): LiveCenter listens first, then connects.
 */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: "connect", listener: () => void): unknown;
  on(event: "disconnect", listener: (reason: string) => void): unknown;
  on(event: "connect_error", listener: (error: Error) => void): unknown;
  on(event: "board:delta", listener: (bytes: WireBytes) => void): unknown;
  /** The core is stopping (a deploy): it closes every connection next; the board reconnects anyway. */
  on(event: "server:closing", listener: (info: { message: string }) => void): unknown;
  on(event: "live:heartbeat", listener: (heartbeat: Heartbeat) => void): unknown;
  /** An emit whose ack gets an error if the server has not answered within `ms` (or the connection dropped). */
  timeout(ms: number): {
    emit(
      event: "board:subscribe",
      input: BoardSubscribeInput,
      ack: (error: Error | null, result: BoardSubscribeResult) => void,
    ): unknown;
  };
  /** Tells the core this board's digest disagreed (counted in /metrics); no answer. */
  emit(event: "board:diverged", input: BoardDivergedInput): unknown;
  connect(): unknown;
  disconnect(): unknown;
}
