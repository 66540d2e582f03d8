"use client";

import { type CenterState, summarizeQueue } from "@callboard/routing";
import { formatDuration } from "~/lib/format";

/** One card per queue: who is waiting, for how long, and how many agents could take a call now. */
export function QueuePanel({ state, now }: { state: CenterState; now: number }) {
  const queues = Object.values(state.queues).sort((a, b) => a.name.localeCompare(b.name));
  if (queues.length === 0) {
    return <p className="text-sm text-slate-500">No queues yet.</p>;
  }
  return (
    <section aria-label="Queues" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {queues.map((queue) => {
        const s = summarizeQueue(state, queue.id, now);
        const alarm = s.waiting > 0 && s.eligible === 0;
        return (
          <article
            key={queue.id}
            data-testid={`queue-${queue.id}`}
            className={`rounded-xl border bg-white p-4 shadow-sm ${alarm ? "border-rose-300" : "border-slate-200"}`}
          >
            <header className="flex items-baseline justify-between">
              <h3 className="font-semibold text-slate-900">{queue.name}</h3>
              <span className="text-xs text-slate-400">{queue.id}</span>
            </header>
            <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
              <Stat
                label="Waiting"
                value={s.waiting}
                testId="waiting"
                tone={s.waiting > 0 ? "warn" : "calm"}
              />
              <Stat
                label="Longest wait"
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
            <p className="mt-2 text-xs text-slate-500">
              {s.ringing} ringing · {s.talking} talking
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
      <dt className="text-[11px] uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${color}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
