"use client";

import type { WallboardTile } from "@callboard/contracts";
import { useEffect, useState } from "react";
import { formatClock, formatDuration } from "~/lib/format";
import { useWallboardFeed } from "./use-wallboard-feed";

/** Counts older than this are not shown as current: the screen says it is stale, and since when. */
const STALE_AFTER_MS = 5_000;

/** The TV view: dark, no scrolling, nothing to touch; one tile per queue of the screen's token. */
export function Wallboard() {
  const [token] = useState(() =>
    typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get("token"),
  );
  const { state, lastUpdate, receivedAt } = useWallboardFeed(token);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  if (state.kind === "revoked" || state.kind === "no-token" || state.kind === "refused") {
    const message =
      state.kind === "revoked"
        ? "This screen's access was revoked."
        : state.kind === "no-token"
          ? "This screen has no wallboard link. An admin creates one on the Wallboards page."
          : state.message;
    return (
      <Screen>
        <p
          role="alert"
          data-testid="wallboard-message"
          className="m-auto max-w-3xl text-center text-4xl font-semibold text-slate-200"
        >
          {message}
        </p>
      </Screen>
    );
  }
  const stale = receivedAt === null || now - receivedAt > STALE_AFTER_MS;
  return (
    <Screen>
      <header className="flex items-baseline justify-between px-8 pt-6">
        <h1 className="text-3xl font-semibold text-slate-100">{lastUpdate?.label ?? "Callboard"}</h1>
        <div className="flex items-baseline gap-6">
          {stale && (
            <span
              role="status"
              data-testid="wallboard-stale"
              className="rounded bg-amber-500 px-3 py-1 text-xl font-semibold text-slate-950"
            >
              {receivedAt === null ? "Connecting…" : `Not live — last update ${formatClock(receivedAt)}`}
            </span>
          )}
          <span className="text-4xl font-light tabular-nums text-slate-300">{formatClock(now)}</span>
        </div>
      </header>
      <main
        className={`grid flex-1 auto-rows-fr gap-6 p-8 ${columns(lastUpdate?.tiles.length ?? 1)} ${stale ? "opacity-40" : ""}`}
      >
        {lastUpdate?.tiles.map((tile) => (
          <Tile key={tile.queueId} tile={tile} />
        ))}
      </main>
    </Screen>
  );
}

function columns(count: number): string {
  if (count <= 1) return "grid-cols-1";
  if (count <= 4) return "grid-cols-2";
  return "grid-cols-3";
}

function Screen({ children }: { children: React.ReactNode }) {
  return <div className="flex h-screen flex-col overflow-hidden bg-slate-950 text-slate-100">{children}</div>;
}

function Tile({ tile }: { tile: WallboardTile }) {
  const alarm = tile.waiting > 0 && tile.canRing === 0;
  return (
    <section
      aria-label={tile.name}
      data-testid={`wallboard-tile-${tile.queueId}`}
      className={`flex flex-col rounded-2xl border p-6 ${alarm ? "border-red-500 bg-red-950" : "border-slate-800 bg-slate-900"}`}
    >
      <h2 className="truncate text-2xl font-semibold text-slate-200">{tile.name}</h2>
      <div className="mt-4 grid flex-1 grid-cols-2 gap-4">
        <Big label="Waiting" value={String(tile.waiting)} testId="waiting" />
        <Big label="Longest wait" value={tile.longestWaitMs > 0 ? formatDuration(tile.longestWaitMs) : "—"} />
      </div>
      <dl className="mt-4 grid grid-cols-3 gap-3 text-lg text-slate-300">
        <Small label="Can ring" value={tile.canRing} />
        <Small label="On call" value={tile.talking} />
        <Small label="Wrap-up" value={tile.wrapUp} />
        <Small label="Answered" value={tile.answered} />
        <Small label="Abandoned" value={tile.abandoned} />
        <Small label="Timed out" value={tile.timedOut} />
      </dl>
      {alarm && (
        <p className="mt-3 text-xl font-semibold text-red-300">Callers waiting and nobody can ring</p>
      )}
    </section>
  );
}

function Big({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <div className="text-lg uppercase tracking-wide text-slate-400">{label}</div>
      <div className="text-7xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function Small({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-sm uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums text-slate-100">{value}</dd>
    </div>
  );
}
