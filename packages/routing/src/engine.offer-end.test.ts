// How an offer ends without an answer: it times out, or the agent stops being able to ring, or the caller hangs up.
import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import { center, offers, PLAIN, summary, timed } from "./center.test-helpers.ts";
import { nextDeadline } from "./route.ts";

describe("step: an offer that ends unanswered", () => {
  it("offer timeout: the call moves on at the exact expiry, and the agent that missed goes last", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.teamQueue("q1", ["a1", "a2", "a3"], 400, { ...PLAIN, waitAgentAnswerTimeout: 10 });
    expect(offers(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→a1"]);
    expect(c.tick(10_999)).toEqual([]);
    expect(timed(c.tick(11_000))).toEqual(["11000 TIMEOUT c1←a1", "11000 offered c1→a2"]);
    const second = c.log.at(-1)!;
    if (second.type !== "call.offered") throw new Error("expected an offer");
    expect(second.expiresAt).toBe(21_000);
    expect(candidatesOf(second.decision).map((k) => [k.agentId, k.verdict, k.missedThisCall])).toEqual([
      ["a2", "CHOSEN", false],
      ["a3", "RANKED_LOWER", false],
      ["a1", "RANKED_LOWER", true],
    ]);
    // A late tick: the timeout still happens at its own time, but the next offer is made at the tick,
    // never back-dated into time when nobody could have rung; it gets its full answer time from then.
    expect(timed(c.tick(25_000))).toEqual(["21000 TIMEOUT c1←a2", "25000 offered c1→a3"]);
    expect(c.state.calls.c1!.offerExpiresAt).toBe(35_000);
    expect(c.state.decisions[0]).toMatchObject({ at: 25_000, agentIds: ["a3"], waitedSec: 24 });
    // Everyone missed it: back to the longest idle.
    expect(timed(c.tick(35_000))).toEqual(["35000 TIMEOUT c1←a3", "35000 offered c1→a1"]);
    expect(c.state.calls.c1!.missedBy).toEqual(["a1", "a2", "a3"]);
    expect(c.state.agents.a1).toMatchObject({ missedOffers: 1, consecutiveMisses: 1 });
    expect(c.state.agents.a2).toMatchObject({ missedOffers: 1, consecutiveMisses: 1 });
    expect(c.state.clock).toBe(35_000);
  });

  it("offer timeout with a single agent: it rings the same agent again", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100, { ...PLAIN, waitAgentAnswerTimeout: 15 });
    c.arrive("c1", "q1", 1_000);
    expect(offers(c.tick(16_000))).toEqual(["TIMEOUT c1←a1", "offered c1→a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "ringing", ringing: ["a1"], offerExpiresAt: 31_000 });
    expect(c.state.agents.a1!.ringingCallId).toBe("c1");
    // Same call, same agent, same instant: the attempt number keeps the two decisions apart.
    expect(c.state.decisions.map((d) => [d.callId, d.attempt, d.agentIds])).toEqual([
      ["c1", 2, ["a1"]],
      ["c1", 1, ["a1"]],
    ]);
  });

  it("agent going on a break while ringing: AGENT_UNAVAILABLE (no miss) and re-offered to the next agent", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    const applied = c.status("a1", "LUNCH_BREAK", 2_000);
    expect(applied.map((e) => e.type)).toEqual([
      "agent.manual_status_set",
      "call.offer_ended",
      "call.offered",
    ]);
    expect(summary(applied)).toEqual(["AGENT_UNAVAILABLE c1←a1", "offered c1→a2"]);
    expect(c.state.agents.a1).toMatchObject({
      ringingCallId: null,
      manualStatus: "LUNCH_BREAK",
      missedOffers: 0,
    });
    expect(c.state.calls.c1).toMatchObject({ ringing: ["a2"], offerExpiresAt: 17_000, missedBy: [] });
  });

  it("agent going offline while ringing (last signal lost): AGENT_UNAVAILABLE; nobody else → the call waits", () => {
    const c = center();
    c.agent("a1", 100);
    c.send({ type: "agent.presence_changed", agentId: "a1", signal: "sip", online: true }, 100);
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    c.arrive("c1", "q1", 1_000);
    expect(
      summary(c.send({ type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 1_500)),
    ).toEqual([]);
    expect(
      summary(c.send({ type: "agent.presence_changed", agentId: "a1", signal: "sip", online: false }, 2_000)),
    ).toEqual(["AGENT_UNAVAILABLE c1←a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "waiting", ringing: [], offerExpiresAt: null });
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("abandoned while ringing frees the agent for the next call", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 1_000);
    c.arrive("c2", "q1", 1_500);
    expect(c.state.calls.c2!.status).toBe("waiting");
    expect(offers(c.abandon("c1", 2_000))).toEqual(["offered c2→a1"]);
  });
});
