import type { Agent, Reason } from "@callboard/routing";
import type { Translate } from "~/i18n/types";

/**
 * Why an agent cannot ring, in the viewer's language: with the agent's own values where they matter
 * (the badge's tooltip), or in general (a decision's candidate table, summaries). The short badge
 * words are `reasons.label.*`; the agent's own manual status replaces MANUAL_NOT_AVAILABLE's.
 */
export function reasonText(
  t: Translate<"reasons">,
  reason: Reason,
  agent?: Pick<Agent, "systemStatus" | "routingType">,
): string {
  if (reason === "SYSTEM_STATUS_OTHER") {
    return agent
      ? t("text.SYSTEM_STATUS_OTHER", { systemStatus: String(agent.systemStatus) })
      : t("textGeneric.SYSTEM_STATUS_OTHER");
  }
  if (reason === "UNKNOWN_ROUTING_TYPE") {
    return agent
      ? t("text.UNKNOWN_ROUTING_TYPE", { routingType: String(agent.routingType) })
      : t("textGeneric.UNKNOWN_ROUTING_TYPE");
  }
  return t(`text.${reason}`);
}
