import { describe, expect, it } from "vitest";
import { packBatches, unpackBatches } from "./catch-up-pack.ts";

describe("packBatches / unpackBatches", () => {
  it("gives back every batch, in order, whatever their number and sizes (empty ones too)", () => {
    // Deterministic pseudo-random batches: 0 to 40 of them, 0 to 300 bytes each.
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 200; round++) {
      const batches = Array.from({ length: next(41) }, () =>
        Uint8Array.from({ length: next(301) }, () => next(256)),
      );
      const packed = packBatches(batches);
      const expected = batches.map((b) => [...b]);
      expect(unpackBatches(packed).map((b) => [...b])).toEqual(expected);
      // As socket.io hands binary to a browser: an ArrayBuffer.
      expect(unpackBatches(packed.slice().buffer).map((b) => [...b])).toEqual(expected);
    }
  });

  it("reads a view into a larger buffer (Node's pooled Buffers) from its own offset", () => {
    const packed = packBatches([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
    const pooled = new Uint8Array(packed.length + 10);
    pooled.set(packed, 7);
    expect(unpackBatches(pooled.subarray(7, 7 + packed.length)).map((b) => [...b])).toEqual([[1, 2, 3], [4]]);
  });

  it("refuses a cut-short length or a frame running past the end", () => {
    const packed = packBatches([new Uint8Array([1, 2, 3])]);
    expect(() => unpackBatches(packed.subarray(0, 2))).toThrow(/cut short at byte 0/);
    expect(() => unpackBatches(packed.subarray(0, 6))).toThrow(/3 bytes at byte 0 runs past the end \(6\)/);
    expect(unpackBatches(new Uint8Array(0))).toEqual([]);
  });
});
