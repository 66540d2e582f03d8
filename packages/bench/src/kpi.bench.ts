/**
 * The KPI fold's cost per logged event, against a baseline measured in the same run on the same
 * log: a plain loop that reads a few fields of every event. Then the engine driven as M/M/c at
 * the size (BENCH_MMC_CALLS, default 1,000,000 calls) against Erlang C: the full-size
 * agreement run that is too slow for the always-on test (packages/kpi/src/agreement.test.ts).
 */
import { emptyAgentDayState, emptyKpiState, foldAgentDay, foldKpi, simulateMmc } from "@callboard/kpi";
import { emptyState, type LoggedEvent } from "@callboard/routing";
import { positiveKnob } from "./knob.ts";
import { count, table } from "./report.ts";

const MMC_CALLS = positiveKnob("BENCH_MMC_CALLS", 1_000_000);
const ROUNDS = 7;

console.log("KPI bench (@callboard/bench)");

// A realistic log: the engine's own events for 100,000 calls of an M/M/c day (11 agents).
const log: LoggedEvent[] = [];
simulateMmc({
  agents: 11,
  callsPerHour: 180,
  ahtSec: 180,
  calls: 100_000,
  seed: 7,
  onEvent: (e) => log.push(e),
});

function baseline(): number {
  let sum = 0;
  for (const e of log) sum += e.at + e.seq + e.type.length;
  return sum;
}
function fold(): number {
  const kpi = emptyKpiState();
  const center = emptyState(); // the log starts from nothing: the fold needs no lookups
  for (const e of log) foldKpi(kpi, e, center);
  return kpi.seq;
}
function agentDay(): number {
  const days = emptyAgentDayState();
  const center = emptyState();
  for (const e of log) foldAgentDay(days, e, center);
  return days.agents.size;
}
function nsPerEvent(run: () => number): number {
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    sink += run();
    times.push(Number(process.hrtime.bigint() - start) / log.length);
  }
  if (sink === -1) console.log(sink); // keeps the work observable
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
const base = nsPerEvent(baseline);
const kpi = nsPerEvent(fold);
const day = nsPerEvent(agentDay);
console.log(`\nFold cost over ${count(log.length)} logged events (median of ${ROUNDS} rounds):\n`);
console.log(
  table(
    ["", "ns/event", "events/s", "× baseline"],
    [
      ["baseline: loop reading at, seq, type", base.toFixed(1), count(1e9 / base), "1.00×"],
      ["foldKpi", kpi.toFixed(1), count(1e9 / kpi), `${(kpi / base).toFixed(1)}×`],
      [
        "foldAgentDay (agents' figures today)",
        day.toFixed(1),
        count(1e9 / day),
        `${(day / base).toFixed(1)}×`,
      ],
    ],
  ),
);

const started = performance.now();
const r = simulateMmc({ agents: 11, callsPerHour: 180, ahtSec: 180, calls: MMC_CALLS, seed: 1 });
const seconds = (performance.now() - started) / 1000;
const slPoints = (r.measured.serviceLevel - r.erlang.serviceLevel) * 100;
const asaPct = (r.measured.asaSec / r.erlang.asaSec - 1) * 100;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
console.log(
  `\nM/M/c through the engine: 11 agents, 180 calls/h, AHT 180 s, ${count(MMC_CALLS)} calls, seed 1 (${seconds.toFixed(1)} s, ${count(r.events)} events, ${r.days} days):\n`,
);
console.log(
  table(
    ["", "KPI fold", "Erlang C", "difference", "target"],
    [
      [
        "SL(20 s)",
        pct(r.measured.serviceLevel),
        pct(r.erlang.serviceLevel),
        `${slPoints.toFixed(2)} pts`,
        Math.abs(slPoints) <= 1 ? "±1 pt PASS" : "±1 pt FAIL",
      ],
      [
        "ASA",
        `${r.measured.asaSec.toFixed(2)} s`,
        `${r.erlang.asaSec.toFixed(2)} s`,
        `${asaPct.toFixed(2)} %`,
        Math.abs(asaPct) <= 5 ? "±5 % PASS" : "±5 % FAIL",
      ],
      ["occupancy", pct(r.measured.occupancy), pct(r.erlang.occupancy), "", ""],
      ["AHT", `${r.measured.ahtSec.toFixed(2)} s`, "180.00 s", "", ""],
    ],
  ),
);
