/**
 * The hot path, compiled against tsx: the same ingest load (closed-loop senders toggling 1,000
 * agents' statuses over POST /api/events) on the production bundle and on the TypeScript under tsx,
 * BENCH_COMPARE_SEC (8) each, after a 2 s warm-up each. tsx's loader wraps every module (its
 * name-keeping helpers showed in profiles); this row says what leaving it costs or gains.
 */
import { count, ratio } from "../../report.ts";
import { startChild } from "../child.ts";
import { addAgents, type CoreBuild, OPERATOR, startCore } from "../core-process.ts";
import type { BenchRow } from "../row.ts";
import type { LoadResult } from "./types.ts";

const SECONDS = Number(process.env.BENCH_COMPARE_SEC ?? 8);
const SENDERS = 32;

async function ingestRate(build: CoreBuild): Promise<number> {
  const core = await startCore(build);
  const load = startChild("load");
  try {
    const agents = await addAgents(core, 1_000);
    const run = (seconds: number) =>
      load.ask<LoadResult>({
        cmd: "run",
        url: core.url,
        token: OPERATOR,
        shape: "status",
        agents,
        queueIds: [],
        seconds,
        concurrency: SENDERS,
      });
    await run(2);
    const result = await run(SECONDS);
    return result.acked / result.elapsedSec;
  } finally {
    await load.stop();
    await core.stop();
  }
}

export const compiledVsTsxRow: BenchRow = {
  id: "compiled-vs-tsx",
  async run() {
    const compiled = await ingestRate("compiled");
    const tsx = await ingestRate("tsx");
    return {
      lines: [
        {
          figure: `ingest throughput, compiled (events/s, ${SECONDS} s)`,
          measured: count(compiled),
          baseline: `${count(tsx)} (tsx)`,
          ratio: ratio(compiled, tsx),
          target: "≥ tsx",
          verdict: compiled >= tsx ? "PASS" : "FAIL",
        },
      ],
      data: { ingestCompiledPerSec: compiled, ingestTsxPerSec: tsx, seconds: SECONDS, senders: SENDERS },
      notes: [],
    };
  },
};
