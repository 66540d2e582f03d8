"use client";

import type { ClientToServerEvents, ServerToClientEvents, WallboardUpdate } from "@callboard/contracts";
// The zod-free entry: this screen validates nothing it sends, so it ships no schemas.
import { LIVE_PROTOCOL_VERSION, SOCKET_REFUSAL, STALE_AFTER_MS } from "@callboard/contracts/protocol";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { reloadDelayMs } from "./wallboard-model";
import { RELOAD_KEY, RETRY_KEY, readCount, reloadWhenReachable, writeCount } from "./wallboard-recovery";

/** A subscribe the core does not answer in this long is tried again on a fresh connection. */
const SUBSCRIBE_TIMEOUT_MS = 10_000;
/** A refused screen (unknown link, foreign address) asks again this often: an admin may fix it. */
const REFUSED_RETRY_MS = 30_000;

export type FeedState =
  /** No data yet. */
  | { kind: "connecting" }
  | { kind: "live" }
  /** Data older than STALE_AFTER_MS, or the connection is down: figures are as of the last data. */
  | { kind: "stale" }
  /** The core speaks another protocol: the page reloads at `at` (local time) to get matching code. */
  | { kind: "reloading"; at: number; message: string }
  | { kind: "revoked" }
  | { kind: "no-token" }
  /** Refused for another reason than revocation; asked again every REFUSED_RETRY_MS. */
  | { kind: "refused"; refusal: Refusal };

/** Why the core refused the screen: a known refusal (said in the screen's language), or the core's own words. */
export type Refusal = { known: "badToken" | "foreignOrigin" } | { code: string } | { text: string };

export interface WallboardFeed {
  state: FeedState;
  /** The last data received, and when (this screen's clock). */
  last: { update: WallboardUpdate; receivedAt: number } | null;
  /** The core's clock minus this screen's, at the last update: the screen shows the core's time. */
  clockOffsetMs: number;
}

const KNOWN_REFUSAL: Record<string, "badToken" | "foreignOrigin"> = {
  [SOCKET_REFUSAL.SIGNED_OUT]: "badToken",
  [SOCKET_REFUSAL.FOREIGN_ORIGIN]: "foreignOrigin",
};

/**
 * A wallboard's feed: its token opens a socket that receives its queues' counts once a second. It
 * never stops trying (socket.io reconnects; a refusal is asked again), except when the token is
 * revoked — then the screen says so instead of going stale.
 */
export function useWallboardFeed(token: string | null): WallboardFeed {
  const [state, setState] = useState<FeedState>(token ? { kind: "connecting" } : { kind: "no-token" });
  const [last, setLast] = useState<WallboardFeed["last"]>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);

  useEffect(() => {
    if (!token) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, {
      transports: ["websocket"],
      auth: { wallboardToken: token },
      reconnectionDelayMax: 5_000,
    });
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (ms: number, fn: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
      return timer;
    };
    let staleTimer: ReturnType<typeof setTimeout> | undefined;
    let final = false;

    const markStale = () => setState((s) => (s.kind === "live" ? { kind: "stale" } : s));
    const show = (update: WallboardUpdate) => {
      if (final) return;
      const receivedAt = Date.now();
      setLast({ update, receivedAt });
      setClockOffsetMs(update.serverTime - receivedAt);
      setState({ kind: "live" });
      if (staleTimer) clearTimeout(staleTimer);
      staleTimer = setTimeout(markStale, STALE_AFTER_MS);
      // Live again: the next error or incompatible answer starts its backoff from the beginning.
      writeCount(RETRY_KEY, 0);
      writeCount(RELOAD_KEY, 0);
    };
    const end = (next: FeedState) => {
      final = true;
      setState(next);
      socket.disconnect();
    };
    const refused = (refusal: Refusal) => {
      setState({ kind: "refused", refusal });
      later(REFUSED_RETRY_MS, () => {
        if (final) return;
        if (socket.connected) subscribe();
        else socket.connect();
      });
    };
    const reload = (message: string) => {
      const attempt = readCount(RELOAD_KEY);
      const delay = reloadDelayMs(attempt);
      // Fold nothing more from a core this page cannot read.
      end({ kind: "reloading", at: Date.now() + delay, message });
      later(delay, () => {
        writeCount(RELOAD_KEY, attempt + 1);
        void reloadWhenReachable();
      });
    };
    const subscribe = () => {
      socket
        .timeout(SUBSCRIBE_TIMEOUT_MS)
        .emit("wallboard:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, (error, result) => {
          if (final) return;
          if (error) {
            // No answer (a hung core): start over on a fresh connection.
            socket.disconnect().connect();
            return;
          }
          if (result.ok) show(result.data);
          else if ("incompatible" in result) reload(result.error);
          else refused({ text: result.error });
        });
    };

    socket.on("connect", subscribe);
    socket.on("disconnect", markStale);
    socket.on("wallboard:update", show);
    socket.on("access:revoked", () => end({ kind: "revoked" }));
    socket.on("connect_error", (error) => {
      if (error.message === SOCKET_REFUSAL.REVOKED) end({ kind: "revoked" });
      // socket.active: a network error, which socket.io retries itself; otherwise the core refused.
      else if (!socket.active)
        refused(
          KNOWN_REFUSAL[error.message] ? { known: KNOWN_REFUSAL[error.message]! } : { code: error.message },
        );
      else markStale();
    });
    return () => {
      final = true;
      if (staleTimer) clearTimeout(staleTimer);
      for (const timer of timers) clearTimeout(timer);
      socket.disconnect();
    };
  }, [token]);

  return { state, last, clockOffsetMs };
}
