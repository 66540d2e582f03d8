import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "./min-heap.ts";

describe("MinHeap", () => {
  it("pops any sequence of pushes in ascending order, interleaved pops included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null)), { maxLength: 200 }),
        (ops) => {
          const heap = new MinHeap<number>((a, b) => a < b);
          const model: number[] = [];
          for (const op of ops) {
            if (op === null) {
              model.sort((a, b) => a - b);
              expect(heap.pop()).toBe(model.shift());
            } else {
              heap.push(op);
              model.push(op);
            }
            expect(heap.size).toBe(model.length);
            expect(heap.peek()).toBe(model.length ? Math.min(...model) : undefined);
          }
        },
      ),
    );
  });

  it("is empty at first: peek and pop give undefined", () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });
});
