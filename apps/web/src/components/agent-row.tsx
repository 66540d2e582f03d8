"use client";

import {
  type Agent,
  AVAILABLE,
  type Call,
  isValidPhoneNumber,
  MANUAL_STATUS_LABEL,
  MANUAL_STATUSES,
  type ManualStatus,
  onlineSignals,
  RoutingType,
  SystemStatus,
} from "@callboard/routing";
import { memo } from "react";
import { formatDuration } from "~/lib/format";
import { EligibilityBadge } from "./eligibility-badge";

const SIGNAL_LABEL = { app: "App/Web", push: "Push", sip: "SIP" } as const;

export const AGENT_GRID =
  "grid grid-cols-[minmax(11rem,1.6fr)_minmax(9rem,1.4fr)_9rem_5.5rem_8rem_minmax(9rem,1.2fr)_7rem_4rem] gap-3 items-center";

export interface AgentRowProps {
  agent: Agent;
  call: Call | null;
  queueName: string | null;
  now: number;
  pending: boolean;
  /** Viewers watch; supervisors and admins may change manual statuses. */
  readOnly: boolean;
  error: string | null;
  onStatusChange: (agentId: string, status: ManualStatus) => void;
}

/** One agent: identity, routing, both statuses, presence, the eligibility verdict and its current call. */
export const AgentRow = memo(function AgentRow({
  agent,
  call,
  queueName,
  now,
  pending,
  readOnly,
  error,
  onStatusChange,
}: AgentRowProps) {
  const signals = onlineSignals(agent);
  return (
    <div
      className={`${AGENT_GRID} h-full border-b border-slate-100 px-4 text-sm`}
      data-testid={`agent-row-${agent.id}`}
    >
      <div className="min-w-0">
        <div className="truncate font-medium text-slate-900">{agent.name}</div>
        <div className="truncate text-xs text-slate-500">{agent.id}</div>
      </div>
      <EligibilityBadge agent={agent} now={now} />
      <div>
        <select
          aria-label={`Manual status of ${agent.name}`}
          data-testid={`manual-status-${agent.id}`}
          value={agent.manualStatus}
          aria-busy={pending}
          disabled={readOnly}
          title={readOnly ? "Supervisors and admins change manual statuses" : undefined}
          onChange={(e) => onStatusChange(agent.id, e.target.value as ManualStatus)}
          className={`w-full rounded-md border px-2 py-1 text-xs ${
            agent.manualStatus === AVAILABLE
              ? "border-emerald-300 bg-emerald-50"
              : "border-slate-200 bg-white"
          } ${pending ? "opacity-50" : ""}`}
        >
          {MANUAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MANUAL_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {error && (
          <div role="alert" className="mt-0.5 truncate text-[11px] text-rose-600" title={error}>
            {error}
          </div>
        )}
      </div>
      <div className="text-xs" data-testid={`system-status-${agent.id}`}>
        {agent.systemStatus === SystemStatus.FREE ? (
          <span className="text-slate-600">1 · Free</span>
        ) : agent.systemStatus === SystemStatus.ON_CALL ? (
          <span className="font-medium text-sky-700">0 · On call</span>
        ) : (
          // A value PCC reported beyond 0/1 (2 = after-call work?): shown as reported, never free.
          <span className="font-medium text-rose-700" title="Reported by PCC; only 1 is free">
            {agent.systemStatus} · Not free
          </span>
        )}
      </div>
      <div className="flex flex-wrap gap-1 text-xs" data-testid={`online-${agent.id}`}>
        {signals.length === 0 ? (
          <span className="text-slate-400">Offline</span>
        ) : (
          signals.map((s) => (
            <span key={s} className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-700 ring-1 ring-sky-200">
              {SIGNAL_LABEL[s]}
            </span>
          ))
        )}
      </div>
      <div className="min-w-0 text-xs" data-testid={`call-${agent.id}`}>
        <CallCell agent={agent} call={call} queueName={queueName} now={now} />
      </div>
      <div className="text-xs text-slate-600">
        {agent.routingType === RoutingType.APP ? (
          "1 · App/Web/SIP"
        ) : agent.routingType === RoutingType.PHONE ? (
          <>
            2 · Phone
            <div className="truncate text-slate-500">
              {agent.phoneNumber ?? "no number"}
              {agent.phoneNumber !== null && !isValidPhoneNumber(agent.phoneNumber) && (
                <span
                  className="ml-1 text-amber-600"
                  data-testid={`phone-format-${agent.id}`}
                  title="Not in international format (country code first, e.g. 84912345678); PCC may not reach it"
                >
                  ⚠ not international
                </span>
              )}
            </div>
          </>
        ) : (
          `${agent.routingType} · Unknown`
        )}
      </div>
      <div className="text-right text-xs tabular-nums text-slate-500" title="Time in the current state">
        {formatDuration(now - agent.since)}
      </div>
    </div>
  );
});

function CallCell({
  agent,
  call,
  queueName,
  now,
}: {
  agent: Agent;
  call: Call | null;
  queueName: string | null;
  now: number;
}) {
  if (!call) return <span className="text-slate-300">—</span>;
  const where = queueName ? ` · ${queueName}` : "";
  if (agent.ringingCallId === call.id) {
    const left = call.offerExpiresAt === null ? 0 : call.offerExpiresAt - now;
    return (
      <span className="block truncate font-medium text-amber-700" data-state="ringing">
        Ringing · {call.from}
        {where} · {formatDuration(left)} left
      </span>
    );
  }
  return (
    <span className="block truncate font-medium text-sky-700" data-state="talking">
      On call · {call.from}
      {where} · {formatDuration(now - (call.answeredAt ?? now))}
    </span>
  );
}
