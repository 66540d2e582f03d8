"use client";

import { LiveCenter, type LiveView } from "@callboard/live";
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { CoreLocation } from "~/env";
import { type CallboardClient, createCallboardClient } from "~/lib/trpc";

interface Live {
  center: LiveCenter;
  client: CallboardClient;
}

const LiveContext = createContext<Live | null>(null);

/** A configured URL, or the core's port on the host this page came from (the embedded setup). */
function resolveServerUrl(url: string | null, port: number): string {
  if (url) return url.replace(/\/$/, "");
  return `${window.location.protocol}//${window.location.hostname}:${port}`;
}

/** Owns the one live connection (snapshot + socket) and the tRPC client for the whole page. */
export function LiveProvider({ core, children }: { core: CoreLocation; children: ReactNode }) {
  const coreUrl = "url" in core ? core.url : null;
  const corePort = "port" in core ? core.port : 0;
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const url = resolveServerUrl(coreUrl, corePort);
    const client = createCallboardClient(url);
    const center = new LiveCenter(url, () => client.center.snapshot.query());
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const begin = () => {
      center.start().then(
        () => !cancelled && setLive({ center, client }),
        (cause: unknown) => {
          if (cancelled) return;
          setError(`Cannot reach the Callboard core at ${url}: ${(cause as Error).message}. Retrying…`);
          retry = setTimeout(begin, 3_000);
        },
      );
    };
    begin();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      center.stop();
    };
  }, [coreUrl, corePort]);

  if (!live) {
    return (
      <div
        className="flex h-full items-center justify-center p-8 text-slate-500"
        data-testid="board-loading"
        role={error ? "alert" : "status"}
      >
        {error ?? "Loading the center…"}
      </div>
    );
  }
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

function useLiveContext(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive must be used inside <LiveProvider>");
  return live;
}

/** The current view of the center; re-renders on every applied batch (at most once per frame). */
export function useLive(): LiveView & { client: CallboardClient } {
  const { center, client } = useLiveContext();
  useSyncExternalStore(center.subscribe, center.getVersion, center.getVersion);
  return { ...center.current, client };
}
