"use client";

import { hasRole } from "@callboard/contracts";
import { type Agent, type ManualStatus, own } from "@callboard/routing";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef, useState } from "react";
import { AGENT_GRID, AgentRow } from "./agent-row";
import { useCallboardClient, useCenterSelector, useLiveCenter, useMe } from "./live-provider";

const ROW_HEIGHT = 60;

/**
 * The agents, virtualized so a 10,000-agent center renders only the rows on screen. Status changes
 * go to the core as commands; the row stays pending until the resulting event is applied on screen.
 */
export function AgentTable({ agents, now }: { agents: Agent[]; now: number }) {
  const client = useCallboardClient();
  const center = useLiveCenter();
  const me = useMe();
  const readOnly = me === null || !hasRole(me.role, "supervisor");
  const calls = useCenterSelector((state) => state.calls);
  const queues = useCenterSelector((state) => state.queues);
  const scrollRef = useRef<HTMLDivElement>(null);
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
            setErrors((e) => ({ ...e, [agentId]: `Not changed: ${(error as Error).message}` })),
        )
        .finally(() =>
          setPending((p) => {
            const next = new Set(p);
            next.delete(agentId);
            return next;
          }),
        );
    },
    [client, center],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-x-auto overflow-y-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-0 min-w-[70rem] flex-1 flex-col">
        <div
          className={`${AGENT_GRID} border-b border-slate-200 bg-slate-50 px-4 py-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500`}
          aria-hidden
        >
          <div>Agent · stringee_user_id</div>
          <div>Can ring / why not</div>
          <div>Manual status</div>
          <div>System</div>
          <div>Online via</div>
          <div>Call</div>
          <div>Routing type</div>
          <div className="text-right">In state</div>
        </div>
        <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="agent-list">
          {agents.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-500">No agent matches these filters.</p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((item) => {
                const agent = agents[item.index]!;
                const callId = agent.ringingCallId ?? agent.activeCallId;
                const call = callId ? (own(calls, callId) ?? null) : null;
                return (
                  <div
                    key={item.key}
                    style={{
                      position: "absolute",
                      top: 0,
                      left: 0,
                      right: 0,
                      height: item.size,
                      transform: `translateY(${item.start}px)`,
                    }}
                  >
                    <AgentRow
                      agent={agent}
                      call={call}
                      queueName={call ? (own(queues, call.queueId)?.name ?? null) : null}
                      now={now}
                      pending={pending.has(agent.id)}
                      error={errors[agent.id] ?? null}
                      onStatusChange={changeStatus}
                      readOnly={readOnly}
                    />
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
