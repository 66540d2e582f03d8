/**
 * Seeded randomness for the simulator. The architecture forbids Math.random() in anything that feeds
 * the core, so every draw comes from mulberry32 (32-bit state, fast, good enough for demo traffic):
 * the same seed always yields the same sequence, which makes demo runs and tests reproducible.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */

/** A seeded random source plus the few distributions the simulator's behaviour needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly; the array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  /** Exponential with the given mean: the gap between Poisson events. */
  exponential(mean: number): number;
  /** Lognormal with the given median and shape: human durations (talk time) have this long right tail. */
  lognormal(median: number, sigma: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` random decimal digits, e.g. for phone numbers. */
  digits(count: number): string;
}

/**
 * Mixes a seed and a stream label into a 32-bit seed, so independent streams (roster, traffic) drawn
 * from one user seed don't share a sequence. Non-integer seeds use their integer part.
 * @example deriveSeed(42, 1) !== deriveSeed(42, 2)
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a mulberry32 generator; the seed is taken modulo 2^32. */
export function createRng(seed: number): Rng {
  let a = Math.trunc(seed) >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const normal = (): number => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pick() needs a non-empty array");
      return item;
    },
    weighted(weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    digits: (count) => Array.from({ length: count }, () => String(int(0, 9))).join(""),
  };
}
