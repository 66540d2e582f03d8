"use client";

import { DESK_HEARTBEAT_MS, type DeskPresenceInput } from "@callboard/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CallboardClient } from "~/lib/trpc";

export interface DeskPresence {
  /** Null until the server answered the first report. */
  holdsSoftphone: boolean | null;
  /** This tab held the softphone and another tab took it. */
  lostSoftphone: boolean;
  takeOver: () => void;
}

/**
 * Tells the server this tab is open (now, then every DESK_HEARTBEAT_MS) while `online` — in stringee
 * mode, while the SDK is logged in — and that it closed, on `pagehide`. The closing report is a
 * keepalive fetch rather than `navigator.sendBeacon`: a beacon cannot send `application/json`, which
 * the core demands of every state-changing request (its CSRF rule); keepalive outlives the page the
 * same way.
 */
export function useDeskPresence(client: CallboardClient, deviceId: string, online: boolean): DeskPresence {
  const [holdsSoftphone, setHolds] = useState<boolean | null>(null);
  const [lostSoftphone, setLost] = useState(false);
  const held = useRef(false);

  const report = useCallback(
    (input: DeskPresenceInput) =>
      client.desk.presence.mutate(input).then(
        (result) => {
          if (!input.online) return;
          if (held.current && !result.holdsSoftphone) setLost(true);
          if (result.holdsSoftphone) setLost(false);
          held.current = result.holdsSoftphone;
          setHolds(result.holdsSoftphone);
        },
        // A failed heartbeat is retried by the next one; the feed shows the connection itself.
        () => {},
      ),
    [client],
  );

  useEffect(() => {
    if (!online) return;
    void report({ deviceId, online: true });
    const timer = setInterval(() => void report({ deviceId, online: true }), DESK_HEARTBEAT_MS);
    const closing = () => {
      void fetch("/trpc/desk.presence", {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ deviceId, online: false } satisfies DeskPresenceInput),
      }).catch(() => {});
    };
    window.addEventListener("pagehide", closing);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", closing);
      if (held.current) void report({ deviceId, online: false });
      held.current = false;
    };
  }, [online, deviceId, report]);

  const takeOver = useCallback(
    () => void report({ deviceId, online: true, takeOver: true }),
    [report, deviceId],
  );
  return { holdsSoftphone: online ? holdsSoftphone : null, lostSoftphone, takeOver };
}
