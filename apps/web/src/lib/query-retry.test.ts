import { describe, expect, it } from "vitest";
import { worthRetrying } from "./query-retry";

const answered = (httpStatus: number) => ({ data: { httpStatus } });

describe("worthRetrying", () => {
  it("retries glitches twice: no answer at all, a 5xx, a timeout or too many requests", () => {
    for (const error of [
      new Error("fetch failed"),
      answered(500),
      answered(503),
      answered(408),
      answered(429),
    ]) {
      expect(worthRetrying(0, error)).toBe(true);
      expect(worthRetrying(1, error)).toBe(true);
      expect(worthRetrying(2, error)).toBe(false);
    }
  });

  it("never retries an answer: the server's 4xx refusals say the same the next time", () => {
    for (const status of [400, 401, 403, 404, 409, 412, 413])
      expect(worthRetrying(0, answered(status))).toBe(false);
  });
});
