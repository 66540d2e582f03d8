"use client";

import { type HistoryRange, historyRangeSchema } from "@callboard/contracts";
import { GRANULARITIES, type Granularity, HISTORY_PRESETS, type HistoryPreset } from "@callboard/kpi";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { rangeRefusalsOfIssues } from "~/lib/range-refusal";

/** What the history pages are looking at, kept in the URL so a view can be linked and reloaded. */
export interface HistoryParams {
  queueId: string | null;
  agentId: string | null;
  preset: HistoryPreset;
  from: string;
  to: string;
  step: Granularity;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export function useHistoryParams() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params: HistoryParams = {
    queueId: search.get("queue"),
    agentId: search.get("agent"),
    preset: oneOf(HISTORY_PRESETS, search.get("preset"), "today"),
    from: search.get("from") ?? "",
    to: search.get("to") ?? "",
    step: oneOf(GRANULARITIES, search.get("step"), "hour"),
  };
  const set = useCallback(
    (change: Partial<HistoryParams>) => {
      const next = new URLSearchParams(search.toString());
      const names: Record<keyof HistoryParams, string> = {
        queueId: "queue",
        agentId: "agent",
        preset: "preset",
        from: "from",
        to: "to",
        step: "step",
      };
      for (const [key, value] of Object.entries(change)) {
        const name = names[key as keyof HistoryParams];
        if (value === null || value === "") next.delete(name);
        else next.set(name, String(value));
      }
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [search, router, pathname],
  );
  // The same checks as the server's (contracts); "after today" is the server's to say.
  const candidate: HistoryRange =
    params.preset === "custom"
      ? { preset: "custom", from: params.from, to: params.to }
      : { preset: params.preset };
  const parsed = historyRangeSchema.safeParse(candidate);
  const range = parsed.success ? parsed.data : null;
  const rangeRefusals = parsed.success ? [] : rangeRefusalsOfIssues(parsed.error);
  return { params, set, range, rangeRefusals };
}
