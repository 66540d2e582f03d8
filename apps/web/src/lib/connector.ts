import type { ConnectorProblem, ConnectorStatus } from "@callboard/contracts";
import type { Translate } from "~/i18n/types";
import type { Format } from "./format.ts";

/** "12s ago", or "never" for a time that has not happened yet (nothing received, no sync done). */
export function formatAgo(t: Translate<"connector">, f: Format, at: number | null, now: number): string {
  return at === null ? t("never") : t("ago", { time: f.duration(now - at) });
}

/** Traffic-light tone and headline of PCC sync, so a supervisor sees at once whether the mirror is current. */
export function describeSyncState(
  t: Translate<"connector">,
  f: Format,
  sync: ConnectorStatus["sync"],
  now: number,
): { tone: ConnectorStatus["sync"]["state"]; text: string } {
  switch (sync.state) {
    case "pending":
      return { tone: "pending", text: t("syncPending") };
    case "ok":
      return { tone: "ok", text: t("syncOk", { ago: formatAgo(t, f, sync.lastSuccessAt, now) }) };
    case "failed":
      return {
        tone: "failed",
        text:
          sync.lastSuccessAt === null
            ? t("syncFailedNever")
            : t("syncFailed", { ago: formatAgo(t, f, sync.lastSuccessAt, now) }),
      };
  }
}

/** "next in 48s"; "next due now" once the moment has passed (the pull is running or about to). */
export function describeNextSync(
  t: Translate<"connector">,
  f: Format,
  nextAt: number | null,
  now: number,
): string | null {
  if (nextAt === null) return null;
  return nextAt <= now ? t("nextDue") : t("nextIn", { time: f.duration(nextAt - now) });
}

/** "Call events · 10s ago": which part of the connector failed, and when. */
export function describeProblemSource(
  t: Translate<"connector">,
  f: Format,
  problem: ConnectorProblem,
  now: number,
): string {
  return t("problemSource", { where: t(`where.${problem.where}`), ago: formatAgo(t, f, problem.at, now) });
}
