"use client";

import type { ConnectionStatus } from "@callboard/live";
import { formatClock } from "~/lib/format";

/** Tells a supervisor whether the numbers on screen are live or how old they may be. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const [dot, text] = describe(status);
  return (
    <span
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm"
      data-testid="connection-status"
      data-status={status.kind}
      role="status"
    >
      <span className={`h-2.5 w-2.5 rounded-full ${dot}`} aria-hidden />
      {text}
    </span>
  );
}

function describe(status: ConnectionStatus): [dot: string, text: string] {
  switch (status.kind) {
    case "live":
      return ["bg-emerald-500", "Live"];
    case "stale":
      return ["bg-amber-500 animate-pulse", `Stale since ${formatClock(status.since)}`];
    case "connecting":
      return ["bg-slate-400", "Connecting…"];
    case "catching-up":
      return ["bg-amber-400 animate-pulse", `Catching up… behind since ${formatClock(status.since)}`];
    case "reconnecting":
      return [
        "bg-amber-500 animate-pulse",
        `${status.reason ? `${status.reason} ` : ""}Reconnecting… stale since ${formatClock(status.staleSince)}`,
      ];
    case "incompatible":
      return ["bg-slate-400", "New version — reloading…"];
  }
}
