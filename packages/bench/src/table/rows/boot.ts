/**
 * Start-up of the core, production bundle under plain node against the same TypeScript under tsx
 * (what `pnpm start` ran before): spawn → first /healthz answer on an empty log, median of
 * BENCH_BOOT_RUNS (5) starts each, alternated so a busy moment hits both.
 */
import { ratio } from "../../report.ts";
import { summarize } from "../../stats.ts";
import { startCore } from "../core-process.ts";
import type { BenchRow } from "../row.ts";

const RUNS = Number(process.env.BENCH_BOOT_RUNS ?? 5);

export const bootRow: BenchRow = {
  id: "boot",
  async run() {
    const times = { compiled: [] as number[], tsx: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      for (const build of ["compiled", "tsx"] as const) {
        const core = await startCore(build);
        times[build].push(core.bootMs * 1000);
        await core.stop();
      }
    }
    const compiled = summarize(times.compiled).p50 / 1000;
    const tsx = summarize(times.tsx).p50 / 1000;
    return {
      lines: [
        {
          figure: "core start-up, compiled (spawn → /healthz, empty log, median)",
          measured: `${compiled.toFixed(0)} ms`,
          baseline: `${tsx.toFixed(0)} ms (tsx)`,
          ratio: ratio(compiled, tsx),
          target: "faster than tsx",
          verdict: compiled < tsx ? "PASS" : "FAIL",
        },
      ],
      data: { bootCompiledMs: compiled, bootTsxMs: tsx, runs: RUNS },
      notes: [],
    };
  },
};
