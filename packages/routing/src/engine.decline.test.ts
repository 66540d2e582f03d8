// An agent turning a ringing call down (the softphone's Reject): a miss now, not at the timeout.
import { describe, expect, it } from "vitest";
import { center, offers, PLAIN } from "./center.test-helpers.ts";
import { checkEvent } from "./check.ts";

describe("step: call.declined", () => {
  it("ends that agent's offer as a miss at once, and the call is offered to the next agent", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 200, { ...PLAIN, waitAgentAnswerTimeout: 30 });
    expect(offers(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→a1"]);
    expect(offers(c.send({ type: "call.declined", callId: "c1", agentId: "a1" }, 2_000))).toEqual([
      "offered c1→a2",
    ]);
    expect(c.state.agents.a1).toMatchObject({ ringingCallId: null, missedOffers: 1, consecutiveMisses: 1 });
    expect(c.state.calls.c1).toMatchObject({ ringing: ["a2"], missedBy: ["a1"] });
  });

  it("is refused when the call is not ringing that agent (already taken, withdrawn, or never offered)", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    expect(checkEvent(c.state, { type: "call.declined", callId: "c1", agentId: "a2" })).toMatchObject({
      code: "CONFLICT",
    });
    c.answer("c1", "a1", 2_000);
    expect(checkEvent(c.state, { type: "call.declined", callId: "c1", agentId: "a1" })).toMatchObject({
      code: "CONFLICT",
    });
    expect(checkEvent(c.state, { type: "call.declined", callId: "gone", agentId: "a1" })).toMatchObject({
      code: "UNKNOWN_CALL",
    });
  });
});
