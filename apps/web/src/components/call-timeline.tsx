"use client";

import type { Call, LoggedEvent } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { describeCallEvent } from "~/lib/describe";
import type { CallboardClient } from "~/lib/trpc";
import { useFormat } from "./use-format";

/** Everything that happened to one call, read from the event log when opened. */
export function CallTimeline({
  callId,
  client,
  name,
  call,
}: {
  callId: string;
  client: CallboardClient;
  name: (agentId: string) => string;
  /** The live call record (null once it is over): a new record means something happened to the call. */
  call: Call | null;
}) {
  const t = useTranslations("timeline");
  const words = useTranslations("describe");
  const f = useFormat();
  const [events, setEvents] = useState<LoggedEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  // Refetch when the call's record changes (or the call ends), not on every event in the center;
  // the newest request wins and earlier answers are ignored rather than cancelled.
  // biome-ignore lint/correctness/useExhaustiveDependencies: call is the refresh signal
  useEffect(() => {
    const request = ++latest.current;
    client.calls.timeline
      .query({ callId })
      .then((result) => {
        if (request !== latest.current) return;
        setEvents(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (request === latest.current) setError(t("unavailable", { message: (e as Error).message }));
      });
  }, [callId, client, call, t]);
  useEffect(
    () => () => {
      latest.current = Number.NaN; // unmounted: no answer applies any more
    },
    [],
  );
  if (error) {
    return (
      <p role="alert" className="px-4 pb-2 text-xs text-rose-600 dark:text-rose-400">
        {error}
      </p>
    );
  }
  if (!events) return <p className="px-4 pb-2 text-xs text-slate-500 dark:text-slate-400">{t("loading")}</p>;
  return (
    <ol
      className="mx-4 mb-3 border-l border-slate-200 dark:border-slate-700 pl-3 text-xs"
      data-testid="call-timeline"
    >
      {events.map((e) => (
        <li key={e.seq} className="py-0.5">
          <span className="tabular-nums text-slate-500 dark:text-slate-400">{f.clock(e.at)}</span>{" "}
          <span className="text-slate-700 dark:text-slate-300">{describeCallEvent(words, f, e, name)}</span>
        </li>
      ))}
    </ol>
  );
}
