import { historyRangeSchema } from "@callboard/contracts";
import { HISTORY_MAX_DAYS } from "@callboard/kpi";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { rangeRefusalOfError, rangeRefusalsOfIssues } from "./range-refusal";

const refusals = (range: unknown) => {
  const parsed = historyRangeSchema.safeParse(range);
  return parsed.success ? [] : rangeRefusalsOfIssues(parsed.error);
};

describe("rangeRefusalsOfIssues", () => {
  it("gives each refused field its reason, for the page to word in its language", () => {
    expect(refusals({ preset: "custom", from: "2026-01-10", to: "2026-01-09" })).toEqual([
      expect.objectContaining({ field: "to", reason: "inverted" }),
    ]);
    expect(refusals({ preset: "custom", to: "2026-01-09" })).toEqual([
      expect.objectContaining({ field: "from", reason: "missing" }),
    ]);
    expect(refusals({ preset: "custom", from: "2026-01-01", to: "2026-12-31" })).toEqual([
      expect.objectContaining({ field: "to", reason: "tooLong", maxDays: HISTORY_MAX_DAYS }),
    ]);
    // The pattern's refusal carries no reason of its own: a date it cannot read is "not a date".
    expect(refusals({ preset: "custom", from: "10/01/2026", to: "2026-01-09" })).toEqual([
      { field: "from", reason: "notADate" },
    ]);
    expect(refusals({ preset: "today" })).toEqual([]);
  });
});

describe("rangeRefusalOfError", () => {
  it("reads the server's refusal from a tRPC error's data, and nothing from any other error", () => {
    const refusal = { field: "from", reason: "future", date: "2026-12-09", today: "2026-12-02" };
    const withRefusal = new TRPCClientError("range.from: …", {
      result: {
        error: {
          code: -32600,
          message: "range.from: …",
          data: { code: "BAD_REQUEST", rangeRefusal: refusal },
        },
      },
    });
    expect(rangeRefusalOfError(withRefusal)).toEqual(refusal);
    const other = new TRPCClientError("no queue", {
      result: {
        error: { code: -32004, message: "no queue", data: { code: "NOT_FOUND", rangeRefusal: null } },
      },
    });
    expect(rangeRefusalOfError(other)).toBeNull();
    expect(rangeRefusalOfError(new Error("network"))).toBeNull();
    expect(rangeRefusalOfError(null)).toBeNull();
  });
});
