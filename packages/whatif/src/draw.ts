/**
 * Seeded draws that do not depend on the order they are asked in: each draw hashes its own name
 * (the run's seed, the call, the agent, which offer) into a mulberry32 state. So a what-if gives
 * the same answer every time, and changing one queue does not reshuffle another queue's draws.
 */

/** FNV-1a over UTF-16 code units: a 32-bit hash of a draw's name. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One mulberry32 output in [0, 1) for the state `seed`. */
export function unitFloat(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Picks one of `items` (non-empty) for the draw named `name` under `seed`. */
export function drawOne<T>(items: readonly T[], seed: number, name: string): T {
  if (items.length === 0) throw new Error("drawOne needs at least one item");
  const index = Math.floor(unitFloat(hash32(`${seed}|${name}`)) * items.length);
  return items[Math.min(index, items.length - 1)]!;
}
