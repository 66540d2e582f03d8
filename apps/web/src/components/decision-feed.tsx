"use client";

import {
  candidatesOf,
  type Decision,
  own,
  REASON_TEXT,
  STRATEGY_KEY,
  type Verdict,
} from "@callboard/routing";
import { useState } from "react";
import { describeChosen, describeKey } from "~/lib/describe";
import { formatDuration } from "~/lib/format";
import { CallTimeline } from "./call-timeline";
import { useCallboardClient, useCenterSelector } from "./live-provider";

const VERDICT_TEXT: Record<Verdict, string> = {
  CHOSEN: "Rang",
  RANKED_LOWER: "Could ring, ranked lower",
  NOT_ELIGIBLE: "Could not ring",
  BACKUP_HELD: "Backup group, held back",
};

const VERDICT_TONE: Record<Verdict, string> = {
  CHOSEN: "text-emerald-700",
  RANKED_LOWER: "text-slate-600",
  NOT_ELIGIBLE: "text-rose-700",
  BACKUP_HELD: "text-amber-700",
};

/** The latest routing decisions; each opens to the full candidate table and the call's timeline. */
export function DecisionFeed({ now }: { now: number }) {
  const client = useCallboardClient();
  const decisions = useCenterSelector((state) => state.decisions);
  const agents = useCenterSelector((state) => state.agents);
  const queues = useCenterSelector((state) => state.queues);
  const calls = useCenterSelector((state) => state.calls);
  const [open, setOpen] = useState<string | null>(null);
  const name = (id: string) => own(agents, id)?.name ?? id;
  return (
    <section
      aria-label="Routing decisions"
      className="flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-700">
        Routing decisions
      </h2>
      <ol className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto" data-testid="decision-feed">
        {decisions.length === 0 && <li className="p-4 text-sm text-slate-500">No call routed yet.</li>}
        {decisions.map((d) => {
          const key = `${d.callId}#${d.attempt}`;
          const isOpen = open === key;
          return (
            <li key={key} data-testid={`decision-${d.callId}-${d.attempt}`}>
              <button
                type="button"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : key)}
                className="w-full px-4 py-2 text-left text-sm hover:bg-slate-50"
              >
                <span className="flex justify-between gap-2">
                  <span className="truncate">
                    <span className="text-slate-500">{own(queues, d.queueId)?.name ?? d.queueId}</span> →{" "}
                    <span className="font-medium text-slate-900">{describeChosen(d, name)}</span>
                    {d.usedBackup && <span className="ml-1 text-xs text-amber-700">(backup)</span>}
                  </span>
                  <span className="shrink-0 text-xs tabular-nums text-slate-400">
                    {formatDuration(now - d.at)} ago
                  </span>
                </span>
                <span className="block text-xs text-slate-500">
                  {d.callId}
                  {d.attempt > 1 && ` · attempt ${d.attempt}`} · waited {d.waitedSec}s · {summary(d)}
                </span>
              </button>
              {isOpen && (
                <>
                  <CandidateTable decision={d} name={name} />
                  <CallTimeline
                    callId={d.callId}
                    client={client}
                    name={name}
                    call={own(calls, d.callId) ?? null}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function summary(d: Decision): string {
  return `${d.table.ranked.length} of ${d.table.agentIds.length} could ring · ${d.strategy}`;
}

function CandidateTable({ decision, name }: { decision: Decision; name: (id: string) => string }) {
  return (
    <div className="mx-4 mb-2">
      <p className="mb-1 text-[11px] text-slate-500">
        Strategy {decision.strategy}: ordered by {STRATEGY_KEY[decision.strategy]}; agents who already missed
        this call go last.
      </p>
      <table className="w-full text-xs" data-testid="candidate-table">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">#</th>
            <th className="font-medium">Agent</th>
            <th className="font-medium">Verdict and why</th>
          </tr>
        </thead>
        <tbody>
          {candidatesOf(decision).map((c) => (
            <tr key={c.agentId} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-2 tabular-nums text-slate-400">{c.rank ?? "–"}</td>
              <td className="pr-2">
                {name(c.agentId)}
                {c.tier === "backup" && (
                  <span className="ml-1 text-[10px] uppercase text-amber-600">backup</span>
                )}
              </td>
              <td className={VERDICT_TONE[c.verdict]}>
                {VERDICT_TEXT[c.verdict]}
                {c.verdict === "NOT_ELIGIBLE" && `: ${c.reasons.map((r) => REASON_TEXT[r]).join("; ")}`}
                {c.verdict === "BACKUP_HELD" && ": a primary agent could ring"}
                {c.key !== null &&
                  ` · ${describeKey(decision.strategy, c.key)}${c.missedThisCall ? " · already missed this call" : ""}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
