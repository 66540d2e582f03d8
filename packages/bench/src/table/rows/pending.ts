/**
 * Rows of the table whose tools belong to other work of issue 12 (checkpoints and retention).
 * Each stays in the table, marked, until its tool exists: that work replaces the row's `run` here (or adds its own row file to rows/index.ts) with the measurement.
 */
import type { BenchRow } from "../row.ts";

const pending = (id: string, figure: string, baseline: string, target: string, owner: string): BenchRow => ({
  id,
  async run() {
    return {
      lines: [{ figure, measured: "—", baseline, ratio: "", target, verdict: "not measured" }],
      data: { measured: false, owner },
      notes: [`${id}: not measured yet — needs ${owner}`],
    };
  },
});

export const bootAfter30DaysRow = pending(
  "boot-30-days",
  "boot after 30 simulated days (10,000 agents)",
  "full replay from seq 0",
  "≤ 5 s",
  // Measured by the standalone seeder instead: minutes a simulated day, too long for this table.
  "the standalone seeder, `pnpm --filter @callboard/bench seed:days` (figures: packages/bench/README.md)",
);
