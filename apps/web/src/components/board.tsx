"use client";

import { useMemo, useState } from "react";
import { countActivities, filterAgents, NO_FILTER } from "~/lib/agent-filter";
import { formatClock } from "~/lib/format";
import { AgentFilters } from "./agent-filters";
import { AgentTable } from "./agent-table";
import { ConnectionIndicator } from "./connection-indicator";
import { ConnectorPanel, StandaloneTag } from "./connector-panel";
import { DecisionFeed } from "./decision-feed";
import { useCallboardClient, useCenterSelector, useLiveSelector, useMe } from "./live-provider";
import { QueuePanel } from "./queue-panel";
import { useConnectorStatus } from "./use-connector-status";
import { useNow } from "./use-now";
import { UserMenu } from "./user-menu";

/** The supervisor's live board: queues on top, every agent with why it can or cannot ring, decisions beside. */
export function Board() {
  const client = useCallboardClient();
  const me = useMe();
  const connection = useLiveSelector((view) => view.connection);
  const now = useNow(useLiveSelector((view) => view.clockOffsetMs));
  const connector = useConnectorStatus(client);
  const [filter, setFilter] = useState(NO_FILTER);
  // Containers of the live view are new objects exactly when one of their records changed.
  const byId = useCenterSelector((state) => state.agents);
  const calls = useCenterSelector((state) => state.calls);
  const seq = useCenterSelector((state) => state.seq);
  const all = useMemo(() => Object.values(byId), [byId]);
  const agents = useMemo(() => filterAgents(all, filter), [all, filter]);
  const counts = useMemo(() => countActivities(all), [all]);
  const waiting = useMemo(() => Object.values(calls).filter((c) => c.status === "waiting").length, [calls]);

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
            seq {seq}
          </span>
          <span className="tabular-nums">{formatClock(now)}</span>
          <ConnectionIndicator status={connection} />
          {me && <UserMenu me={me} />}
        </div>
      </header>
      {connector?.mode === "stringee" && <ConnectorPanel status={connector.status} now={now} />}
      <QueuePanel now={now} />
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-h-[24rem] min-w-0 flex-col gap-3">
          <AgentFilters filter={filter} counts={counts} total={all.length} onChange={setFilter} />
          <AgentTable agents={agents} now={now} />
        </div>
        <DecisionFeed now={now} />
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
