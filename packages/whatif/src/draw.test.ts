import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawOne, hash32, unitFloat } from "./draw.ts";

describe("seeded draws", () => {
  it("are in [0, 1) and pick one of the items", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.string(),
        fc.array(fc.integer(), { minLength: 1 }),
        (seed, name, items) => {
          const u = unitFloat(hash32(`${seed}|${name}`));
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          expect(items).toContain(drawOne(items, seed, name));
        },
      ),
    );
  });

  it("depend only on the seed and the draw's name, not on what was drawn before", () => {
    const names = Array.from({ length: 50 }, (_, i) => `offer|c${i}|a${i % 7}|1`);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const forward = names.map((n) => drawOne(items, 7, n));
    const backward = [...names]
      .reverse()
      .map((n) => drawOne(items, 7, n))
      .reverse();
    expect(backward).toEqual(forward);
    expect(names.map((n) => drawOne(items, 8, n))).not.toEqual(forward);
  });

  it("spread over the items", () => {
    const items = [0, 1, 2, 3];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4_000; i++) counts[drawOne(items, 1, `d${i}`)]!++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });

  it("refuse an empty pool", () => {
    expect(() => drawOne([], 1, "x")).toThrow("at least one item");
  });
});
