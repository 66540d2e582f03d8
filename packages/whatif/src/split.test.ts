import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitAt } from "./split.ts";

describe("splitAt", () => {
  it("is the first index at or after the time, in a log whose times never go back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 })),
        fc.integer({ min: -5, max: 60 }),
        (times, at) => {
          const log = [...times].sort((a, b) => a - b).map((t) => ({ at: t }));
          const i = splitAt(log, at);
          expect(log.slice(0, i).every((e) => e.at < at)).toBe(true);
          expect(log.slice(i).every((e) => e.at >= at)).toBe(true);
        },
      ),
    );
  });
});
