import type { ConnectorProblem, ConnectorStatus } from "@callboard/contracts";
import { formatDuration } from "./format.ts";

/** "12s ago", or "never" for a time that has not happened yet (nothing received, no sync done). */
export function formatAgo(at: number | null, now: number): string {
  return at === null ? "never" : `${formatDuration(now - at)} ago`;
}

/** "1 agent", "3 agents": counts read as words on a panel that has a dozen of them. */
export function plural(count: number, one: string): string {
  return `${count} ${count === 1 ? one : `${one}s`}`;
}

/** Traffic-light tone and headline of PCC sync, so a supervisor sees at once whether the mirror is current. */
export function describeSyncState(
  sync: ConnectorStatus["sync"],
  now: number,
): { tone: ConnectorStatus["sync"]["state"]; text: string } {
  switch (sync.state) {
    case "pending":
      return { tone: "pending", text: "Sync pending · first pull from PCC not done yet" };
    case "ok":
      return { tone: "ok", text: `Sync ok · last sync ${formatAgo(sync.lastSuccessAt, now)}` };
    case "failed":
      return {
        tone: "failed",
        text:
          sync.lastSuccessAt === null
            ? "Sync failed · never synced"
            : `Sync failed · last good sync ${formatAgo(sync.lastSuccessAt, now)}`,
      };
  }
}

/** "next in 48s"; "next due now" once the moment has passed (the pull is running or about to). */
export function describeNextSync(nextAt: number | null, now: number): string | null {
  if (nextAt === null) return null;
  return nextAt <= now ? "next due now" : `next in ${formatDuration(nextAt - now)}`;
}

const WHERE_LABEL: Record<ConnectorProblem["where"], string> = {
  sync: "Sync",
  routing: "Routing webhook",
  events: "Call events",
  presence: "Presence",
};

/** "Call events · 10s ago": which part of the connector failed, and when. */
export function describeProblemSource(problem: ConnectorProblem, now: number): string {
  return `${WHERE_LABEL[problem.where]} · ${formatAgo(problem.at, now)}`;
}
