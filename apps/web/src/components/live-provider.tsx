"use client";

import { BOARD_SNAPSHOT_PATH, type BoardSnapshotWire, type BoardState, type Me } from "@callboard/contracts";
import { LiveCenter, type LiveView } from "@callboard/live";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useSyncExternalStoreWithSelector } from "use-sync-external-store/with-selector";
import { createLiveSocket } from "~/lib/live-socket";
import { type CallboardClient, createCallboardClient } from "~/lib/trpc";

/** Long enough to read the message, short enough that nobody acts on a board that stopped following. */
const RELOAD_DELAY_MS = 2_000;

interface Live {
  center: LiveCenter;
  client: CallboardClient;
  url: string;
  /** Who is signed in; null until known. */
  me: Me | null;
}

const LiveContext = createContext<Live | null>(null);

/**
 * Owns the one live connection and the tRPC client for the whole page; renders its children once the
 * first snapshot is in, and reloads the page when the core runs another version.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState<Live | null>(null);

  useEffect(() => {
    // The dashboard's own origin: its server forwards the socket and the API to the core.
    const url = window.location.origin;
    const center = new LiveCenter(
      createLiveSocket(url, {
        // A session that ended (signed out elsewhere, disabled, expired) sends the page to sign in.
        onSignedOut: () =>
          window.location.assign(`/signin?next=${encodeURIComponent(window.location.pathname)}`),
      }),
      loadBoardSnapshot,
    );
    center.start();
    const client = createCallboardClient();
    setLive({ center, client, url, me: null });
    let cancelled = false;
    client.auth.me.query().then(
      (me) => {
        if (cancelled) return;
        // The board is for staff; an agent's page is the desk.
        if (me?.role === "agent") window.location.replace("/agent");
        else setLive((live) => (live ? { ...live, me } : live));
      },
      () => {},
    );
    return () => {
      cancelled = true;
      center.stop();
    };
  }, []);

  if (!live) return <Loading />;
  return (
    <LiveContext.Provider value={live}>
      <LiveGate url={live.url}>{children}</LiveGate>
    </LiveContext.Provider>
  );
}

/** The board's snapshot over HTTP: the browser asks for (and unpacks) brotli or gzip by itself. */
async function loadBoardSnapshot(): Promise<BoardSnapshotWire> {
  const response = await fetch(BOARD_SNAPSHOT_PATH, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`the board snapshot could not be loaded (${response.status})`);
  return (await response.json()) as BoardSnapshotWire;
}

function LiveGate({ url, children }: { url: string; children: ReactNode }) {
  const t = useTranslations("live");
  const hasState = useLiveSelector((view) => view.state !== null);
  const connection = useLiveSelector((view) => view.connection.kind);
  const incompatible = connection === "incompatible";
  useEffect(() => {
    if (!incompatible) return;
    const timer = setTimeout(() => window.location.reload(), RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [incompatible]);

  return (
    <>
      {incompatible && (
        <div
          role="alert"
          data-testid="reloading"
          className="fixed inset-x-0 top-0 z-50 bg-slate-900 px-4 py-2 text-center text-sm text-white"
        >
          {t("newVersion")}
        </div>
      )}
      {hasState ? (
        children
      ) : (
        <Loading error={connection === "reconnecting" ? t("unreachable", { url }) : null} />
      )}
    </>
  );
}

function Loading({ error = null }: { error?: string | null }) {
  const t = useTranslations("live");
  return (
    <div
      className="flex h-full items-center justify-center p-8 text-slate-500 dark:text-slate-400"
      data-testid="board-loading"
      role={error ? "alert" : "status"}
    >
      {error ?? t("loading")}
    </div>
  );
}

function useLiveContext(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("live hooks must be used inside <LiveProvider>");
  return live;
}

/**
 * A piece of the live view; the component re-renders only when it changes (by `isEqual`, identity by
 * default). The view has structural sharing, so a selector may return any part of it:
 * `view.state.agents` is a new object exactly when an agent changed. Its containers are reused two
 * changes later (packages/live's BoardView): read them while rendering, keep records, not containers.
 *
 * @example
 * const connection = useLiveSelector((view) => view.connection);
 */
export function useLiveSelector<T>(selector: (view: LiveView) => T, isEqual?: (a: T, b: T) => boolean): T {
  const { center } = useLiveContext();
  return useSyncExternalStoreWithSelector(
    center.subscribe,
    center.getView,
    center.getView,
    selector,
    isEqual,
  );
}

/**
 * A piece of the center's state, for components under <LiveProvider> (which renders them only once
 * the first snapshot is in).
 *
 * @example
 * const agents = useCenterSelector((state) => state.agents);
 */
export function useCenterSelector<T>(
  selector: (state: BoardState) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  return useLiveSelector((view) => {
    if (!view.state) throw new Error("the center is not loaded yet");
    return selector(view.state);
  }, isEqual);
}

/** The signed-in person (null while loading), so controls match what their role may do. */
export function useMe(): Me | null {
  return useLiveContext().me;
}

/** The page's tRPC client, for commands and history queries. */
export function useCallboardClient(): CallboardClient {
  return useLiveContext().client;
}

/** The page's LiveCenter, e.g. to wait with `whenApplied` until a command's effect is on screen. */
export function useLiveCenter(): LiveCenter {
  return useLiveContext().center;
}
