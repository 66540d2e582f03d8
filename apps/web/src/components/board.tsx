"use client";

import { localDayStart } from "@callboard/kpi";
import { staleSince } from "@callboard/live";
import { own } from "@callboard/routing";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { countActivities, filterAgents, scopeOf } from "~/lib/agent-filter";
import { type BoardParams, boardSearch, parseBoardParams } from "~/lib/board-params";
import { boardNow } from "~/lib/board-time";
import { AgentFilters } from "./agent-filters";
import { AgentTable } from "./agent-table";
import { CallSearch } from "./call-search";
import { ConnectionIndicator } from "./connection-indicator";
import { ConnectorPanel, StandaloneTag } from "./connector-panel";
import { DecisionFeed } from "./decision-feed";
import { GroupMove } from "./group-move";
import { useCallboardClient, useCenterSelector, useLiveSelector, useMe } from "./live-provider";
import { LanguageSwitch, ThemeSwitch } from "./preferences";
import { QueuePanel } from "./queue-panel";
import { useConnectorStatus } from "./use-connector-status";
import { useFormat } from "./use-format";
import { useNow } from "./use-now";
import { UserMenu } from "./user-menu";

/** The supervisor's live board: queues on top, every agent with why it can or cannot ring, decisions beside. */
export function Board() {
  const t = useTranslations("board");
  const f = useFormat();
  const client = useCallboardClient();
  const me = useMe();
  const connection = useLiveSelector((view) => view.connection);
  const clock = useNow(useLiveSelector((view) => view.clockOffsetMs));
  // While the data is stale every ticking figure stops at the time it is as of.
  const stale = staleSince(connection);
  const { now, frozen } = boardNow(clock, stale);
  const connector = useConnectorStatus(client);
  // Containers of the live view are new objects exactly when one of their records changed.
  const byId = useCenterSelector((state) => state.agents);
  const calls = useCenterSelector((state) => state.calls);
  const queues = useCenterSelector((state) => state.queues);
  const groups = useCenterSelector((state) => state.groups);
  const seq = useCenterSelector((state) => state.seq);
  const agentsToday = useLiveSelector((view) => view.agentsToday);
  // Figures of an earlier day read zero: only a midnight changes this, not every tick.
  const dayStart = localDayStart(now, agentsToday.timeZone);
  const [{ params, invalid }, setView] = useState(() =>
    // The board renders in the browser only (after the first snapshot), so the URL is there to read.
    parseBoardParams(window.location.search, {
      queue: (id) => own(queues, id) !== undefined,
      group: (id) => own(groups, id) !== undefined,
    }),
  );
  const setParams = useCallback((next: BoardParams) => setView({ params: next, invalid: [] }), []);
  useEffect(() => {
    // The view lives in the URL (replaced, not pushed: filtering is not navigation), so a link shares it.
    const url = `${window.location.pathname}${boardSearch(params)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, "", url);
    }
  }, [params]);
  const { filter, sort } = params;
  const all = useMemo(() => Object.values(byId), [byId]);
  const scope = useMemo(() => scopeOf({ queues, groups }, filter), [queues, groups, filter]);
  // Re-sorted on a change of figures only when sorting by them.
  const sortFigures = sort === "calls-today" ? agentsToday : null;
  const agents = useMemo(
    () =>
      filterAgents(all, filter, scope, sort, (id) => {
        const day = sortFigures?.agents.get(id);
        return day && day.dayStart >= dayStart ? day.answered : 0;
      }),
    [all, filter, scope, sort, sortFigures, dayStart],
  );
  const counts = useMemo(() => countActivities(all), [all]);
  const waiting = useMemo(() => Object.values(calls).filter((c) => c.status === "waiting").length, [calls]);

  return (
    <div className="flex h-full flex-col">
      <a
        href="#decisions"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-slate-900 focus:px-3 focus:py-2 focus:text-sm focus:text-white"
      >
        {t("skipToDecisions")}
      </a>
      <main className="flex min-h-0 flex-1 flex-col gap-3 p-3 lg:p-4" aria-label={t("liveBoard")}>
        <header className="flex flex-wrap items-center gap-4">
          <div>
            <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Callboard</h1>
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("tagline")}</p>
          </div>
          <section className="flex gap-5 text-sm" aria-label={t("centerTotals")}>
            <Total label={t("agents")} value={all.length} />
            <Total label={t("canRing")} value={counts.can_ring} testId="total-can-ring" />
            <Total label={t("ringing")} value={counts.ringing} />
            <Total label={t("onCall")} value={counts.on_call} />
            <Total label={t("callsWaiting")} value={waiting} testId="total-waiting" />
          </section>
          <div className="ml-auto flex items-center gap-2.5 text-xs text-slate-500 dark:text-slate-400">
            <CallSearch />
            {connector?.mode === "standalone" && <StandaloneTag />}
            <span className="tabular-nums" title={t("seqTitle")} data-testid="board-seq">
              {t("seq", { seq })}
            </span>
            <span className="tabular-nums">{f.clock(clock)}</span>
            <ConnectionIndicator status={connection} />
            <LanguageSwitch />
            <ThemeSwitch />
            {me && <UserMenu me={me} />}
          </div>
        </header>
        {stale !== null && <StaleBanner since={stale} kind={connection.kind} />}
        {invalid.length > 0 && (
          <p
            role="status"
            data-testid="params-notice"
            className="flex items-center gap-2 rounded-md border border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-3 py-1 text-xs text-amber-800 dark:text-amber-200"
          >
            {t("paramsNotice", { params: invalid.join(", "), count: invalid.length })}
            <button
              type="button"
              className="ml-auto underline"
              onClick={() => setView((v) => ({ ...v, invalid: [] }))}
            >
              {t("dismiss")}
            </button>
          </p>
        )}
        <div
          className={`flex min-h-0 flex-1 flex-col gap-3 transition-opacity ${frozen ? "opacity-60 grayscale" : ""}`}
          data-testid="board-data"
          data-frozen={frozen}
        >
          {connector?.mode === "stringee" && <ConnectorPanel status={connector.status} now={clock} />}
          <QueuePanel
            now={now}
            frozen={frozen}
            view={params.queues}
            onViewChange={(queuesView) => setParams({ ...params, queues: queuesView })}
          />
          <div className="grid min-h-0 flex-1 grid-cols-1 gap-3 xl:grid-cols-[minmax(0,1fr)_20rem] 2xl:grid-cols-[minmax(0,1fr)_24rem]">
            <div className="flex min-h-[24rem] min-w-0 flex-col gap-3">
              <AgentFilters
                filter={filter}
                counts={counts}
                total={all.length}
                queues={queues}
                groups={groups}
                onChange={(next) => setParams({ ...params, filter: next })}
              />
              {me?.role === "admin" && connector?.mode === "standalone" && <GroupMove />}
              <AgentTable
                agents={agents}
                now={now}
                frozen={frozen}
                sort={sort}
                agentsToday={agentsToday.agents}
                dayStart={dayStart}
                onSortChange={(next) => setParams({ ...params, sort: next })}
              />
            </div>
            <DecisionFeed now={now} frozen={frozen} />
          </div>
        </div>
      </main>
    </div>
  );
}

/** Said big, not only in the pill: nothing below is current, and since when. */
function StaleBanner({ since, kind }: { since: number; kind: string }) {
  const t = useTranslations("board");
  const f = useFormat();
  const why =
    kind === "reconnecting"
      ? t("staleReconnecting")
      : kind === "catching-up"
        ? t("staleCatchingUp")
        : t("staleSilent");
  return (
    <div
      role="alert"
      data-testid="stale-banner"
      className="flex items-center gap-3 rounded-lg border-2 border-amber-400 bg-amber-50 dark:bg-amber-950 px-4 py-2 text-amber-900 dark:text-amber-200"
    >
      {/* A pause sign drawn, not a glyph: not every screen's fonts have ⏸. */}
      <span aria-hidden className="flex gap-1">
        <span className="h-5 w-1.5 rounded-sm bg-amber-600" />
        <span className="h-5 w-1.5 rounded-sm bg-amber-600" />
      </span>
      <span className="text-lg font-semibold tabular-nums">{t("staleSince", { time: f.clock(since) })}</span>
      <span className="text-sm">{t("staleBody", { why })}</span>
    </div>
  );
}

function Total({ label, value, testId }: { label: string; value: number; testId?: string }) {
  const f = useFormat();
  return (
    <div>
      <div className="text-[11px] uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</div>
      <div
        className="text-lg font-semibold tabular-nums text-slate-900 dark:text-slate-100"
        data-testid={testId}
      >
        {f.count(value)}
      </div>
    </div>
  );
}
