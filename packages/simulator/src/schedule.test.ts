import { describe, expect, it } from "vitest";
import { createRng } from "./prng.ts";
import { Schedule } from "./schedule.ts";

describe("Schedule", () => {
  it("returns only what is due, earliest first", () => {
    const s = new Schedule<string>();
    s.push(30, "c");
    s.push(10, "a");
    s.push(20, "b");
    expect(s.peekAt()).toBe(10);
    expect(s.popDue(20)).toEqual(["a", "b"]);
    expect(s.size).toBe(1);
    expect(s.popDue(29)).toEqual([]);
    expect(s.popDue(30)).toEqual(["c"]);
    expect(s.peekAt()).toBeNull();
  });

  it("keeps insertion order for equal times", () => {
    const s = new Schedule<number>();
    for (let i = 0; i < 20; i++) s.push(5, i);
    expect(s.popDue(5)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("agrees with a stable sort on random input", () => {
    const rng = createRng(9);
    const s = new Schedule<number>();
    const items = Array.from({ length: 2000 }, (_, i) => ({ at: rng.int(0, 300), i }));
    for (const { at, i } of items) s.push(at, i);
    const expected = [...items].sort((a, b) => a.at - b.at).map((x) => x.i);
    const got: number[] = [];
    for (let now = 0; now <= 300; now += 7) got.push(...s.popDue(now));
    got.push(...s.popDue(Number.POSITIVE_INFINITY));
    expect(got).toEqual(expected);
  });
});
