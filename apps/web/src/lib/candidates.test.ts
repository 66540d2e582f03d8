import { describe, expect, it } from "vitest";
import { type Candidate, splitCandidates } from "./candidates.ts";

const c = (i: number, patch: Partial<Candidate>): Candidate =>
  ({
    agentId: `a${i}`,
    tier: "primary",
    verdict: "RANKED_LOWER",
    reasons: [],
    rank: i,
    key: i,
    missedThisCall: false,
    ...patch,
  }) as Candidate;

describe("splitCandidates", () => {
  const ten = [
    c(1, { verdict: "CHOSEN" }),
    c(2, {}),
    c(3, {}),
    c(4, { verdict: "BACKUP_HELD", rank: null }),
    c(5, { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE"], rank: null }),
    c(6, { verdict: "NOT_ELIGIBLE", reasons: ["ON_CALL"], rank: null }),
    c(7, { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE"], rank: null }),
    c(8, { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE", "MANUAL_NOT_AVAILABLE"], rank: null }),
    c(9, { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE"], rank: null }),
  ];

  it("keeps the top rows and counts the rest by verdict and reasons, largest first", () => {
    const { rows, rest } = splitCandidates(ten, 3);
    expect(rows.map((r) => r.agentId)).toEqual(["a1", "a2", "a3"]);
    expect(rest).toEqual([
      { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE"], count: 3 },
      { verdict: "BACKUP_HELD", reasons: [], count: 1 },
      { verdict: "NOT_ELIGIBLE", reasons: ["ON_CALL"], count: 1 },
      { verdict: "NOT_ELIGIBLE", reasons: ["OFFLINE", "MANUAL_NOT_AVAILABLE"], count: 1 },
    ]);
  });

  it("has no rest when everything fits", () => {
    expect(splitCandidates(ten, 100)).toEqual({ rows: ten, rest: [] });
  });

  it("renders a bounded number of rows at 10,000 agents", () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      c(i, { verdict: "NOT_ELIGIBLE", reasons: [i % 2 ? "OFFLINE" : "ON_CALL"], rank: null }),
    );
    const { rows, rest } = splitCandidates(many, 100);
    expect(rows).toHaveLength(100);
    expect(rest.reduce((n, g) => n + g.count, 0)).toBe(9_900);
  });
});
