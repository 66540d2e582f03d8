import type { Decision, LoggedEvent, Strategy } from "@callboard/routing";
import { formatClock, formatDuration } from "./format.ts";

/** A candidate's ordering key in the strategy's own words ("free since 10:02:11", "3 calls"). */
export function describeKey(strategy: Strategy, key: number): string {
  switch (strategy) {
    case "longest-idle":
    case "ring-all":
      return `free since ${formatClock(key)}`;
    case "fewest-calls":
      return `${key} answered call${key === 1 ? "" : "s"}`;
    case "least-talk-time":
      return `${formatDuration(key)} talk time`;
    case "top-down":
      return `position ${key + 1}`;
    case "round-robin":
      return key === 0 ? "next in turn" : `${key} turn${key === 1 ? "" : "s"} away`;
    case "random":
      return `draw ${key}`;
  }
}

/** One line per logged event of a call's timeline, in plain words. */
export function describeCallEvent(event: LoggedEvent, name: (agentId: string) => string): string {
  switch (event.type) {
    case "call.arrived":
      return `arrived from ${event.from}`;
    case "call.queued":
      return `queued at position ${event.position}`;
    case "call.offered":
      return `rang ${event.agentIds.map(name).join(", ")} (attempt ${event.decision.attempt})`;
    case "call.offer_ended":
      return `${event.agentIds.map(name).join(", ")} ${event.reason === "TIMEOUT" ? "did not answer in time" : "became unavailable"}${
        event.autoNotAvailable.length > 0 ? ` — set Not available after repeated misses` : ""
      }`;
    case "call.answered":
      return `answered by ${name(event.agentId)}`;
    case "call.ended":
      return `ended${event.cause ? ` (${event.cause})` : ""}${event.talkSec !== undefined ? ` after ${formatDuration(event.talkSec * 1000)} of talk` : ""}${event.answered ? " — answered, by an agent PCC did not name" : ""}`;
    case "call.abandoned":
      return "caller hung up";
    case "call.finished":
      return `${event.outcome.replace("_", " ")}: ${event.reason}`;
    default:
      return event.type;
  }
}

/** "Lan", "Lan and 3 others (ring-all)". */
export function describeChosen(
  decision: Pick<Decision, "agentIds">,
  name: (agentId: string) => string,
): string {
  const [first, ...others] = decision.agentIds;
  if (first === undefined) return "nobody";
  return others.length === 0
    ? name(first)
    : `${name(first)} and ${others.length} other${others.length === 1 ? "" : "s"}`;
}
