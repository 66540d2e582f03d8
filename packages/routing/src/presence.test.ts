import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { isOnline, onlineSignals, PresenceSignal } from "./presence.ts";

function agentWith(overrides: Partial<Agent>): Agent {
  return {
    id: "a1",
    name: "Agent One",
    phoneNumber: null,
    routingType: 1,
    manualStatus: "AVAILABLE",
    systemStatus: 1,
    presence: { app: false, pushTokens: [], sip: false },
    since: 0,
    idleSince: 0,
    ringingCallId: null,
    activeCallId: null,
    answeredCalls: 0,
    missedOffers: 0,
    ...overrides,
  };
}

describe("presence: PCC's three online signals", () => {
  it("signal names are stable", () => {
    expect(PresenceSignal).toEqual({ APP: "app", PUSH: "push", SIP: "sip" });
  });

  it("online iff any signal, whatever the other fields are (768 cases)", () => {
    let count = 0;
    for (const systemStatus of [0, 1] as const)
      for (const manualStatus of MANUAL_STATUSES)
        for (const routingType of [1, 2] as const)
          for (const app of [true, false])
            for (const pushTokens of [[], ["tok"]])
              for (const sip of [true, false])
                for (const phoneNumber of [null, "84912345678"])
                  for (const ringingCallId of [null, "c1"]) {
                    count++;
                    const agent = agentWith({
                      systemStatus,
                      manualStatus,
                      routingType,
                      phoneNumber,
                      ringingCallId,
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
    expect(count).toBe(768);
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
