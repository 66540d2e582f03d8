import type { AgentDaySnapshot } from "@callboard/kpi";
import type { CenterState } from "@callboard/routing";
import type { WireBytes } from "./board/board-wire.ts";

/** The engine's whole state at `state.seq` (center.snapshot, for tools; boards load GET /live/snapshot). */
export interface Snapshot {
  /** Which event history this is; seqs of different histories must never be mixed. */
  centerId: string;
  state: CenterState;
  /**
   * Each agent's figures today at `state.seq` (packages/kpi agent-day fold). Boards get them as the
   * light board's agentsToday records instead (BoardSnapshotWire, then deltas of the changed ones).
   */
  agentsToday: AgentDaySnapshot;
  /** The server's clock when the snapshot was taken, so clients can correct their own clock's skew. */
  serverTime: number;
}

/** Where boards load their snapshot (BoardSnapshotWire, compressed when the browser accepts it). */
export const BOARD_SNAPSHOT_PATH = "/live/snapshot";

/**
 * What a (re)subscribing board needs to be current: the delta batches after its seq, from the
 * server's ring of recent batches — or, when it holds another history or fell out of the ring,
 * word to load a fresh snapshot (BOARD_SNAPSHOT_PATH); batches keep coming meanwhile.
 */
export type CatchUp =
  /** `packed`: the batches in one value (packBatches: one binary attachment, however many batches). */
  { kind: "deltas"; packed: WireBytes } | { kind: "snapshot"; seq: number };
