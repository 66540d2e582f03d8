/**
 * Boot after 30 simulated days of a 10,000-agent center: the core booted from its newest checkpoint,
 * against the baseline in the same run, a full replay of the whole log from seq 0 — both on the
 * database `pnpm --filter @callboard/bench seed:days` left (BENCH_SEEDED_DB, or the seeder's default
 * folder). Seeding takes ~45 s a simulated day on a quiet machine, too long to do inside the table,
 * so without a seeded database the row says how to make one instead of measuring.
 * BENCH_BOOT_FULL_REPLAY=0 skips the baseline (about a minute per seeded day).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bootInChild, defaultSeedDir } from "../../days/boot-child.ts";
import { ratio } from "../../report.ts";
import { coreSide } from "../machine.ts";
import type { BenchRow, Line, RowResult } from "../row.ts";

const FIGURE = "boot after 30 simulated days (10,000 agents), newest checkpoint + tail";
const TARGET = "≤ 5 s";

export const bootAfter30DaysRow: BenchRow = {
  id: "boot-30-days",
  async run(): Promise<RowResult> {
    const dbPath = process.env.BENCH_SEEDED_DB ?? join(defaultSeedDir(10_000, 30), "callboard.db");
    if (!existsSync(dbPath)) {
      const line: Line = {
        figure: FIGURE,
        measured: "—",
        baseline: "full replay from seq 0",
        ratio: "",
        target: TARGET,
        verdict: "not measured",
      };
      return {
        lines: [line],
        data: { measured: false, dbPath },
        notes: [
          `boot-30-days: no seeded center at ${dbPath}; make one with \`pnpm --filter @callboard/bench seed:days\` (~25 min) or point BENCH_SEEDED_DB at one`,
        ],
      };
    }
    const checkpoint = bootInChild(dbPath, true, coreSide);
    const full = process.env.BENCH_BOOT_FULL_REPLAY === "0" ? null : bootInChild(dbPath, false, coreSide);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return {
      lines: [
        {
          figure: FIGURE,
          measured: seconds(checkpoint.bootMs),
          baseline: full
            ? `${seconds(full.bootMs)} (full replay, ${full.seq.toLocaleString("en")} events)`
            : "skipped",
          ratio: full ? ratio(checkpoint.bootMs, full.bootMs) : "",
          target: TARGET,
          verdict: checkpoint.bootMs <= 5_000 ? "PASS" : "FAIL",
        },
        {
          figure: "core memory after that boot (RSS, after a GC)",
          measured: `${checkpoint.rssMb.toFixed(0)} MB`,
          baseline: full ? `${full.rssMb.toFixed(0)} MB (full replay)` : "skipped",
          ratio: "",
          target: "≤ 1 GB",
          verdict: checkpoint.rssMb <= 1024 ? "PASS" : "FAIL",
        },
      ],
      data: {
        measured: true,
        dbPath,
        events: checkpoint.seq,
        checkpointFromSeq: checkpoint.fromSeq,
        bootMs: checkpoint.bootMs,
        rssMb: checkpoint.rssMb,
        fullReplayMs: full?.bootMs ?? null,
        fullReplayRssMb: full?.rssMb ?? null,
      },
      notes: [],
    };
  },
};
