"use client";

import type { LoggedEvent } from "@callboard/routing";
import { useEffect, useState } from "react";
import { describeCallEvent } from "~/lib/describe";
import { formatClock } from "~/lib/format";
import type { CallboardClient } from "~/lib/trpc";

/** Everything that happened to one call, read from the event log when opened. */
export function CallTimeline({
  callId,
  client,
  name,
  seq,
}: {
  callId: string;
  client: CallboardClient;
  name: (agentId: string) => string;
  /** The center's seq: a change refreshes the timeline while it is open. */
  seq: number;
}) {
  const [events, setEvents] = useState<LoggedEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq is the refresh signal
  useEffect(() => {
    let cancelled = false;
    client.calls.timeline
      .query({ callId })
      .then((result) => {
        if (cancelled) return;
        setEvents(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(`Timeline unavailable: ${(e as Error).message}`);
      });
    return () => {
      cancelled = true;
    };
  }, [callId, client, seq]);
  if (error)
    return (
      <p role="alert" className="px-4 pb-2 text-xs text-rose-600">
        {error}
      </p>
    );
  if (!events) return <p className="px-4 pb-2 text-xs text-slate-400">Loading timeline…</p>;
  return (
    <ol className="mx-4 mb-3 border-l border-slate-200 pl-3 text-xs" data-testid="call-timeline">
      {events.map((e) => (
        <li key={e.seq} className="py-0.5">
          <span className="tabular-nums text-slate-400">{formatClock(e.at)}</span>{" "}
          <span className="text-slate-700">{describeCallEvent(e, name)}</span>
        </li>
      ))}
    </ol>
  );
}
