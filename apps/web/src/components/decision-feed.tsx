"use client";

import { type CenterState, type Decision, REASON_TEXT } from "@callboard/routing";
import { useState } from "react";
import { formatClock, formatDuration } from "~/lib/format";

const VERDICT_TEXT = {
  CHOSEN: "Chosen",
  RANKED_LOWER: "Could ring, ranked lower",
  NOT_ELIGIBLE: "Could not ring",
} as const;

/** The latest routing decisions; each opens to the full candidate table with every reason. */
export function DecisionFeed({ state, now }: { state: CenterState; now: number }) {
  const [open, setOpen] = useState<string | null>(null);
  const name = (id: string) => state.agents[id]?.name ?? id;
  return (
    <section
      aria-label="Routing decisions"
      className="flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-700">
        Routing decisions
      </h2>
      <ol className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto" data-testid="decision-feed">
        {state.decisions.length === 0 && <li className="p-4 text-sm text-slate-500">No call routed yet.</li>}
        {state.decisions.map((d) => {
          const key = `${d.callId}#${d.attempt}`;
          const isOpen = open === key;
          return (
            <li key={key} data-testid={`decision-${d.callId}`}>
              <button
                type="button"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : key)}
                className="w-full px-4 py-2 text-left text-sm hover:bg-slate-50"
              >
                <div className="flex justify-between gap-2">
                  <span className="truncate">
                    <span className="text-slate-500">{state.queues[d.queueId]?.name ?? d.queueId}</span> →{" "}
                    <span className="font-medium text-slate-900">{name(d.agentId)}</span>
                  </span>
                  <span className="shrink-0 text-xs tabular-nums text-slate-400" title={formatClock(d.at)}>
                    {formatDuration(now - d.at)} ago
                  </span>
                </div>
                <div className="text-xs text-slate-500">
                  {d.callId}
                  {d.attempt > 1 && ` · attempt ${d.attempt}`} · waited {d.waitedSec}s · {summary(d)}
                </div>
              </button>
              {isOpen && <CandidateTable decision={d} name={name} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function summary(d: Decision): string {
  const ringable = d.candidates.filter((c) => c.verdict !== "NOT_ELIGIBLE").length;
  return `${ringable} of ${d.candidates.length} could ring · longest idle first`;
}

function CandidateTable({ decision, name }: { decision: Decision; name: (id: string) => string }) {
  return (
    <table className="mx-4 mb-3 w-[calc(100%-2rem)] text-xs" data-testid="candidate-table">
      <thead className="text-left text-slate-500">
        <tr>
          <th className="py-1 font-medium">#</th>
          <th className="font-medium">Agent</th>
          <th className="font-medium">Verdict and why</th>
        </tr>
      </thead>
      <tbody>
        {decision.candidates.map((c) => (
          <tr key={c.agentId} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-2 tabular-nums text-slate-400">{c.rank ?? "–"}</td>
            <td className="pr-2">{name(c.agentId)}</td>
            <td
              className={
                c.verdict === "CHOSEN"
                  ? "text-emerald-700"
                  : c.verdict === "NOT_ELIGIBLE"
                    ? "text-rose-700"
                    : "text-slate-600"
              }
            >
              {VERDICT_TEXT[c.verdict]}
              {c.verdict === "NOT_ELIGIBLE" && `: ${c.reasons.map((r) => REASON_TEXT[r]).join("; ")}`}
              {c.verdict !== "NOT_ELIGIBLE" &&
                ` · idle since ${formatClock(c.idleSince)}${c.missedThisCall ? " · already missed this call" : ""}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
