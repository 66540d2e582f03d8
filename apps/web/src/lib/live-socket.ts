import type { ClientToServerEvents, ServerToClientEvents } from "@callboard/contracts";
import type { LiveSocket } from "@callboard/live";
import { io, type Socket } from "socket.io-client";

/**
 * The board's one socket to the core, for a LiveCenter: WebSocket only (no long-polling detour),
 * not connected until the LiveCenter has its listeners on.
 */
export function createLiveSocket(url: string): LiveSocket {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ["websocket"],
    reconnectionDelayMax: 5_000,
    autoConnect: false,
  });
  return socket;
}
