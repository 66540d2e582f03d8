export { BoardView } from "./board-view.ts";
export { jsonEqual, mergeKpis, type QueueKpiView, shareKpis } from "./kpis.ts";
export { type LiveCallRow, liveCallsByQueue } from "./live-calls.ts";
export {
  type AgentsToday,
  type ConnectionStatus,
  HELD_WHILE_LOADING,
  LiveCenter,
  type LiveView,
  nextFrame,
  RECONNECT_AFTER_KICK_MS,
  RETRY_MAX_MS,
  RETRY_MIN_MS,
  type Scheduler,
  SUBSCRIBE_TIMEOUT_MS,
  staleSince,
  unpackJson,
} from "./live-center.ts";
export type { LiveSocket } from "./live-socket.ts";
