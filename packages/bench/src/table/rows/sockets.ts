/**
 * Sockets per process and routing under full fan-out (issue 12 §4), on one core with
 * BENCH_SOCKETS (5,000, the figure) board sockets attached from another process:
 * - at about one update a second (a call a second, each a short burst of events), every socket must
 *   see every event (its seq reaches the core's, no gap), and the core's RSS growth per socket;
 * - then BENCH_ROUTING_RATE (20) calls a second for BENCH_SOCKETS_SEC (10): the routing decision end
 *   to end (POST call.arrived → the core's answer, sent after the decision is committed) while
 *   every socket receives it, against the same decision made in-process by `step` on the same center.
 */
import { type CenterState, emptyState, step } from "@callboard/routing";
import { count, ratio } from "../../report.ts";
import { summarize } from "../../stats.ts";
import { QUEUE_ID, routingCenter } from "../center.ts";
import { startChild } from "../child.ts";
import { OPERATOR, sleep, startCore } from "../core-process.ts";
import { type BenchRow, verdict } from "../row.ts";
import type { LoadResult, SocketsResult } from "./types.ts";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 5_000);
const SECONDS = Number(process.env.BENCH_SOCKETS_SEC ?? 10);
const ROUTING_RATE = Number(process.env.BENCH_ROUTING_RATE ?? 20);

/** In-process: call.arrived (admitted and offered in the same step) then abandoned, timed apart. */
function inProcessDecisionUs(samples: number): number[] {
  const state: CenterState = emptyState();
  let now = Date.now();
  for (const event of routingCenter()) step(state, event, now);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    now += 50;
    const callId = `in-process-${i}`;
    const started = process.hrtime.bigint();
    step(state, { type: "call.arrived", callId, queueId: QUEUE_ID, from: "84901234567" }, now);
    times.push(Number(process.hrtime.bigint() - started) / 1000);
    step(state, { type: "call.abandoned", callId }, now + 10);
  }
  return times;
}

export const socketsRow: BenchRow = {
  id: "sockets",
  async run() {
    const baseline = summarize(inProcessDecisionUs(3_000));
    const core = await startCore("compiled");
    const load = startChild("load");
    const sockets = startChild("sockets");
    try {
      for (const event of routingCenter()) await core.postEvent(event);
      const rssBefore = core.rssBytes();
      const opened = performance.now();
      const { open } = await sockets.ask<{ open: number }>({
        cmd: "boards",
        url: core.url,
        cookie: await core.signIn(),
        count: SOCKETS,
      });
      const openSec = (performance.now() - opened) / 1000;
      await sleep(1_000);
      const rssAfter = core.rssBytes();
      const calls = (rate: number) =>
        load.ask<LoadResult>({
          cmd: "run",
          url: core.url,
          token: OPERATOR,
          shape: "calls",
          agents: [],
          queueIds: [QUEUE_ID],
          seconds: SECONDS,
          rate,
        });

      // ~1 update a second: does every socket get everything?
      await sockets.ask({ cmd: "reset" });
      await calls(1);
      await sleep(1_500);
      const coreSeq = (
        (await (
          await fetch(`${core.url}/health`, { headers: { authorization: `Bearer ${OPERATOR}` } })
        ).json()) as { seq: number }
      ).seq;
      const delivery = await sockets.ask<SocketsResult>({ cmd: "collect" });
      const allDelivered = delivery.minSeq === coreSeq && delivery.gaps === 0 && delivery.connected === open;

      // Routing under full fan-out.
      const routing = await calls(ROUTING_RATE);
      const perSocketKb = (rssAfter - rssBefore) / Math.max(1, open) / 1024;
      const p99 = routing.latencyUs.p99 / 1000;
      return {
        lines: [
          {
            figure: `sockets on one core at ~1 update/s, all delivered`,
            measured: `${count(open)} (${allDelivered ? "100 %" : "NOT all"} delivered)`,
            baseline: "",
            ratio: "",
            target: "≥ 5,000",
            verdict: verdict(open >= 5_000, allDelivered),
          },
          {
            figure: "core RSS per socket",
            measured: `${perSocketKb.toFixed(1)} KB`,
            baseline: "",
            ratio: "",
            target: "≤ 32 KB",
            verdict: verdict(perSocketKb <= 32),
          },
          {
            figure: `routing decision end to end p99, ${count(open)} sockets fed`,
            measured: `${p99.toFixed(1)} ms`,
            baseline: `${baseline.p99.toFixed(0)} µs (in-process step)`,
            ratio: ratio(routing.latencyUs.p99, baseline.p99),
            target: "≤ 10 ms",
            verdict: verdict(p99 <= 10, routing.errors === 0),
          },
        ],
        data: {
          sockets: open,
          openSec,
          allDelivered,
          coreSeq,
          minSocketSeq: delivery.minSeq,
          gaps: delivery.gaps,
          rssBeforeBytes: rssBefore,
          rssAfterBytes: rssAfter,
          rssPerSocketKb: perSocketKb,
          routingP50Ms: routing.latencyUs.p50 / 1000,
          routingP99Ms: p99,
          routingCalls: routing.acked,
          routingErrors: routing.errors,
          inProcessP50Us: baseline.p50,
          inProcessP99Us: baseline.p99,
        },
        notes: [
          `sockets: ${count(open)} opened in ${openSec.toFixed(1)} s; core RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MB; at 1 call/s every socket at seq ${delivery.minSeq} of ${coreSeq}, ${delivery.gaps} gaps; routing: ${routing.acked} calls at ${ROUTING_RATE}/s, p50 ${(routing.latencyUs.p50 / 1000).toFixed(1)} ms, ${routing.errors} failed; in-process step p50 ${baseline.p50.toFixed(0)} µs (${200} agents, one queue)`,
        ],
      };
    } finally {
      await sockets.stop();
      await load.stop();
      await core.stop();
    }
  },
};
