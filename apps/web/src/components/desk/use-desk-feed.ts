"use client";

import {
  type AgentDeskView,
  type AgentSubscribeResult,
  type ClientToServerEvents,
  LIVE_PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_REFUSAL,
} from "@callboard/contracts";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { DESK_AUDIENCE_QUERY } from "../../server/core-paths";

export type DeskConnection = "connecting" | "live" | "reconnecting" | "signed-out" | "refused";

export interface DeskFeed {
  view: AgentDeskView | null;
  connection: DeskConnection;
  /** Why the server refused the desk (not an agent, not linked, another version). */
  error: string | null;
  /** Server time minus this browser's clock, from the last view. */
  clockOffsetMs: number;
}

/**
 * The agent's own live view: one socket, `agent:subscribe` on every (re)connect — so after a network
 * drop the call's state comes back from the server — then `agent:update`s. Never the board's stream.
 */
export function useDeskFeed(): DeskFeed {
  const [feed, setFeed] = useState<DeskFeed>({
    view: null,
    connection: "connecting",
    error: null,
    clockOffsetMs: 0,
  });
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, {
      transports: ["websocket"],
      reconnectionDelayMax: 5_000,
      // Board gateways serve boards and wallboards; the dashboard sends this socket to the core.
      query: DESK_AUDIENCE_QUERY,
    });
    const take = (view: AgentDeskView) =>
      setFeed({ view, connection: "live", error: null, clockOffsetMs: view.serverTime - Date.now() });
    socket.on("connect", () => {
      socket.emit("agent:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, (result: AgentSubscribeResult) => {
        if (result.ok) take(result.data);
        else if (result.incompatible) window.location.reload();
        else setFeed((f) => ({ ...f, connection: "refused", error: result.error }));
      });
    });
    socket.on("agent:update", take);
    socket.on("disconnect", () => setFeed((f) => ({ ...f, connection: "reconnecting" })));
    socket.on("connect_error", (error) => {
      if (error.message === SOCKET_REFUSAL.SIGNED_OUT) setFeed((f) => ({ ...f, connection: "signed-out" }));
      else setFeed((f) => ({ ...f, connection: f.view ? "reconnecting" : "connecting" }));
    });
    socket.on("access:revoked", () => setFeed((f) => ({ ...f, connection: "signed-out" })));
    return () => {
      socket.disconnect();
    };
  }, []);
  return feed;
}
