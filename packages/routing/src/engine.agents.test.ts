// What agents' own reports do to routing: missed offers in a row, PCC's system status, reports that change nothing.
import { describe, expect, it } from "vitest";
import { center, offers, PLAIN, summary } from "./center.test-helpers.ts";
import { answered, given } from "./decider.test-helpers.ts";
import { explain } from "./eligibility.ts";
import { step } from "./engine.ts";
import type { DomainEvent } from "./events.ts";

describe("step: consecutive misses", () => {
  it("after being set NOT_AVAILABLE, an agent who comes back needs the full count of misses again", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { ...PLAIN, waitAgentAnswerTimeout: 5, maxConsecutiveMisses: 2 });
    c.arrive("c1", "q", 1_000);
    c.tick(6_000); // miss 1, rings again
    c.tick(11_000); // miss 2: NOT_AVAILABLE, the call waits
    expect(c.state.agents.a1).toMatchObject({ manualStatus: "NOT_AVAILABLE", consecutiveMisses: 2 });
    c.available("a1", 12_000); // rings c1 again
    expect(summary(c.tick(17_000))).toEqual(["TIMEOUT c1←a1", "offered c1→a1"]);
    expect(c.state.agents.a1).toMatchObject({ manualStatus: "AVAILABLE", consecutiveMisses: 1 });
  });

  it("sets an agent NOT_AVAILABLE after maxConsecutiveMisses offers missed in a row", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q", ["a1", "a2"], 200, { ...PLAIN, waitAgentAnswerTimeout: 5, maxConsecutiveMisses: 2 });
    c.arrive("c1", "q", 1_000); // a1
    c.tick(6_000); // a1 misses (1), a2 rings
    c.answer("c1", "a2", 7_000);
    c.arrive("c2", "q", 8_000); // a1
    const applied = c.tick(13_000); // a1 misses again (2): NOT_AVAILABLE
    expect(summary(applied)).toEqual(["TIMEOUT c2←a1 (auto NOT_AVAILABLE a1)"]);
    expect(c.state.agents.a1).toMatchObject({
      manualStatus: "NOT_AVAILABLE",
      consecutiveMisses: 2,
      missedOffers: 2,
    });
    // Nobody can ring now (a2 talks): the call waits.
    expect(c.state.calls.c2!.status).toBe("waiting");
  });

  it("an answer resets the count; AGENT_UNAVAILABLE does not count; null never sets anyone NOT_AVAILABLE", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { ...PLAIN, waitAgentAnswerTimeout: 5, maxConsecutiveMisses: 2 });
    c.arrive("c1", "q", 1_000);
    c.tick(6_000); // miss 1; rings a1 again
    c.answer("c1", "a1", 7_000);
    expect(c.state.agents.a1!.consecutiveMisses).toBe(0);
    c.end("c1", 8_000);
    c.arrive("c2", "q", 9_000);
    c.tick(14_000); // miss 1; rings again
    c.status("a1", "SHORT_BREAK", 15_000); // AGENT_UNAVAILABLE: no miss
    expect(c.state.agents.a1).toMatchObject({ consecutiveMisses: 1, missedOffers: 2 });
    c.available("a1", 16_000); // back to Available: a fresh start
    expect(c.state.agents.a1).toMatchObject({
      consecutiveMisses: 0,
      manualStatus: "AVAILABLE",
      ringingCallId: "c2",
    });

    const off = center();
    off.agent("a1", 100);
    off.teamQueue("q", ["a1"], 100, { ...PLAIN, waitAgentAnswerTimeout: 3 });
    off.arrive("c1", "q", 1_000);
    // Rung and missed at every expiry (4 000, 7 000, …, 100 000): 33 misses in a row.
    expect(offers(off.tickOnTime(100_000)).filter((s) => s.startsWith("TIMEOUT"))).toHaveLength(33);
    expect(off.state.agents.a1).toMatchObject({ manualStatus: "AVAILABLE", consecutiveMisses: 33 });
  });
});

describe("step: PCC's system status for calls Callboard does not see", () => {
  const report = (agentId: string, systemStatus: number) =>
    ({ type: "agent.system_status_reported", agentId, systemStatus }) as const;

  it("an agent on a call outside Callboard cannot ring; free again, it rings the waiting caller and counts as idle from then", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    c.send(report("a1", 0), 200);
    expect(explain(c.state.agents.a1!)).toEqual(["ON_CALL"]);
    expect(offers(c.arrive("c1", "q1", 300))).toEqual([]);
    expect(offers(c.send(report("a1", 1), 400))).toEqual(["offered c1→a1"]);
    expect(c.state.agents.a1!.idleSince).toBe(400);
  });

  it("is refused while Callboard tracks a call of the agent (ringing, talking, wrap-up), and for unknown agents or other values", () => {
    const tracked = "has a call Callboard tracks";
    const scenario = given((c) => {
      c.agent("a1", 100);
      c.teamQueue("q1", ["a1"], 100);
      c.arrive("c1", "q1", 200);
    })
      .when(report("a1", 1), 250)
      .thenRejects("CONFLICT", tracked) // ringing
      .when(answered("c1", "a1"), 300)
      .thenEmits([])
      .when(report("a1", 1), 350)
      .thenRejects("CONFLICT", tracked) // talking
      .when({ type: "call.ended", callId: "c1" }, 400)
      .thenEmits([]);
    expect(scenario.center.state.agents.a1!.wrapUpUntil).not.toBeNull();
    scenario
      .when(report("a1", 1), 450)
      .thenRejects("CONFLICT", tracked) // wrap-up
      .when(report("nobody", 1), 450)
      .thenRejects("UNKNOWN_AGENT")
      .when(report("a1", 1.5), 450)
      .thenRejects("INVALID");
  });

  it("a system status other than 0 and 1 is kept as PCC reported it and is not free: the agent never rings", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    c.send(report("a1", 2), 200);
    expect(c.state.agents.a1!.systemStatus).toBe(2);
    expect(explain(c.state.agents.a1!)).toEqual(["SYSTEM_STATUS_OTHER"]);
    expect(offers(c.arrive("c1", "q1", 300))).toEqual([]);
    expect(offers(c.send(report("a1", 7), 400))).toEqual([]);
    expect(offers(c.send(report("a1", 1), 500))).toEqual(["offered c1→a1"]);
  });
});

describe("step: inputs that change nothing", () => {
  it("reports a repeated report as changed: false and logs it; under ifChanged it is checked, not logged", () => {
    const c = center();
    c.agent("a1", 100);
    const heartbeat: DomainEvent = {
      type: "agent.presence_changed",
      agentId: "a1",
      signal: "app",
      online: true,
    };
    const logged = step(c.state, heartbeat, 200);
    expect(logged).toMatchObject({ ok: true, changed: false, input: { seq: 4, type: heartbeat.type } });
    const skipped = step(c.state, heartbeat, 300, { ifChanged: true });
    expect(skipped).toEqual({ ok: true, applied: [], input: null, changed: false });
    expect(c.state.seq).toBe(4);
    const offline = { ...heartbeat, online: false };
    expect(step(c.state, offline, 300, { ifChanged: true })).toMatchObject({
      changed: true,
      input: { seq: 5 },
    });
    const unknown = { ...heartbeat, agentId: "nobody" };
    expect(step(c.state, unknown, 300, { ifChanged: true })).toMatchObject({ ok: false });
  });
});
