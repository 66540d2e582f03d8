import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { agentRecord } from "./center.test-helpers.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
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
    for (const systemStatus of [0, 1] as const)
      for (const manualStatus of MANUAL_STATUSES)
        for (const routingType of [1, 2] as const)
          for (const app of [true, false])
            for (const pushTokens of [[], ["tok"]])
              for (const sip of [true, false])
                for (const phoneNumber of [null, "84912345678"])
                  for (const ringingCallId of [null, "c1"])
                    for (const wrapUpUntil of [null, 25_000]) {
                      count++;
                      const agent = agentWith({
                        systemStatus,
                        manualStatus,
                        routingType,
                        phoneNumber,
                        ringingCallId,
                        wrapUpUntil,
                        presence: { app, pushTokens, sip },
                      });
                      // Offline only when all three signals are absent.
                      const offline = app === false && pushTokens.length === 0 && sip === false;
                      expect(isOnline(agent)).toBe(!offline);
                      const expected: string[] = [];
                      if (app) expected.push("app");
                      if (pushTokens.length) expected.push("push");
                      if (sip) expected.push("sip");
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
