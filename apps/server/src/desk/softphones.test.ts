import { describe, expect, it } from "vitest";
import { Softphones } from "./softphones.ts";

describe("Softphones: one tab per agent rings", () => {
  it("the first tab holds it; a second tab is refused until it takes over", () => {
    const phones = new Softphones();
    expect(phones.claim("lan", "tab-a", 0, 45_000)).toBe(true);
    expect(phones.claim("lan", "tab-b", 1_000, 46_000)).toBe(false);
    expect(phones.holds("lan", "tab-b", 1_000)).toBe(false);
    expect(phones.claim("lan", "tab-b", 2_000, 47_000, true)).toBe(true);
    expect(phones.holds("lan", "tab-a", 2_000)).toBe(false);
    // The old tab's next heartbeat does not take it back.
    expect(phones.claim("lan", "tab-a", 3_000, 48_000)).toBe(false);
  });

  it("a silent holder lets go once its ttl has passed, not before", () => {
    const phones = new Softphones();
    phones.claim("lan", "tab-a", 0, 45_000);
    expect(phones.claim("lan", "tab-b", 44_999, 90_000)).toBe(false);
    expect(phones.agentsAt(44_999)).toEqual(new Set(["lan"]));
    expect(phones.agentsAt(45_000)).toEqual(new Set());
    expect(phones.claim("lan", "tab-b", 45_000, 90_000)).toBe(true);
  });

  it("only the holder's closing releases it; agents are independent", () => {
    const phones = new Softphones();
    phones.claim("lan", "tab-a", 0, 45_000);
    phones.claim("minh", "tab-m", 0, 45_000);
    expect(phones.release("lan", "tab-b")).toBe(false);
    expect(phones.holds("lan", "tab-a", 1)).toBe(true);
    expect(phones.release("lan", "tab-a")).toBe(true);
    expect(phones.agentsAt(1)).toEqual(new Set(["minh"]));
  });
});
