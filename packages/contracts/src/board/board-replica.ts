import { BoardRecords, CODECS, perKind, type WireOf } from "./board-records.ts";
import type { BoardState } from "./board-state.ts";
import { type BoardDeltaWire, type BoardSnapshotWire, RECORD_KINDS, type RecordKind } from "./board-wire.ts";

/** What applying a delta did: whether the board now agrees with the server, and what changed. */
export interface Applied {
  /** The board's digest equals the one the server computed for toSeq. */
  agrees: boolean;
  digest: number;
}

/**
 * What a run of deltas changed, for a view that copies only that (packages/live's BoardView): the
 * ids set or removed per kind, and whether new decisions came. O(the deltas' size) to collect.
 */
export type BoardChanges = Record<RecordKind, Set<string>> & { decisions: boolean };

export const noBoardChanges = (): BoardChanges => ({ ...perKind(() => new Set<string>()), decisions: false });

/**
 * A board's copy of the light board state: loaded from a snapshot, advanced by deltas, each
 * checked against the digest the server sent with it. Lives in the browser (packages/live) and in
 * anything else that follows the stream (a gateway, the soak's boards).
 */
export class BoardReplica {
  private readonly records = new BoardRecords();
  readonly centerId: string;
  /** The zone of the agents' figures today (agentsToday). */
  readonly timeZone: string;

  constructor(snapshot: BoardSnapshotWire) {
    this.centerId = snapshot.centerId;
    for (const kind of RECORD_KINDS) for (const wire of snapshot[kind]) this.setFromWire(kind, wire);
    this.records.addDecisions(snapshot.decisions, (d) => JSON.stringify(d));
    this.records.state.seq = snapshot.seq;
    this.records.state.clock = snapshot.clock;
    this.timeZone = snapshot.timeZone;
  }

  /** The state, whose containers this replica mutates in place (records are replaced, never mutated). */
  get state(): BoardState {
    return this.records.state;
  }

  get seq(): number {
    return this.records.state.seq;
  }

  get digest(): number {
    return this.records.digest;
  }

  /**
   * Applies a delta that starts right after this replica's seq (the caller checks contiguity), and
   * adds what it changed to `changes` when given.
   */
  apply(delta: BoardDeltaWire, changes?: BoardChanges): Applied {
    for (const kind of RECORD_KINDS) {
      for (const wire of delta[kind] ?? []) {
        const id = this.setFromWire(kind, wire);
        changes?.[kind].add(id);
      }
    }
    if (delta.removed) {
      for (const kind of RECORD_KINDS) {
        for (const id of delta.removed[kind] ?? []) {
          this.records.remove(kind, id);
          changes?.[kind].add(id);
        }
      }
    }
    if (delta.decisions && this.records.addDecisions(delta.decisions, (d) => JSON.stringify(d)) && changes) {
      changes.decisions = true;
    }
    this.records.state.seq = delta.toSeq;
    this.records.state.clock = delta.clock;
    return { agrees: this.digest === delta.digest, digest: this.digest };
  }

  private setFromWire<K extends RecordKind>(kind: K, wire: WireOf<K>): string {
    const [id, record] = CODECS[kind].fromWire(wire);
    this.records.set(kind, id, record, JSON.stringify(wire));
    return id;
  }
}
