import type { Decision } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { compareDecisions } from "./compare.ts";

const d = (callId: string, attempt: number, at: number, agentIds: string[]) =>
  ({ callId, attempt, at, agentIds }) as unknown as Decision;

describe("comparing two runs' decisions", () => {
  it("pairs by call and attempt, and keeps the earliest differences", () => {
    const real = [
      d("c1", 1, 10, ["lan"]),
      d("c2", 1, 20, ["minh"]),
      d("c3", 1, 30, ["hoa"]),
      d("c4", 1, 40, ["lan"]),
    ];
    const whatIf = [
      d("c1", 1, 10, ["lan"]),
      d("c2", 1, 21, ["hoa"]),
      d("c4", 1, 35, ["lan"]),
      d("c4", 2, 50, ["x"]),
    ];
    const result = compareDecisions(real, whatIf, 2);
    expect(result).toMatchObject({ real: 4, whatIf: 4, differing: 3 });
    expect(result.first.map((x) => [x.callId, x.attempt, x.at])).toEqual([
      ["c2", 1, 20],
      ["c3", 1, 30],
    ]);
    expect(result.first[1]!.whatIf).toBeNull();
  });

  it("finds nothing between a run and itself", () => {
    const real = [d("c1", 1, 10, ["lan", "minh"]), d("c1", 2, 30, ["hoa"])];
    expect(compareDecisions(real, real, 5)).toMatchObject({ differing: 0, first: [] });
  });

  it("a ring-all offer to the same agents in another order differs", () => {
    expect(compareDecisions([d("c1", 1, 1, ["a", "b"])], [d("c1", 1, 1, ["b", "a"])], 5).differing).toBe(1);
  });
});
