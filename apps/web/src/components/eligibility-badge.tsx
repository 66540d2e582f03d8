"use client";

import { type Agent, explain } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { reasonText } from "./reason-labels";
import { useFormat } from "./use-format";

/** Busy is normal (blue, amber); a reason someone may need to fix is red. */
const REASON_TONE = {
  ON_CALL: "bg-sky-50 dark:bg-sky-950 text-sky-700 dark:text-sky-300 ring-sky-200 dark:ring-sky-800",
  WRAP_UP:
    "bg-violet-50 dark:bg-violet-950 text-violet-700 dark:text-violet-300 ring-violet-200 dark:ring-violet-800",
  SYSTEM_STATUS_OTHER:
    "bg-rose-50 dark:bg-rose-950 text-rose-700 dark:text-rose-300 ring-rose-200 dark:ring-rose-800",
  RESERVED:
    "bg-amber-50 dark:bg-amber-950 text-amber-700 dark:text-amber-300 ring-amber-200 dark:ring-amber-800",
  MANUAL_NOT_AVAILABLE:
    "bg-rose-50 dark:bg-rose-950 text-rose-700 dark:text-rose-300 ring-rose-200 dark:ring-rose-800",
  OFFLINE: "bg-rose-50 dark:bg-rose-950 text-rose-700 dark:text-rose-300 ring-rose-200 dark:ring-rose-800",
  NO_PHONE_NUMBER:
    "bg-rose-50 dark:bg-rose-950 text-rose-700 dark:text-rose-300 ring-rose-200 dark:ring-rose-800",
  UNKNOWN_ROUTING_TYPE:
    "bg-rose-50 dark:bg-rose-950 text-rose-700 dark:text-rose-300 ring-rose-200 dark:ring-rose-800",
} as const;

/** "Can ring" or every reason it cannot, computed by the same rules the server routes with. */
export function EligibilityBadge({
  agent,
  now,
  frozen = false,
}: {
  agent: Agent;
  now: number;
  frozen?: boolean;
}) {
  const t = useTranslations("reasons");
  const status = useTranslations("manualStatus");
  const verdict = useTranslations("eligibility");
  const f = useFormat();
  const reasons = explain(agent);
  if (reasons.length === 0) {
    return (
      <span
        data-testid={`eligibility-${agent.id}`}
        data-eligible="true"
        className="inline-flex w-fit items-center rounded-full bg-emerald-50 dark:bg-emerald-950 px-2 py-0.5 text-xs font-medium text-emerald-700 dark:text-emerald-300 ring-1 ring-emerald-200 dark:ring-emerald-800"
      >
        {verdict("canRing")}
      </span>
    );
  }
  return (
    <span data-testid={`eligibility-${agent.id}`} data-eligible="false" className="flex flex-wrap gap-1">
      {reasons.map((reason) => (
        <span
          key={reason}
          title={reasonText(t, reason, agent)}
          data-reason={reason}
          className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${REASON_TONE[reason]}`}
        >
          {/* Say which status keeps the agent from ringing: "Lunch break" tells more than "not Available". */}
          {reason === "MANUAL_NOT_AVAILABLE" ? status(agent.manualStatus) : t(`label.${reason}`)}
          {reason === "WRAP_UP" &&
            agent.wrapUpUntil !== null &&
            ` · ${f.left(agent.wrapUpUntil - now, frozen)}`}
        </span>
      ))}
    </span>
  );
}
