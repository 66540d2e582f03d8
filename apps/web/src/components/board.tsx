"use client";

import { useMemo, useState } from "react";
import { countActivities, filterAgents, NO_FILTER } from "~/lib/agent-filter";
import { formatClock } from "~/lib/format";
import { AgentFilters } from "./agent-filters";
import { AgentTable } from "./agent-table";
import { ConnectionIndicator } from "./connection-indicator";
import { ConnectorPanel, StandaloneTag } from "./connector-panel";
import { DecisionFeed } from "./decision-feed";
import { useLive } from "./live-provider";
import { QueuePanel } from "./queue-panel";
import { useConnectorStatus } from "./use-connector-status";
import { useNow } from "./use-now";

/** The supervisor's live board: queues on top, every agent with why it can or cannot ring, decisions beside. */
export function Board() {
  const { state, connection, clockOffsetMs, version, client } = useLive();
  const now = useNow(clockOffsetMs);
  const connector = useConnectorStatus(client);
  const [filter, setFilter] = useState(NO_FILTER);
  // `version` changes whenever the state object was updated in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the change signal for state
  const all = useMemo(() => Object.values(state?.agents ?? {}), [state, version]);
  const agents = useMemo(() => filterAgents(all, filter), [all, filter]);
  const counts = useMemo(() => countActivities(all), [all]);
  if (!state) return null;
  const waiting = Object.values(state.calls).filter((c) => c.status === "waiting").length;

  return (
    <div className="flex h-full flex-col gap-4 p-4 lg:p-6">
      <header className="flex flex-wrap items-center gap-4">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Callboard</h1>
          <p className="text-xs text-slate-500">Live board · who can ring, and why</p>
        </div>
        <section className="flex gap-6 text-sm" aria-label="Center totals">
          <Total label="Agents" value={all.length} />
          <Total label="Can ring" value={counts.can_ring} testId="total-can-ring" />
          <Total label="Ringing" value={counts.ringing} />
          <Total label="On call" value={counts.on_call} />
          <Total label="Calls waiting" value={waiting} testId="total-waiting" />
        </section>
        <div className="ml-auto flex items-center gap-3 text-xs text-slate-500">
          {connector?.mode === "standalone" && <StandaloneTag />}
          <span className="tabular-nums" title="Event log position">
            seq {state.seq}
          </span>
          <span className="tabular-nums">{formatClock(now)}</span>
          <ConnectionIndicator status={connection} />
        </div>
      </header>
      {connector?.mode === "stringee" && <ConnectorPanel status={connector.status} now={now} />}
      <QueuePanel state={state} now={now} />
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-h-[24rem] min-w-0 flex-col gap-3">
          <AgentFilters filter={filter} counts={counts} total={all.length} onChange={setFilter} />
          <AgentTable agents={agents} state={state} now={now} client={client} />
        </div>
        <DecisionFeed state={state} now={now} client={client} />
      </div>
    </div>
  );
}

function Total({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div>
      <div className="text-[11px] uppercase tracking-wide text-slate-500">{label}</div>
      <div className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
