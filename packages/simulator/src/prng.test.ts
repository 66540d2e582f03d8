import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "./prng.ts";

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("createRng", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it("stays in [0, 1) and looks uniform", () => {
    const xs = draw(1, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
  });

  it("draws integers in [min, max] hitting both ends", () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 1000 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it("picks by weight", () => {
    const rng = createRng(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([5, 4, 1])]! += 1;
    expect(counts[0]! / 10_000).toBeCloseTo(0.5, 1);
    expect(counts[2]! / 10_000).toBeCloseTo(0.1, 1);
  });

  it("gives exponential and lognormal draws the intended centre", () => {
    const rng = createRng(5);
    const gaps = Array.from({ length: 20_000 }, () => rng.exponential(5000));
    expect(mean(gaps) / 5000).toBeCloseTo(1, 1);
    const talks = Array.from({ length: 20_001 }, () => rng.lognormal(132, 0.5)).sort((a, b) => a - b);
    expect(talks[10_000]! / 132).toBeCloseTo(1, 1);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = createRng(6).shuffle(input);
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
  });

  it("makes digit strings of the asked length", () => {
    expect(createRng(7).digits(8)).toMatch(/^\d{8}$/);
  });
});

describe("deriveSeed", () => {
  it("separates streams and seeds, deterministically", () => {
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, 2));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(43, 1));
  });
});
