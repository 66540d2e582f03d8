import type { Decision, LoggedEvent, Strategy } from "@callboard/routing";
import type { Translate } from "~/i18n/types";
import type { Format } from "./format.ts";

/** A candidate's ordering key in the strategy's own words ("free since 10:02:11", "3 answered calls"). */
export function describeKey(t: Translate<"describe">, f: Format, strategy: Strategy, key: number): string {
  switch (strategy) {
    case "longest-idle":
    case "ring-all":
      return t("freeSince", { time: f.clock(key) });
    case "fewest-calls":
      return t("answeredCalls", { count: key });
    case "least-talk-time":
      return t("talkTime", { time: f.duration(key) });
    case "top-down":
      return t("position", { position: key + 1 });
    case "round-robin":
      return key === 0 ? t("nextInTurn") : t("turnsAway", { count: key });
    case "random":
      return t("draw", { key });
  }
}

/** One line per logged event of a call's timeline, in plain words. */
export function describeCallEvent(
  t: Translate<"describe">,
  f: Format,
  event: LoggedEvent,
  name: (agentId: string) => string,
): string {
  switch (event.type) {
    case "call.arrived":
      return t("arrived", { from: event.from });
    case "call.queued":
      return t("queued", { position: event.position });
    case "call.offered":
      return t("offered", { agents: event.agentIds.map(name).join(", "), attempt: event.decision.attempt });
    case "call.offer_ended": {
      const agents = event.agentIds.map(name).join(", ");
      return `${event.reason === "TIMEOUT" ? t("offerTimedOut", { agents }) : t("offerUnavailable", { agents })}${
        event.autoNotAvailable.length > 0 ? t("autoNotAvailable") : ""
      }`;
    }
    case "call.answered":
      return t("answered", { agent: name(event.agentId) });
    case "call.declined":
      return t("declined", { agent: name(event.agentId) });
    case "call.ended":
      return `${event.cause ? t("endedCause", { cause: event.cause }) : t("ended")}${
        event.talkSec !== undefined ? t("afterTalk", { time: f.duration(event.talkSec * 1000) }) : ""
      }${event.answered ? t("answeredUnnamed") : ""}`;
    case "call.abandoned":
      return t("abandoned");
    case "call.finished":
      return t("finished", { outcome: t(`outcome.${event.outcome}`), reason: event.reason });
    default:
      return event.type;
  }
}

/** "Lan", "Lan and 3 others". */
export function describeChosen(
  t: Translate<"describe">,
  decision: Pick<Decision, "agentIds">,
  name: (agentId: string) => string,
): string {
  const [first, ...others] = decision.agentIds;
  if (first === undefined) return t("nobody");
  return others.length === 0 ? name(first) : t("andOthers", { first: name(first), count: others.length });
}
