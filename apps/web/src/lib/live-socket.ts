import { type ClientToServerEvents, type ServerToClientEvents, SOCKET_REFUSAL } from "@callboard/contracts";
import type { LiveSocket } from "@callboard/live";
import { io, type Socket } from "socket.io-client";

/**
 * The board's one socket to the core, for a LiveCenter: WebSocket only (no long-polling detour),
 * not connected until the LiveCenter has its listeners on.
 */
export function createLiveSocket(url: string, { onSignedOut }: { onSignedOut: () => void }): LiveSocket {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ["websocket"],
    reconnectionDelayMax: 5_000,
    autoConnect: false,
  });
  // The core refuses a connection without a valid session (and closes one whose session ended).
  socket.on("connect_error", (error) => {
    if (error.message === SOCKET_REFUSAL.SIGNED_OUT) onSignedOut();
  });
  socket.on("disconnect", (reason) => {
    if (reason === "io server disconnect") void checkSession(onSignedOut);
  });
  return socket;
}

/** After the server closed the socket on purpose: a deploy drains sockets, a revocation signs out. */
async function checkSession(onSignedOut: () => void): Promise<void> {
  const res = await fetch("/trpc/auth.me", { credentials: "same-origin" }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { result?: { data?: unknown } } | null;
  if (res?.ok && body?.result?.data === null) onSignedOut();
}
