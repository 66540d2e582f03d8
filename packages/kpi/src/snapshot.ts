import type { AgentTrack, CallTrack, KpiState, QueueTrack } from "./fold.ts";

/** A queue's track with its typed arrays as plain arrays. */
type QueueTrackJson = Omit<QueueTrack, "today" | "ring" | "ringBucket"> & {
  today: number[];
  ring: number[];
  ringBucket: number[];
};

/**
 * A KpiState as plain JSON, for a checkpoint: restoring it gives a state that folds and reads the same.
 * History's recorder is not part of it: what it holds is the read model's business (its own seq).
 */
export interface KpiSnapshot {
  seq: number;
  queues: [string, QueueTrackJson][];
  calls: [string, CallTrack][];
  agents: [string, AgentTrack][];
  groups: [string, readonly string[]][];
}

export function kpiSnapshot(state: KpiState): KpiSnapshot {
  return {
    seq: state.seq,
    queues: [...state.queues].map(([id, q]) => [
      id,
      { ...q, today: Array.from(q.today), ring: Array.from(q.ring), ringBucket: Array.from(q.ringBucket) },
    ]),
    calls: [...state.calls],
    agents: [...state.agents],
    groups: [...state.groups],
  };
}

/**
 * The state a snapshot was taken of (memberships are derived, so they are rebuilt on first use),
 * recording no history until `recordHistory` gives it a recorder.
 */
export function restoreKpi(snapshot: KpiSnapshot): KpiState {
  return {
    seq: snapshot.seq,
    queues: new Map(
      snapshot.queues.map(([id, q]) => [
        id,
        {
          ...q,
          today: Float64Array.from(q.today),
          ring: Float64Array.from(q.ring),
          ringBucket: Float64Array.from(q.ringBucket),
        },
      ]),
    ),
    calls: new Map(snapshot.calls),
    agents: new Map(snapshot.agents),
    groups: new Map(snapshot.groups),
    membership: null,
    history: null,
  };
}
