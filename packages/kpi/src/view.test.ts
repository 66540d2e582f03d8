import { describe, expect, it } from "vitest";
import { longestWaitLevel, serviceLevelLevel } from "./view.ts";

describe("thresholds", () => {
  it("a service level under the target is an alarm; none before any call counts", () => {
    expect(serviceLevelLevel(0.8, 80)).toBe("ok");
    expect(serviceLevelLevel(0.7999, 80)).toBe("alarm");
    expect(serviceLevelLevel(null, 80)).toBe("none");
  });

  it("the longest wait turns amber, then red, at the queue's marks", () => {
    expect(longestWaitLevel(59_999, 60, 120)).toBe("ok");
    expect(longestWaitLevel(60_000, 60, 120)).toBe("warn");
    expect(longestWaitLevel(120_000, 60, 120)).toBe("alarm");
  });
});
