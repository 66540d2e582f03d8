"use client";

import type { ConnectionStatus } from "@callboard/live";
import { useTranslations } from "next-intl";
import type { Translate } from "~/i18n/types";
import type { Format } from "~/lib/format";
import { useFormat } from "./use-format";

/** Tells a supervisor whether the numbers on screen are live or how old they may be. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const [dot, text] = describe(useTranslations("connection"), useFormat(), status);
  return (
    <span
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-1 text-sm"
      data-testid="connection-status"
      data-status={status.kind}
      role="status"
    >
      <span className={`h-2.5 w-2.5 rounded-full ${dot}`} aria-hidden />
      {text}
    </span>
  );
}

function describe(
  t: Translate<"connection">,
  f: Format,
  status: ConnectionStatus,
): [dot: string, text: string] {
  switch (status.kind) {
    case "live":
      return ["bg-emerald-500", t("live")];
    case "stale":
      return ["bg-amber-500 animate-pulse", t("stale", { time: f.clock(status.since) })];
    case "connecting":
      return ["bg-slate-400", t("connecting")];
    case "catching-up":
      return ["bg-amber-400 animate-pulse", t("catchingUp", { time: f.clock(status.since) })];
    case "reconnecting":
      return [
        "bg-amber-500 animate-pulse",
        status.reason
          ? t("reconnectingWhy", { reason: status.reason, time: f.clock(status.staleSince) })
          : t("reconnecting", { time: f.clock(status.staleSince) }),
      ];
    case "incompatible":
      return ["bg-slate-400", t("incompatible")];
  }
}
