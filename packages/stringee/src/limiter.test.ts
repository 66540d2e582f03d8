import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter.ts";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createLimiter", () => {
  it("never runs more than the limit at once and keeps each result", async () => {
    const limit = createLimiter(3);
    let inFlight = 0;
    let peak = 0;
    const out = await Promise.all(
      [5, 1, 4, 2, 3, 0, 6].map((n) =>
        limit(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await wait(n);
          inFlight--;
          return n * 10;
        }),
      ),
    );
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it("frees the slot when a task fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });
});
