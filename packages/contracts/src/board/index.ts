export { type AgentRow, decodeAgent, encodeAgent } from "./agent-row.ts";
export { BoardProjector } from "./board-projector.ts";
export { BOARD_DECISIONS, BoardRecords, containerOf, emptyBoardState } from "./board-records.ts";
export { type Applied, type BoardChanges, BoardReplica, noBoardChanges } from "./board-replica.ts";
export { type BoardState, type DecisionSummary, decisionKey, summarizeDecision } from "./board-state.ts";
export {
  type BoardDeltaWire,
  type BoardSnapshotWire,
  type QueueRuntime,
  RECORD_KINDS,
  type RecordKind,
  type WireBytes,
  type WireRecords,
} from "./board-wire.ts";
export { packBatches, unpackBatches } from "./catch-up-pack.ts";
export { recordHash } from "./digest.ts";
