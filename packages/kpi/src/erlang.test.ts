import { describe, expect, it } from "vitest";
import { agentsNeeded, erlangAsa, erlangB, erlangC, erlangServiceLevel } from "./erlang.ts";

/** The textbook closed form with factorials (fine below ~150 agents): an independent check of the recurrence. */
function erlangCByFactorials(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a)); // a^c / c! · c / (c − a)
  return top / (sum + top);
}

describe("Erlang C", () => {
  // Worked example: Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
  // (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 200 calls in 60 minutes,
  // AHT 180 s (3 minutes) → 10 Erlangs; with 11 agents P(wait) = 68.2 %, ASA = 122.8 s and 39 % of
  // calls answered within 20 s. The figures below agree with that page to its rounding.
  it("reproduces the published worked example: 200 calls/h, AHT 180 s, 11 agents", () => {
    const load = (200 / 3600) * 180;
    expect(load).toBeCloseTo(10, 12);
    expect(erlangC(11, load)).toBeCloseTo(0.6821, 4);
    expect(erlangAsa(11, load, 180)).toBeCloseTo(122.78, 2);
    expect(erlangServiceLevel(11, load, 180, 20)).toBeCloseTo(0.3896, 4);
  });

  it("the recurrence agrees with the factorial form where that form still works", () => {
    for (const [c, a] of [
      [1, 0.5],
      [2, 1.5],
      [11, 9],
      [11, 10],
      [30, 25.3],
      [100, 92],
    ] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCByFactorials(c, a), 10);
    }
  });

  it("is finite and monotone at 500+ agents (factorials would overflow past 170)", () => {
    const load = 480;
    let lastC = 1;
    let lastSl = 0;
    let lastAsa = Number.POSITIVE_INFINITY;
    for (let c = 481; c <= 600; c++) {
      const pw = erlangC(c, load);
      const sl = erlangServiceLevel(c, load, 180, 20);
      const asa = erlangAsa(c, load, 180);
      for (const v of [pw, sl, asa]) expect(Number.isFinite(v)).toBe(true);
      expect(pw).toBeGreaterThan(0);
      expect(pw).toBeLessThan(lastC);
      expect(sl).toBeGreaterThan(lastSl);
      expect(asa).toBeLessThan(lastAsa);
      [lastC, lastSl, lastAsa] = [pw, sl, asa];
    }
    expect(erlangB(5000, 4900)).toBeGreaterThan(0);
    expect(Number.isFinite(erlangC(5000, 4900))).toBe(true);
  });

  it("an overloaded queue (agents ≤ load) always waits and never meets a service level", () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangAsa(9, 10, 180)).toBe(Number.POSITIVE_INFINITY);
    expect(erlangServiceLevel(10, 12, 180, 20)).toBe(0);
  });
});

describe("agentsNeeded", () => {
  it("is the smallest c above the load meeting the target", () => {
    const rate = 200 / 3600;
    const c = agentsNeeded(rate, 180, 0.8, 20);
    expect(c).toBeGreaterThan(10);
    expect(erlangServiceLevel(c, 10, 180, 20)).toBeGreaterThanOrEqual(0.8);
    expect(erlangServiceLevel(c - 1, 10, 180, 20)).toBeLessThan(0.8);
    // Our own computation with the same formulas: SL(13) = 79.6 %, SL(14) = 88.8 %.
    expect(c).toBe(14);
    expect(erlangServiceLevel(13, 10, 180, 20)).toBeCloseTo(0.7956, 4);
    expect(erlangServiceLevel(14, 10, 180, 20)).toBeCloseTo(0.8884, 4);
    // 39 % within 20 s is what 11 agents give.
    expect(agentsNeeded(rate, 180, 0.38, 20)).toBe(11);
  });

  it("scales to 500+ agents in one pass, and needs nobody when nothing arrives", () => {
    const c = agentsNeeded(480 / 180, 180, 0.9, 20); // 480 Erlangs
    expect(c).toBeGreaterThan(480);
    expect(c).toBeLessThan(520);
    expect(erlangServiceLevel(c, 480, 180, 20)).toBeGreaterThanOrEqual(0.9);
    expect(erlangServiceLevel(c - 1, 480, 180, 20)).toBeLessThan(0.9);
    expect(agentsNeeded(0, 180, 0.8, 20)).toBe(0);
    expect(() => agentsNeeded(1, 0, 0.8, 20)).toThrow(RangeError);
  });
});
