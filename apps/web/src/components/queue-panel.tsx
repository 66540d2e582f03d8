"use client";

import { own, summarizeQueue } from "@callboard/routing";
import { formatDuration } from "~/lib/format";
import { useCenterSelector } from "./live-provider";

/** One card per queue: who is waiting and for how long, who can take a call, who is wrapping up, how calls ended. */
export function QueuePanel({ now }: { now: number }) {
  // A summary reads agents, calls and queues together: the whole (immutable) state is the dependency.
  const state = useCenterSelector((s) => s);
  const queues = Object.values(state.queues).sort((a, b) => a.name.localeCompare(b.name));
  if (queues.length === 0) {
    return <p className="text-sm text-slate-500">No queues yet.</p>;
  }
  const name = (id: string) => own(state.agents, id)?.name ?? id;
  return (
    <section
      aria-labelledby="queues-heading"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3"
    >
      <h2 id="queues-heading" className="sr-only">
        Queues
      </h2>
      {queues.map((queue) => {
        const s = summarizeQueue(state, queue.id, now);
        const alarm = s.waiting > 0 && s.eligible === 0;
        const o = s.outcomes;
        return (
          <article
            key={queue.id}
            data-testid={`queue-${queue.id}`}
            className={`rounded-xl border bg-white p-4 shadow-sm ${alarm ? "border-rose-300" : "border-slate-200"}`}
          >
            <header className="flex items-baseline justify-between gap-2">
              <h3 className="font-semibold text-slate-900">{queue.name}</h3>
              <span className="truncate text-xs text-slate-400" title={queue.id}>
                {queue.strategy} · {queue.groups.length} group{queue.groups.length === 1 ? "" : "s"}
              </span>
            </header>
            <dl className="mt-3 grid grid-cols-5 gap-1 text-center">
              <Stat
                label="Waiting"
                value={s.waiting}
                testId="waiting"
                tone={s.waiting > 0 ? "warn" : "calm"}
              />
              <Stat label="Ringing" value={s.ringing} testId="ringing" />
              <Stat label="Answering" value={s.talking} testId="talking" />
              <Stat
                label="Longest"
                value={s.longestWaitMs > 0 ? formatDuration(s.longestWaitMs) : "—"}
                testId="longest-wait"
              />
              <Stat
                label="Can ring"
                value={`${s.eligible}/${s.members}`}
                testId="eligible"
                tone={alarm ? "alarm" : "calm"}
              />
            </dl>
            {alarm && (
              <p role="status" className="mt-2 text-xs font-medium text-rose-600">
                Callers waiting and no agent can take a call
              </p>
            )}
            <p className="mt-2 truncate text-xs text-slate-500" data-testid="wrap-up">
              {s.wrapUp.length === 0
                ? "Nobody in wrap-up"
                : `Wrap-up: ${s.wrapUp.map((w) => `${name(w.agentId)} ${formatDuration(w.until - now)}`).join(", ")}`}
            </p>
            <p className="mt-1 text-[11px] text-slate-400" data-testid="outcomes">
              {o.answered} answered · {o.abandoned} abandoned · {o.timed_out} timed out · {o.rejected}{" "}
              rejected · {o.closed} closed
            </p>
          </article>
        );
      })}
    </section>
  );
}

function Stat({
  label,
  value,
  testId,
  tone = "calm",
}: {
  label: string;
  value: string | number;
  testId: string;
  tone?: "calm" | "warn" | "alarm";
}) {
  const color = tone === "alarm" ? "text-rose-600" : tone === "warn" ? "text-amber-600" : "text-slate-900";
  return (
    <div>
      <dt className="text-[10px] uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
