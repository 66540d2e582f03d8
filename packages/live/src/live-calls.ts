import type { Agent, Call } from "@callboard/routing";
import { own } from "@callboard/routing";

/** A call still waiting for an agent, as a queue's live calls list shows it. */
export interface LiveCallRow {
  id: string;
  queueId: string;
  /** The caller's number. */
  from: string;
  status: "waiting" | "ringing";
  /** The wait is counted from here (the board's `now`, frozen while stale, minus this). */
  arrivedAt: number;
  /** 1 = first in line: the rank among the queue's calls waiting or ringing, in arrival order. */
  position: number;
  /** Who it is ringing now (one agent, or several for ring-all); names fall back to the id. */
  ringing: { id: string; name: string }[];
  /** Offers made so far (the ones that ended went unanswered). */
  offers: number;
}

/**
 * Each queue's calls not answered yet — waiting or ringing — in line order (arrival, then arrival
 * seq, as the engine serves them), so a call that is never offered is visible while it waits. Calls
 * being talked on have left the line. Queues with none are absent. O(calls · log calls).
 *
 * @example liveCallsByQueue(state.calls, state.agents).get("sales")?.[0]?.position // 1
 */
export function liveCallsByQueue(
  calls: Readonly<Record<string, Call>>,
  agents: Readonly<Record<string, Agent>>,
): Map<string, LiveCallRow[]> {
  const lines = new Map<string, Call[]>();
  for (const call of Object.values(calls)) {
    if (!call.admitted || (call.status !== "waiting" && call.status !== "ringing")) continue;
    const line = lines.get(call.queueId);
    if (line) line.push(call);
    else lines.set(call.queueId, [call]);
  }
  const out = new Map<string, LiveCallRow[]>();
  for (const [queueId, line] of lines) {
    line.sort((a, b) => a.arrivedAt - b.arrivedAt || a.arrivedSeq - b.arrivedSeq);
    out.set(
      queueId,
      line.map((call, i) => ({
        id: call.id,
        queueId,
        from: call.from,
        status: call.status as LiveCallRow["status"],
        arrivedAt: call.arrivedAt,
        position: i + 1,
        ringing: call.ringing.map((id) => ({ id, name: own(agents, id)?.name ?? id })),
        offers: call.offers,
      })),
    );
  }
  return out;
}
