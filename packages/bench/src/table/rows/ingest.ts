/**
 * Ingest end to end (issue 12 §4): HTTP → validate → dedupe (every request carries an idempotency
 * key) → persist (group commit, WAL, synchronous=FULL) → state → delta (one board socket attached,
 * so every batch is serialized to a socket), sustained for BENCH_INGEST_SEC (20; 60 for the issue's
 * figure) by BENCH_INGEST_SENDERS (64) closed-loop senders in their own process. The events toggle
 * 1,000 agents' manual status, so each one changes the state. Baseline, same run: raw better-sqlite3
 * inserts of rows the size of a logged event, 100 per transaction, same pragmas. The core's
 * event-loop lag p99 over the same window comes from its /metrics (perf_hooks monitorEventLoopDelay
 * through prom-client, reset at each scrape).
 */
import { count, ratio } from "../../report.ts";
import { startChild } from "../child.ts";
import { addAgents, OPERATOR, startCore } from "../core-process.ts";
import { rawInsertRate } from "../raw-sqlite.ts";
import { type BenchRow, verdict } from "../row.ts";
import type { LoadResult } from "./types.ts";

const SECONDS = Number(process.env.BENCH_INGEST_SEC ?? 20);
const SENDERS = Number(process.env.BENCH_INGEST_SENDERS ?? 64);
const AGENTS = 1_000;

export const ingestRow: BenchRow = {
  id: "ingest",
  async run() {
    const baseline = rawInsertRate(3);
    const core = await startCore("compiled");
    const sockets = startChild("sockets");
    const load = startChild("load");
    try {
      const agents = await addAgents(core, AGENTS);
      await sockets.ask({ cmd: "boards", url: core.url, cookie: await core.signIn(), count: 1 });
      await core.loopLagP99Ms(); // resets the lag histogram: what follows is the load's
      const result = await load.ask<LoadResult>({
        cmd: "run",
        url: core.url,
        token: OPERATOR,
        shape: "status",
        agents,
        queueIds: [],
        seconds: SECONDS,
        concurrency: SENDERS,
      });
      const lagP99 = await core.loopLagP99Ms();
      const rate = result.acked / result.elapsedSec;
      const ackP99 = result.latencyUs.p99 / 1000;
      return {
        lines: [
          {
            figure: `ingest end to end, ${SECONDS} s sustained (events/s)`,
            measured: count(rate),
            baseline: `${count(baseline)} rows/s (raw better-sqlite3, 100/tx)`,
            ratio: ratio(rate, baseline),
            target: "≥ 5,000/s and ≥ 0.06×",
            verdict: verdict(rate >= 5_000, rate / baseline >= 0.06, result.errors === 0),
          },
          {
            figure: "ingest ack p99 (at that rate)",
            measured: `${ackP99.toFixed(1)} ms`,
            baseline: "",
            ratio: "",
            target: "≤ 50 ms",
            verdict: verdict(ackP99 <= 50),
          },
          {
            figure: "core event-loop lag p99 under that load",
            measured: `${lagP99.toFixed(1)} ms`,
            baseline: "",
            ratio: "",
            target: "≤ 20 ms",
            verdict: verdict(lagP99 <= 20),
          },
        ],
        data: {
          ingestEventsPerSec: rate,
          rawSqliteRowsPerSec: baseline,
          ingestAckP50Ms: result.latencyUs.p50 / 1000,
          ingestAckP99Ms: ackP99,
          ingestErrors: result.errors,
          loopLagP99Ms: lagP99,
          seconds: SECONDS,
          senders: SENDERS,
        },
        notes: [
          `ingest: ${count(result.acked)} events acknowledged in ${result.elapsedSec.toFixed(1)} s by ${SENDERS} closed-loop senders (${result.errors} failed), ack p50 ${(result.latencyUs.p50 / 1000).toFixed(1)} ms; 1 board socket attached; BENCH_INGEST_SEC=60 for the issue's 60 s`,
        ],
      };
    } finally {
      await load.stop();
      await sockets.stop();
      await core.stop();
    }
  },
};
