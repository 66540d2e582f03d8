import type { DeskWhy } from "@callboard/contracts";
import type { Translate } from "~/i18n/types";

/**
 * The desk's "why you" line in the viewer's language, from the facts the server sends: how the
 * strategy ordered the agents who could ring, where this agent stood, and what put it lower.
 * @example deskWhyLine(why, t("desk"), t("decisions")) === "longest-idle — free since (earliest first): 1st of 3 who could ring"
 */
export function deskWhyLine(
  why: DeskWhy | null,
  desk: Translate<"desk">,
  decisions: Translate<"decisions">,
): string {
  if (why === null) return desk("why.unknown");
  const head = desk("why.head", { strategy: why.strategy, key: decisions(`strategyKey.${why.strategy}`) });
  if (why.rank === null) return head;
  const parts = [desk("why.ranked", { head, rank: why.rank, pool: why.pool })];
  if (why.backup) parts.push(desk("why.backup"));
  if (why.missedThisCall) parts.push(desk("why.missed"));
  return parts.join(", ");
}
