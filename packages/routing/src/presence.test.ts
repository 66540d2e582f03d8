import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { agentRecord, allCases, toAgent } from "./center.test-helpers.ts";
import { isOnline, onlineSignals, PresenceSignal } from "./presence.ts";

function agentWith(overrides: Partial<Agent>): Agent {
  return agentRecord({ presence: { app: false, pushTokens: [], sip: false }, ...overrides });
}

describe("presence: PCC's three online signals", () => {
  it("signal names are stable", () => {
    expect(PresenceSignal).toEqual({ APP: "app", PUSH: "push", SIP: "sip" });
  });

  it("online iff any signal, whatever the other fields are (1536 cases)", () => {
    let count = 0;
    for (const c of allCases()) {
      count++;
      const agent = toAgent(c);
      // Offline only when all three signals are absent.
      const offline = c.app === false && c.pushTokens.length === 0 && c.sip === false;
      expect(isOnline(agent)).toBe(!offline);
      const expected: string[] = [];
      if (c.app) expected.push("app");
      if (c.pushTokens.length) expected.push("push");
      if (c.sip) expected.push("sip");
      expect(onlineSignals(agent)).toEqual(expected);
    }
    expect(count).toBe(1536);
  });

  it("several push tokens are one push signal", () => {
    const agent = agentWith({ presence: { app: false, pushTokens: ["ios", "android"], sip: false } });
    expect(onlineSignals(agent)).toEqual(["push"]);
    expect(isOnline(agent)).toBe(true);
  });

  it("no signal at all is offline", () => {
    expect(isOnline(agentWith({}))).toBe(false);
    expect(onlineSignals(agentWith({}))).toEqual([]);
  });

  it("accepts a bare presence holder", () => {
    expect(isOnline({ presence: { app: false, pushTokens: [], sip: true } })).toBe(true);
  });
});
