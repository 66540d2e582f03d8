"use client";

import { hasRole } from "@callboard/contracts";
import type { AgentDay } from "@callboard/kpi";
import { type Agent, type ManualStatus, own } from "@callboard/routing";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { AgentSort } from "~/lib/agent-filter";
import { AGENT_GRID, AGENT_GRID_MIN_WIDTH, AgentRow } from "./agent-row";
import { useCallboardClient, useCenterSelector, useLiveCenter, useMe } from "./live-provider";

const ROW_HEIGHT = 62;

/**
 * The agents, virtualized so a 10,000-agent center renders only the rows on screen. Status changes
 * go to the core as commands; the row stays pending until the resulting event is applied on screen.
 */
export function AgentTable({
  agents,
  now,
  frozen,
  sort,
  agentsToday,
  dayStart,
  onSortChange,
}: {
  agents: Agent[];
  now: number;
  frozen: boolean;
  sort: AgentSort;
  /** Each agent's figures today (LiveView.agentsToday) and the local midnight they must be from. */
  agentsToday: ReadonlyMap<string, AgentDay>;
  dayStart: number;
  onSortChange: (sort: AgentSort) => void;
}) {
  const t = useTranslations("agents");
  const client = useCallboardClient();
  const center = useLiveCenter();
  const me = useMe();
  const readOnly = me === null || !hasRole(me.role, "supervisor");
  const calls = useCenterSelector((state) => state.calls);
  const queues = useCenterSelector((state) => state.queues);
  const scrollRef = useRef<HTMLTableSectionElement>(null);
  const virtualizer = useVirtualizer({
    count: agents.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => agents[index]?.id ?? index,
  });
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});

  const changeStatus = useCallback(
    (agentId: string, status: ManualStatus) => {
      setPending((p) => new Set(p).add(agentId));
      setErrors(({ [agentId]: _, ...rest }) => rest);
      client.agents.setManualStatus
        .mutate({ agentId, status })
        .then(
          // Pending until the change is on screen, so the control never shows the old status meanwhile;
          // if the board stops following (unmount, reload) the change was still made: no error.
          ({ seq }) => center.whenApplied(seq).catch(() => {}),
          (error: unknown) =>
            setErrors((e) => ({ ...e, [agentId]: t("notChanged", { message: (error as Error).message }) })),
        )
        .finally(() =>
          setPending((p) => {
            const next = new Set(p);
            next.delete(agentId);
            return next;
          }),
        );
    },
    [client, center, t],
  );

  const header = (key: AgentSort, label: string, hint: string) => (
    <button
      type="button"
      onClick={() => onSortChange(key)}
      title={hint}
      className={`uppercase tracking-wide hover:text-slate-900 dark:hover:text-slate-100 ${sort === key ? "text-slate-900 dark:text-slate-100 underline" : ""}`}
    >
      {label}
      {sort === key && <span aria-hidden> ▾</span>}
    </button>
  );
  const ariaSort = (key: AgentSort) =>
    sort === key ? (key === "name" ? "ascending" : "descending") : undefined;

  return (
    <div
      className="flex min-h-0 flex-1 flex-col overflow-x-auto overflow-y-hidden rounded-xl border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-sm"
      data-testid="agent-table"
    >
      {/* A real table (the rows laid out as one CSS grid each, so the virtualized body scrolls under a
          fixed header); the header sorts. */}
      <table
        className="flex min-h-0 flex-1 flex-col"
        style={{ minWidth: AGENT_GRID_MIN_WIDTH }}
        aria-label={t("label", { count: agents.length })}
        aria-rowcount={agents.length + 1}
      >
        <thead className="block">
          <tr
            aria-rowindex={1}
            className={`${AGENT_GRID} border-b border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800 px-3 py-1.5 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400`}
          >
            <th scope="col" aria-sort={ariaSort("name")} className="font-semibold">
              {header("name", t("agent"), t("sortByName"))}
              <span className="block text-[10px] font-normal normal-case tracking-normal">
                {t("idRouting")}
              </span>
            </th>
            <th scope="col" className="font-semibold">
              {t("canRingWhyNot")}
            </th>
            <th scope="col" className="font-semibold">
              {t("manualStatus")}
            </th>
            <th scope="col" className="font-semibold">
              {t("system")}
            </th>
            <th scope="col" className="font-semibold">
              {t("onlineVia")}
            </th>
            <th scope="col" className="font-semibold">
              {t("call")}
            </th>
            <th scope="col" aria-sort={ariaSort("calls-today")} className="font-semibold">
              {header("calls-today", t("today"), t("sortByToday"))}
            </th>
            <th
              scope="col"
              aria-sort={ariaSort("in-state") ?? ariaSort("idle")}
              className="flex flex-col items-end font-semibold"
            >
              {header("in-state", t("inState"), t("sortByInState"))}
              {header("idle", t("idle"), t("sortByIdle"))}
            </th>
          </tr>
        </thead>
        <tbody
          ref={scrollRef}
          className="relative block min-h-0 flex-1 overflow-auto"
          data-testid="agent-list"
        >
          {agents.length === 0 ? (
            <tr className="block">
              <td className="block p-6 text-center text-sm text-slate-500 dark:text-slate-400">
                {t("noMatch")}
              </td>
            </tr>
          ) : (
            <>
              {/* Gives the body its full height so it scrolls; the rows are placed over it. */}
              <tr aria-hidden className="block" style={{ height: virtualizer.getTotalSize() }} />
              {virtualizer.getVirtualItems().map((item) => {
                const agent = agents[item.index]!;
                const callId = agent.ringingCallId ?? agent.activeCallId;
                const call = callId ? (own(calls, callId) ?? null) : null;
                const day = agentsToday.get(agent.id);
                return (
                  <AgentRow
                    key={item.key}
                    agent={agent}
                    call={call}
                    queueName={call ? (own(queues, call.queueId)?.name ?? null) : null}
                    today={day && day.dayStart >= dayStart ? day : null}
                    now={now}
                    frozen={frozen}
                    rowIndex={item.index + 2}
                    top={item.start}
                    height={item.size}
                    pending={pending.has(agent.id)}
                    error={errors[agent.id] ?? null}
                    onStatusChange={changeStatus}
                    readOnly={readOnly}
                  />
                );
              })}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}
