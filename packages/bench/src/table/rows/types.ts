import type { Summary } from "../../stats.ts";

/** What clients/load.ts answers to `run`. */
export interface LoadResult {
  acked: number;
  sent: number;
  errors: number;
  elapsedSec: number;
  latencyUs: Summary;
}

/** What clients/sockets.ts answers to `collect`. */
export interface SocketsResult {
  latencyUs: Summary;
  batches: number;
  events: number;
  gaps: number;
  bytesPerBatch: number;
  batchesPerSocket: number;
  minSeq: number;
  maxSeq: number;
  connected: number;
  rssBytes: number;
}
