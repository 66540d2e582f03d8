/**
 * Fan-out (issue 12 §4): BENCH_FANOUT_SOCKETS (1,000) board sockets (socket.io-client, in their own
 * process) on the core while BENCH_FANOUT_RATE (100) status changes a second arrive for
 * BENCH_FANOUT_SEC (10):
 * - event → browser-side handler, p50/p99 (from the event's commit stamp to each socket's handler;
 *   the gateway's ≤ 10 Hz coalescing included), against raw `ws`: a bare server sending batches of
 *   the same size at the same rate to as many `ws` sockets in the same client process;
 * - broadcast cost: the core's CPU seconds with the sockets attached minus the same load with none,
 *   against the raw server's CPU seconds for loop-sending the same bytes.
 */
import { ratio } from "../../report.ts";
import { startChild } from "../child.ts";
import { addAgents, type CoreUnderTest, OPERATOR, startCore } from "../core-process.ts";
import { type BenchRow, verdict } from "../row.ts";
import type { LoadResult, SocketsResult } from "./types.ts";

const SOCKETS = Number(process.env.BENCH_FANOUT_SOCKETS ?? 1_000);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_FANOUT_SEC ?? 10);

export const fanoutRow: BenchRow = {
  id: "fanout",
  async run() {
    const core = await startCore("compiled");
    const load = startChild("load");
    const sockets = startChild("sockets");
    const raw = startChild("raw-ws", "core");
    try {
      const agents = await addAgents(core, 1_000);
      const drive = () =>
        load.ask<LoadResult>({
          cmd: "run",
          url: core.url,
          token: OPERATOR,
          shape: "status",
          agents,
          queueIds: [],
          seconds: SECONDS,
          rate: RATE,
        });
      const cpuOf = async (c: CoreUnderTest, work: () => Promise<unknown>) => {
        const before = c.cpuSeconds();
        await work();
        await new Promise((r) => setTimeout(r, 500));
        return c.cpuSeconds() - before;
      };
      // The same load with no socket: what the core spends on everything but the fan-out.
      const cpuAlone = await cpuOf(core, drive);
      await sockets.ask({ cmd: "boards", url: core.url, cookie: await core.signIn(), count: SOCKETS });
      await sockets.ask({ cmd: "reset" });
      const cpuWithSockets = await cpuOf(core, drive);
      const live = await sockets.ask<SocketsResult>({ cmd: "collect" });
      await sockets.ask({ cmd: "close" });

      // The baseline: same bytes per batch, same batch rate, as many raw sockets.
      const { url } = await raw.ask<{ url: string }>({ cmd: "address" });
      await sockets.ask({ cmd: "raw", url, count: SOCKETS });
      await sockets.ask({ cmd: "reset" });
      const batchesPerSec = live.batchesPerSocket / SECONDS;
      const eventsPerBatch = Math.max(1, Math.round(live.events / Math.max(1, live.batches)));
      const rawRun = await raw.ask<{ cpuSeconds: number }>({
        cmd: "broadcast",
        batchesPerSec,
        eventsPerBatch,
        bytesPerBatch: live.bytesPerBatch,
        seconds: SECONDS,
      });
      const baseline = await sockets.ask<SocketsResult>({ cmd: "collect" });
      await sockets.ask({ cmd: "close" });

      const ms = (us: number) => us / 1000;
      const fanoutCpu = cpuWithSockets - cpuAlone;
      const expected = SOCKETS * RATE * SECONDS;
      return {
        lines: [
          {
            figure: `event → handler p50, ${SOCKETS} sockets`,
            measured: `${ms(live.latencyUs.p50).toFixed(0)} ms`,
            baseline: `${ms(baseline.latencyUs.p50).toFixed(0)} ms (raw ws)`,
            ratio: ratio(live.latencyUs.p50, baseline.latencyUs.p50),
            target: "≤ 100 ms",
            verdict: verdict(ms(live.latencyUs.p50) <= 100),
          },
          {
            figure: `event → handler p99, ${SOCKETS} sockets`,
            measured: `${ms(live.latencyUs.p99).toFixed(0)} ms`,
            baseline: `${ms(baseline.latencyUs.p99).toFixed(0)} ms (raw ws)`,
            ratio: ratio(live.latencyUs.p99, baseline.latencyUs.p99),
            target: "≤ 250 ms",
            verdict: verdict(ms(live.latencyUs.p99) <= 250),
          },
          {
            figure: `broadcast cost (core CPU s for ${SECONDS} s of fan-out)`,
            measured: `${fanoutCpu.toFixed(2)} s`,
            baseline: `${rawRun.cpuSeconds.toFixed(2)} s (raw ws loop-send)`,
            ratio: ratio(fanoutCpu, rawRun.cpuSeconds),
            target: "≤ 1.25×",
            verdict: verdict(fanoutCpu / rawRun.cpuSeconds <= 1.25),
          },
        ],
        data: {
          sockets: SOCKETS,
          ratePerSec: RATE,
          seconds: SECONDS,
          handlerP50Ms: ms(live.latencyUs.p50),
          handlerP99Ms: ms(live.latencyUs.p99),
          rawWsP50Ms: ms(baseline.latencyUs.p50),
          rawWsP99Ms: ms(baseline.latencyUs.p99),
          eventsDelivered: live.events,
          eventsExpected: expected,
          gaps: live.gaps,
          bytesPerBatch: live.bytesPerBatch,
          batchesPerSecPerSocket: batchesPerSec,
          coreCpuAloneSec: cpuAlone,
          coreCpuWithSocketsSec: cpuWithSockets,
          rawWsCpuSec: rawRun.cpuSeconds,
        },
        notes: [
          `fan-out: ${RATE} events/s for ${SECONDS} s to ${SOCKETS} sockets: ${live.events.toLocaleString("en-US")} of ${expected.toLocaleString("en-US")} event deliveries seen, ${live.gaps} gaps; ${batchesPerSec.toFixed(1)} batches/s per socket of ${Math.round(live.bytesPerBatch).toLocaleString("en-US")} bytes; core CPU ${cpuAlone.toFixed(2)} s without sockets, ${cpuWithSockets.toFixed(2)} s with them`,
        ],
      };
    } finally {
      await raw.stop();
      await sockets.stop();
      await load.stop();
      await core.stop();
    }
  },
};
