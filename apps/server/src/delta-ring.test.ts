import { describe, expect, it } from "vitest";
import { DeltaRing } from "./delta-ring.ts";

const batch = (fromSeq: number, toSeq: number, size = 10) => ({
  fromSeq,
  toSeq,
  bytes: Buffer.alloc(size, fromSeq),
});

describe("DeltaRing", () => {
  it("replays every batch after a board's seq, in order", () => {
    const ring = new DeltaRing(10, 1_000);
    ring.push(batch(1, 3));
    ring.push(batch(4, 4));
    ring.push(batch(5, 9));
    expect(ring.since(3, 9)?.map((b) => b[0])).toEqual([4, 5]);
    expect(ring.since(0, 9)?.map((b) => b[0])).toEqual([1, 4, 5]);
    expect(ring.since(9, 9)).toEqual([]);
  });

  it("answers null when the board is out of the window, mid-batch or ahead", () => {
    const ring = new DeltaRing(2, 1_000);
    ring.push(batch(1, 3));
    ring.push(batch(4, 4));
    ring.push(batch(5, 9));
    expect(ring.since(0, 9)).toBeNull(); // batch 1–3 was dropped: count bound
    expect(ring.since(3, 9)?.length).toBe(2);
    expect(ring.since(6, 9)).toBeNull(); // not a batch boundary
    expect(ring.since(12, 9)).toBeNull(); // from another run of the core
  });

  it("keeps at most maxBytes, but always the newest batch", () => {
    const ring = new DeltaRing(100, 25);
    ring.push(batch(1, 1, 10));
    ring.push(batch(2, 2, 10));
    ring.push(batch(3, 3, 10));
    expect(ring.size).toEqual({ batches: 2, bytes: 20, fromSeq: 2 });
    ring.push(batch(4, 4, 40));
    expect(ring.size).toEqual({ batches: 1, bytes: 40, fromSeq: 4 });
  });

  it("refuses a batch that does not follow the last one", () => {
    const ring = new DeltaRing(10, 1_000);
    ring.push(batch(1, 3));
    expect(() => ring.push(batch(5, 6))).toThrow(/does not follow/);
  });
});
