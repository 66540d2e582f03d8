import { describe, expect, it } from "vitest";
import { simulateMmc } from "./mmc.ts";

/**
 * The engine, driven as an M/M/c queue (11 agents, 180 calls/h, AHT 180 s: A = 9 Erlangs,
 * occupancy 82 %), with the KPI fold on every logged event, against Erlang C: SL(20 s) = 65.53 %,
 * ASA = 38.74 s. The bar is ±1 point and ±5 % at ≥ 1,000,000 calls; that run takes
 * ~25 s here, so it lives in `pnpm bench` (packages/bench/src/kpi.bench.ts, BENCH_MMC_CALLS),
 * where it measured SL 65.09 % (−0.44 points) and ASA 39.30 s (+1.45 %) with seed 1.
 *
 * Always on: 250,000 calls (~7 s). Its margin is widened honestly, not tuned to the seed: over
 * seeds, runs of 100,000 calls spread about ±1 point in SL and ±2.5 % in ASA (waits are strongly
 * correlated from call to call at 82 % occupancy), so 250,000 calls spread about ±0.65 points and
 * ±1.6 %; the test allows ±1.5 points and ±5 % (≥ 2 standard deviations either way).
 */
describe("KPI fold against Erlang C (M/M/c through the engine)", () => {
  it("service level and ASA agree at 11 agents, 180 calls/h, AHT 180 s", () => {
    const result = simulateMmc({ agents: 11, callsPerHour: 180, ahtSec: 180, calls: 250_000, seed: 11 });
    expect(result.erlang.serviceLevel).toBeCloseTo(0.6553, 4);
    expect(result.erlang.asaSec).toBeCloseTo(38.742, 3);
    expect(Math.abs(result.measured.serviceLevel - result.erlang.serviceLevel)).toBeLessThan(0.015);
    expect(Math.abs(result.measured.asaSec / result.erlang.asaSec - 1)).toBeLessThan(0.05);
    // The fold's own AHT and occupancy agree with the inputs too.
    expect(Math.abs(result.measured.ahtSec / 180 - 1)).toBeLessThan(0.02);
    expect(Math.abs(result.measured.occupancy - result.erlang.occupancy)).toBeLessThan(0.01);
    expect(result.days).toBeGreaterThan(50); // the sum runs over many midnights
  }, 60_000);
});
