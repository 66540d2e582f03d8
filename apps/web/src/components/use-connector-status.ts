"use client";

import { useEffect, useState } from "react";
import type { CallboardClient } from "~/lib/trpc";

/** What connector.status answers: the core's mode and, in stringee mode, the connector's counters. */
export type ConnectorView = Awaited<ReturnType<CallboardClient["connector"]["status"]["query"]>>;

const POLL_MS = 5_000;

/**
 * Polls connector.status (it is not on the event stream: counters change on every webhook and would
 * flood the log). Null until the first answer; a failed poll keeps the last answer, since the
 * connection indicator already says when the core is unreachable.
 */
export function useConnectorStatus(client: CallboardClient): ConnectorView | null {
  const [view, setView] = useState<ConnectorView | null>(null);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Chained rather than setInterval, so a slow core never has two polls in flight.
    const poll = () => {
      client.connector.status
        .query()
        .then((next) => !cancelled && setView(next))
        .catch(() => {})
        .finally(() => {
          if (!cancelled) timer = setTimeout(poll, POLL_MS);
        });
    };
    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client]);
  return view;
}
