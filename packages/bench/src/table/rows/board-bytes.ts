/**
 * Light boards (issue 12 §2): the bytes a board downloads to start (GET /live/snapshot) and one
 * board's stream (gzipped deltas + heartbeat) at 10,000 agents, against the engine-state snapshot
 * and the event batches boards were sent before, in the same run (packages/bench/src/board-stream.ts).
 * Knobs: BENCH_BOARD_AGENTS (10,000), BENCH_BOARD_QUEUES (50), BENCH_BOARD_SPEED (simulator time
 * compression, 3: about 800 events/s — the simulator's arrivals grow with the center since
 * build-bench, so 60 now gives ~4,900/s and 9 ~2,200/s), BENCH_BOARD_SECONDS (30 simulated seconds, after 60 of warm-up).
 */
import { measureBoardStream } from "../../board-stream.ts";
import type { BenchRow } from "../row.ts";

export const boardBytesRow: BenchRow = {
  id: "board-bytes",
  async run() {
    return measureBoardStream({
      agents: Number(process.env.BENCH_BOARD_AGENTS ?? 10_000),
      queues: Number(process.env.BENCH_BOARD_QUEUES ?? 50),
      speed: Number(process.env.BENCH_BOARD_SPEED ?? 3),
      warmUpSec: 60,
      measureSec: Number(process.env.BENCH_BOARD_SECONDS ?? 30),
    });
  },
};
