"use client";

import type { AgentDeskView } from "@callboard/contracts";
import { useEffect, useState } from "react";
import type { CallboardClient } from "~/lib/trpc";
import { type Softphone, type SoftphoneState, standaloneSoftphone } from "./softphone";

export interface SoftphoneHandle {
  phone: Softphone | null;
  state: SoftphoneState;
  /** The softphone can ring: standalone always; stringee once the SDK is logged in. */
  connected: boolean;
  remoteStream: MediaStream | null;
}

/**
 * The tab's softphone for the center's telephony. Stringee's SDK is imported only here, and only
 * in stringee mode (a dynamic import: its own chunk, never in the board's bundle).
 */
export function useSoftphone(
  telephony: AgentDeskView["telephony"] | undefined,
  client: CallboardClient,
  deviceId: string,
): SoftphoneHandle {
  const [handle, setHandle] = useState<SoftphoneHandle>({
    phone: null,
    state: { kind: "connecting" },
    connected: false,
    remoteStream: null,
  });
  useEffect(() => {
    if (telephony === undefined) return;
    if (telephony === "standalone") {
      const phone = standaloneSoftphone(client, deviceId);
      setHandle({ phone, state: { kind: "ready" }, connected: true, remoteStream: null });
      return () => phone.close();
    }
    let phone: Softphone | null = null;
    let cancelled = false;
    void import("./stringee-softphone")
      .then(({ stringeeSoftphone }) =>
        stringeeSoftphone({
          client,
          deviceId,
          onState: (state) => setHandle((h) => ({ ...h, state })),
          onConnected: (connected) => setHandle((h) => ({ ...h, connected })),
          onRemoteStream: (remoteStream) => setHandle((h) => ({ ...h, remoteStream })),
        }),
      )
      .then(
        (made) => {
          if (cancelled) made.close();
          else {
            phone = made;
            setHandle((h) => ({ ...h, phone: made }));
          }
        },
        (error: Error) => setHandle((h) => ({ ...h, state: { kind: "failed", message: error.message } })),
      );
    return () => {
      cancelled = true;
      phone?.close();
    };
  }, [telephony, client, deviceId]);
  return handle;
}
