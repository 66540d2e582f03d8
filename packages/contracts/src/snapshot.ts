import type { AgentDaySnapshot } from "@callboard/kpi";
import type { CenterState, LoggedEvent } from "@callboard/routing";

/** The whole center at `state.seq`, as the board gets it from its first board:subscribe before applying deltas. */
export interface Snapshot {
  /** Which event history this is; seqs of different histories must never be mixed. */
  centerId: string;
  state: CenterState;
  /**
   * Each agent's figures today at `state.seq` (packages/kpi agent-day fold); the board continues the
   * same fold over the events it is sent, so no per-agent figure is ever re-sent.
   */
  agentsToday: AgentDaySnapshot;
  /** The server's clock when the snapshot was taken, so clients can correct their own clock's skew. */
  serverTime: number;
}

/** A run of consecutive logged events, fromSeq..toSeq, as fanned out to a room. */
export interface EventBatch {
  centerId: string;
  fromSeq: number;
  toSeq: number;
  events: LoggedEvent[];
  serverTime: number;
}

/** What a (re)subscribing client needs to be current: the events it missed, or a new snapshot if too many. */
export type CatchUp = { kind: "events"; batch: EventBatch } | { kind: "snapshot"; snapshot: Snapshot };
