"use client";

import {
  type ClientToServerEvents,
  LIVE_PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_REFUSAL,
  type WallboardUpdate,
} from "@callboard/contracts";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";

export type FeedState =
  | { kind: "connecting" }
  | { kind: "live"; update: WallboardUpdate; receivedAt: number }
  | { kind: "revoked" }
  | { kind: "no-token" }
  | { kind: "refused"; message: string };

/**
 * A wallboard's feed: its token opens a socket that receives its queues' counts about once a second.
 * A revoked token ends the feed for good (the screen says so instead of going stale).
 */
export function useWallboardFeed(token: string | null): {
  state: FeedState;
  lastUpdate: WallboardUpdate | null;
  receivedAt: number | null;
} {
  const [state, setState] = useState<FeedState>(token ? { kind: "connecting" } : { kind: "no-token" });
  const [last, setLast] = useState<{ update: WallboardUpdate; receivedAt: number } | null>(null);

  useEffect(() => {
    if (!token) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, {
      transports: ["websocket"],
      auth: { wallboardToken: token },
      reconnectionDelayMax: 5_000,
    });
    const show = (update: WallboardUpdate) => {
      const receivedAt = Date.now();
      setLast({ update, receivedAt });
      setState({ kind: "live", update, receivedAt });
    };
    const revoked = () => {
      setState({ kind: "revoked" });
      socket.disconnect();
    };
    socket.on("connect", () => {
      socket.emit("wallboard:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, (result) => {
        if (result.ok) show(result.data);
        else if ("incompatible" in result) window.location.reload();
        else setState({ kind: "refused", message: result.error });
      });
    });
    socket.on("wallboard:update", show);
    socket.on("access:revoked", revoked);
    socket.on("connect_error", (error) => {
      if (error.message === SOCKET_REFUSAL.REVOKED) revoked();
      else if (error.message === SOCKET_REFUSAL.FOREIGN_ORIGIN) {
        setState({
          kind: "refused",
          message: "This address is not one Callboard serves (CALLBOARD_ALLOWED_HOSTS).",
        });
      }
    });
    return () => {
      socket.disconnect();
    };
  }, [token]);

  return { state, lastUpdate: last?.update ?? null, receivedAt: last?.receivedAt ?? null };
}
