import { type QueueKpis, type QueueKpiView, queueKpiView } from "@callboard/kpi";
import {
  type CenterState,
  canRing,
  own,
  type QueueSummary,
  queueRoster,
  SystemStatus,
  summarizeQueues,
} from "@callboard/routing";

/**
 * One queue as a wallboard shows it: counts only — no agent names, ids or phone numbers, so a
 * screen on the floor (and anyone who photographs it, or steals its link) learns nothing personal.
 */
export interface WallboardTile {
  queueId: string;
  name: string;
  waiting: number;
  ringing: number;
  talking: number;
  longestWaitMs: number;
  /** Agents of the queue's groups a call could ring right now. */
  canRing: number;
  /** Members in after-call work. */
  wrapUp: number;
  /** Members on a call (any queue's) or ringing for one, outside wrap-up. */
  onCall: number;
  /** Members who cannot ring and are not on a call or in wrap-up (not Available, offline, …). */
  away: number;
  /** canRing + onCall + wrapUp + away: each member is counted once, in the first that applies. */
  members: number;
  answered: number;
  abandoned: number;
  timedOut: number;
  /** Service level, ASA, abandonment and the staffing advice, with their threshold levels; null before the fold knows the queue. */
  kpi: QueueKpiView | null;
}

/** What a wallboard receives about once a second; `serverTime` lets it say how fresh it is. */
export interface WallboardUpdate {
  label: string;
  serverTime: number;
  tiles: WallboardTile[];
}

/** The tiles of `queueIds` that exist, in the order asked; `kpisOf` reads the server's live KPI fold. */
export function wallboardTiles(
  state: CenterState,
  queueIds: readonly string[],
  now: number,
  kpisOf: (queueId: string) => QueueKpis | null,
): WallboardTile[] {
  const tiles: WallboardTile[] = [];
  const summaries = summarizeQueues(state, queueIds, now);
  for (const queueId of queueIds) {
    const queue = own(state.queues, queueId);
    if (!queue) continue;
    const s = summaries.get(queueId)!;
    const agents = { canRing: 0, wrapUp: 0, onCall: 0, away: 0 };
    for (const { agent } of queueRoster(state, queue)) {
      if (canRing(agent)) agents.canRing++;
      else if (agent.wrapUpUntil !== null) agents.wrapUp++;
      else if (agent.systemStatus === SystemStatus.ON_CALL || agent.ringingCallId !== null) agents.onCall++;
      else agents.away++;
    }
    tiles.push({
      queueId,
      name: queue.name,
      waiting: s.waiting,
      ringing: s.ringing,
      talking: s.talking,
      longestWaitMs: s.longestWaitMs,
      ...agents,
      members: s.members,
      answered: s.outcomes.answered,
      abandoned: s.outcomes.abandoned,
      timedOut: s.outcomes.timed_out,
      kpi: kpiView(state, s, kpisOf),
    });
  }
  return tiles;
}

/**
 * The KPI view (the fold's figures, the advisor, threshold levels) of each of `queueIds` that exists
 * and the fold knows, in the order asked: every queue summarized in one pass (the heartbeat's content).
 */
export function kpiViewsOf(
  state: CenterState,
  queueIds: readonly string[],
  now: number,
  kpisOf: (queueId: string) => QueueKpis | null,
): QueueKpiView[] {
  const views: QueueKpiView[] = [];
  for (const summary of summarizeQueues(state, queueIds, now).values()) {
    const view = kpiView(state, summary, kpisOf);
    if (view) views.push(view);
  }
  return views;
}

function kpiView(
  state: CenterState,
  summary: QueueSummary,
  kpisOf: (queueId: string) => QueueKpis | null,
): QueueKpiView | null {
  const queue = own(state.queues, summary.queueId);
  const kpis = queue ? kpisOf(summary.queueId) : null;
  return queue && kpis ? queueKpiView(kpis, queue, summary) : null;
}
