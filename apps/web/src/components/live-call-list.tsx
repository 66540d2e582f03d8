"use client";

import type { LiveCallRow } from "@callboard/live";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "./use-format";

/**
 * A queue's calls not answered yet, in line order: position, caller, wait (counted on the board's
 * `now`, so it stops while the data is stale and says "≥"), and whom it is ringing. The first
 * `limit` rows, then "show all".
 */
export function LiveCallList({
  queueId,
  calls,
  now,
  frozen,
  limit,
}: {
  queueId: string;
  calls: readonly LiveCallRow[];
  now: number;
  frozen: boolean;
  limit: number;
}) {
  const f = useFormat();
  const t = useTranslations("liveCalls");
  const [all, setAll] = useState(false);
  if (calls.length === 0) {
    return (
      <p className="text-[11px] text-slate-500 dark:text-slate-400" data-testid={`live-calls-${queueId}`}>
        {t("none")}
      </p>
    );
  }
  const shown = all ? calls : calls.slice(0, limit);
  return (
    <div data-testid={`live-calls-${queueId}`}>
      <ol className="max-h-48 overflow-auto text-xs" aria-label={t("heading", { count: calls.length })}>
        {shown.map((call) => (
          <li
            key={call.id}
            className="flex items-baseline gap-2 py-0.5"
            data-testid={`live-call-${call.id}`}
            data-status={call.status}
          >
            <span
              className="w-7 shrink-0 tabular-nums text-slate-500 dark:text-slate-400"
              title={t("positionHint")}
            >
              {t("position", { position: call.position })}
            </span>
            <span className="min-w-0 truncate font-medium text-slate-800 dark:text-slate-200" title={call.id}>
              {call.from}
            </span>
            <span
              className="shrink-0 tabular-nums text-slate-700 dark:text-slate-300"
              data-testid="live-call-wait"
            >
              {f.elapsed(now - call.arrivedAt, frozen)}
            </span>
            <span
              className={`ml-auto min-w-0 truncate ${call.status === "ringing" ? "text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}
            >
              {call.status === "ringing"
                ? t("ringing", { names: call.ringing.map((a) => a.name).join(", ") })
                : t("waiting")}
              {call.offers > 0 && (
                <span className="text-slate-500 dark:text-slate-400">
                  {" "}
                  · {t("offers", { count: call.offers })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
      {calls.length > limit && (
        <button
          type="button"
          className="text-[11px] text-sky-700 dark:text-sky-300 underline"
          onClick={() => setAll((v) => !v)}
          aria-expanded={all}
        >
          {all ? t("showFewer") : t("showAll", { count: calls.length })}
        </button>
      )}
    </div>
  );
}
