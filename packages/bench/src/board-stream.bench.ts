/**
 * `pnpm bench`'s light-board figures, standalone until the bench has one table: prints the lines
 * and writes results/board-stream.json. Knobs: BENCH_BOARD_AGENTS (10,000), BENCH_BOARD_QUEUES (50),
 * BENCH_BOARD_SPEED (simulator time compression, 60: about 700 events/s), BENCH_BOARD_SECONDS (30
 * simulated seconds measured, after 60 of warm-up).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { measureBoardStream } from "./board-stream.ts";
import { table } from "./report.ts";

const options = {
  agents: Number(process.env.BENCH_BOARD_AGENTS ?? 10_000),
  queues: Number(process.env.BENCH_BOARD_QUEUES ?? 50),
  speed: Number(process.env.BENCH_BOARD_SPEED ?? 60),
  warmUpSec: 60,
  measureSec: Number(process.env.BENCH_BOARD_SECONDS ?? 30),
};
const started = performance.now();
const result = measureBoardStream(options);
console.log(
  table(
    ["figure", "measured", "baseline (same run)", "ratio", "target", "verdict"],
    result.lines.map((l) => [l.figure, l.measured, l.baseline, l.ratio, l.target, l.verdict]),
  ),
);
for (const note of result.notes) console.log(`- ${note}`);
console.log(
  `- ${os.cpus().length} cores, Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
const dir = new URL("../results/", import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(
  new URL("board-stream.json", dir),
  `${JSON.stringify({ ...result.data, at: new Date().toISOString() }, null, 2)}\n`,
);
