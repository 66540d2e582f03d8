"use client";

import type { AgentDay } from "@callboard/kpi";
import {
  type Agent,
  AVAILABLE,
  type Call,
  isValidPhoneNumber,
  MANUAL_STATUSES,
  type ManualStatus,
  onlineSignals,
  RoutingType,
  SystemStatus,
} from "@callboard/routing";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { EligibilityBadge } from "./eligibility-badge";
import { useFormat } from "./use-format";

const SIGNAL_LABEL = { app: "signalApp", push: "signalPush", sip: "signalSip" } as const;

/**
 * Eight columns that fit the agent box of a 1366 px screen (about 1,000 px beside the decisions):
 * the routing type folds under the name, the call and the reasons wrap, the rest are narrow.
 */
export const AGENT_GRID =
  "grid grid-cols-[minmax(9rem,1.5fr)_minmax(8rem,1.3fr)_minmax(8.5rem,1fr)_5.5rem_5rem_minmax(8rem,1.3fr)_6rem_4.5rem] gap-2 items-center";
/** The columns' minimum widths plus gaps and padding: the table scrolls sideways only below this. */
export const AGENT_GRID_MIN_WIDTH = "58.5rem";

export interface AgentRowProps {
  agent: Agent;
  call: Call | null;
  queueName: string | null;
  /** The agent's figures today; null when none yet (or only from an earlier day). */
  today: AgentDay | null;
  now: number;
  /** The board is stale: `now` is the last data's time, so elapsed figures say "≥", countdowns "≤". */
  frozen: boolean;
  /** 1-based position in the list (the header is row 1), for the table's semantics. */
  rowIndex: number;
  /** Where the virtualizer puts the row, px from the top of the list, and its height. */
  top: number;
  height: number;
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
  today,
  now,
  frozen,
  rowIndex,
  top,
  height,
  pending,
  readOnly,
  error,
  onStatusChange,
}: AgentRowProps) {
  const t = useTranslations("agents");
  const status = useTranslations("manualStatus");
  const f = useFormat();
  const signals = onlineSignals(agent);
  const busy = agent.activeCallId !== null || agent.ringingCallId !== null || agent.wrapUpUntil !== null;
  return (
    <tr
      className={`${AGENT_GRID} absolute inset-x-0 top-0 border-b border-slate-100 dark:border-slate-800 px-3 text-sm`}
      style={{ height, transform: `translateY(${top}px)` }}
      data-testid={`agent-row-${agent.id}`}
      aria-rowindex={rowIndex}
    >
      <th scope="row" className="min-w-0 text-left font-normal">
        <div className="truncate font-medium text-slate-900 dark:text-slate-100" title={agent.name}>
          {agent.name}
        </div>
        <div className="truncate text-xs text-slate-500 dark:text-slate-400" title={agent.id}>
          {agent.id}
        </div>
        <RoutingCell agent={agent} />
      </th>
      <td className="min-w-0">
        <EligibilityBadge agent={agent} now={now} frozen={frozen} />
      </td>
      <td>
        <select
          aria-label={t("manualStatusOf", { name: agent.name })}
          data-testid={`manual-status-${agent.id}`}
          value={agent.manualStatus}
          aria-busy={pending}
          disabled={readOnly}
          title={readOnly ? t("readOnlyTitle") : undefined}
          onChange={(e) => onStatusChange(agent.id, e.target.value as ManualStatus)}
          className={`w-full rounded-md border px-1.5 py-1 text-xs ${
            agent.manualStatus === AVAILABLE
              ? "border-emerald-300 dark:border-emerald-700 bg-emerald-50 dark:bg-emerald-950"
              : "border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900"
          } ${pending ? "opacity-50" : ""}`}
        >
          {MANUAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {status(s)}
            </option>
          ))}
        </select>
        {error && (
          <div
            role="alert"
            className="mt-0.5 truncate text-[11px] text-rose-600 dark:text-rose-400"
            title={error}
          >
            {error}
          </div>
        )}
      </td>
      <td className="text-xs" data-testid={`system-status-${agent.id}`}>
        {agent.systemStatus === SystemStatus.FREE ? (
          <span className="text-slate-600 dark:text-slate-400">{t("systemFree")}</span>
        ) : agent.systemStatus === SystemStatus.ON_CALL &&
          agent.wrapUpUntil !== null &&
          agent.activeCallId === null ? (
          // After-call work: PCC's status stays 0 until it ends, but the agent is not on a call.
          <span className="font-medium text-violet-700 dark:text-violet-300">{t("systemWrapUp")}</span>
        ) : agent.systemStatus === SystemStatus.ON_CALL ? (
          <span className="font-medium text-sky-700 dark:text-sky-300">{t("systemOnCall")}</span>
        ) : (
          // A value PCC reported beyond 0/1 (2 = after-call work?): shown as reported, never free.
          <span className="font-medium text-rose-700 dark:text-rose-300" title={t("systemOtherTitle")}>
            {t("systemOther", { status: String(agent.systemStatus) })}
          </span>
        )}
      </td>
      <td className="flex flex-wrap gap-1 text-xs" data-testid={`online-${agent.id}`}>
        {signals.length === 0 ? (
          <span className="text-slate-500 dark:text-slate-400">{t("offline")}</span>
        ) : (
          signals.map((s) => (
            <span
              key={s}
              className="rounded bg-sky-50 dark:bg-sky-950 px-1.5 py-0.5 text-sky-700 dark:text-sky-300 ring-1 ring-sky-200 dark:ring-sky-800"
            >
              {t(SIGNAL_LABEL[s])}
            </span>
          ))
        )}
      </td>
      <td className="min-w-0 text-xs" data-testid={`call-${agent.id}`}>
        <CallCell agent={agent} call={call} queueName={queueName} now={now} frozen={frozen} />
      </td>
      <td
        className="text-xs tabular-nums leading-tight text-slate-600 dark:text-slate-400"
        data-testid={`stats-${agent.id}`}
        title={t("sinceJoined", {
          answered: agent.answeredCalls,
          missed: agent.missedOffers,
          talk: f.duration(agent.talkTimeMs),
        })}
      >
        <div className="whitespace-nowrap">
          <span title={t("answeredTodayTitle")} data-testid={`calls-today-${agent.id}`}>
            {t("answered", { count: today?.answered ?? 0 })}
          </span>{" "}
          ·{" "}
          <span
            title={t("missedTodayTitle")}
            data-testid={`missed-today-${agent.id}`}
            className={(today?.missed ?? 0) > 0 ? "text-amber-700 dark:text-amber-300" : ""}
          >
            {t("missed", { count: today?.missed ?? 0 })}
          </span>
        </div>
        <div className="whitespace-nowrap text-slate-500 dark:text-slate-400" title={t("talkTodayTitle")}>
          {t("talk", { time: f.duration(today?.talkMs ?? 0) })}
        </div>
      </td>
      <td className="text-right text-xs tabular-nums leading-tight text-slate-500 dark:text-slate-400">
        <div title={t("inStateTitle")} data-testid={`in-state-${agent.id}`}>
          {f.elapsed(now - agent.since, frozen)}
        </div>
        {!busy && (
          <div className="text-[11px] text-slate-500 dark:text-slate-400" title={t("idleTitle")}>
            {t("idleFor", { time: f.elapsed(now - agent.idleSince, frozen) })}
          </div>
        )}
      </td>
    </tr>
  );
});

/** The routing type, folded under the name: 1 App/Web/SIP, or 2 Phone with the number PCC rings. */
function RoutingCell({ agent }: { agent: Agent }) {
  const t = useTranslations("agents");
  if (agent.routingType === RoutingType.APP) {
    return <div className="truncate text-[11px] text-slate-500 dark:text-slate-400">{t("routingApp")}</div>;
  }
  if (agent.routingType === RoutingType.PHONE) {
    const number = agent.phoneNumber ?? t("noNumber");
    return (
      <div className="truncate text-[11px] text-slate-500 dark:text-slate-400" title={number}>
        {t("routingPhone", { number })}
        {agent.phoneNumber !== null && !isValidPhoneNumber(agent.phoneNumber) && (
          <span
            className="ml-1 text-amber-600 dark:text-amber-400"
            data-testid={`phone-format-${agent.id}`}
            title={t("notInternationalTitle")}
          >
            {t("notInternational")}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="truncate text-[11px] text-rose-700 dark:text-rose-300">
      {t("routingUnknown", { type: String(agent.routingType) })}
    </div>
  );
}

function CallCell({
  agent,
  call,
  queueName,
  now,
  frozen,
}: {
  agent: Agent;
  call: Call | null;
  queueName: string | null;
  now: number;
  frozen: boolean;
}) {
  const t = useTranslations("agents");
  const f = useFormat();
  if (!call) return <span className="text-slate-300 dark:text-slate-600">—</span>;
  // Two lines: who is calling, then how long (left to ring, or talking) and in which queue.
  const where = queueName ? ` · ${queueName}` : "";
  const ringing = agent.ringingCallId === call.id;
  const time = ringing
    ? t("left", { time: f.left(call.offerExpiresAt === null ? 0 : call.offerExpiresAt - now, frozen) })
    : f.elapsed(now - (call.answeredAt ?? now), frozen);
  return (
    <span
      className={`block font-medium ${ringing ? "text-amber-700 dark:text-amber-300" : "text-sky-700 dark:text-sky-300"}`}
      data-state={ringing ? "ringing" : "talking"}
    >
      <span className="block truncate">
        {ringing ? t("ringing") : t("onCall")} · {call.from}
      </span>
      <span className="block truncate font-normal" title={`${time}${where}`}>
        {time}
        {where}
      </span>
    </span>
  );
}
