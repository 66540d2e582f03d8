import { describe, expect, it } from "vitest";
import { percentile, repetitions, summarize, toUs } from "./stats.ts";

describe("percentile (nearest rank)", () => {
  it("picks the smallest value with at least p% of samples at or below it", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 90)).toBe(90);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it("handles small samples and the edges", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts a copy and reports percentiles, max, mean and throughput", () => {
    const samples = [40, 10, 30, 20];
    const s = summarize(samples);
    expect(samples).toEqual([40, 10, 30, 20]);
    expect(s).toEqual({ n: 4, p50: 20, p90: 40, p99: 40, max: 40, mean: 25, perSec: 40_000 });
  });

  it("is NaN throughout for no samples", () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.p50).toBeNaN();
    expect(s.perSec).toBeNaN();
  });
});

describe("toUs", () => {
  it("converts hrtime nanoseconds to microseconds", () => {
    expect(toUs(1_500n)).toBe(1.5);
  });
});

describe("repetitions", () => {
  it("repeats a cheap side measurement enough to collect the samples wanted", () => {
    // 28 s fit 350 cycles of 50 + 6 × 5 ms: 2,100 side samples.
    expect(repetitions(50, 5, 28_000, 2_000)).toBe(6);
  });

  it("measures the side once when the main work alone fits the samples", () => {
    expect(repetitions(0.05, 5, 28_000, 2_000)).toBe(1);
  });

  it("gives both equal time when the side alone cannot fit the samples, within 1…100", () => {
    expect(repetitions(50, 20, 28_000, 2_000)).toBe(2);
    expect(repetitions(1, 20, 28_000, 2_000)).toBe(1);
    expect(repetitions(1_000_000, 0.001, 28_000, 2_000)).toBe(100);
  });
});
