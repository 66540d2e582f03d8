// A call's life after the offer: answer, end, outcomes, what the telephony measured, late answers.
import { describe, expect, it } from "vitest";
import { center, HOUR, MONDAY_0900_HCM, offers, PLAIN, summary } from "./center.test-helpers.ts";
import { checkEvent } from "./check.ts";
import { answered, arrived, given } from "./decider.test-helpers.ts";

describe("step: answer and end", () => {
  it("answer: systemStatus 0, no more offers; end: systemStatus 1, idleSince moves, next waiting call offered", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 200, PLAIN);
    c.arrive("c1", "q1", 1_000);
    c.answer("c1", "a1", 3_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 0, activeCallId: "c1", ringingCallId: null });
    expect(offers(c.arrive("c2", "q1", 4_000))).toEqual(["offered c2→a2"]);
    c.answer("c2", "a2", 5_000);
    // Both talking: c3 waits.
    expect(offers(c.arrive("c3", "q1", 6_000))).toEqual([]);
    // a2 hangs up first: free again (no wrap-up in this queue) and offered the waiting call in the same step.
    expect(summary(c.end("c2", 7_000))).toEqual(["offered c3→a2"]);
    expect(c.state.agents.a2).toMatchObject({ systemStatus: 1, activeCallId: null, idleSince: 7_000 });
    c.end("c1", 8_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 1, activeCallId: null, idleSince: 8_000 });
    c.abandon("c3", 9_000);
    // a2 (idle since 7 000) has now been idle longer than a1 (8 000).
    expect(offers(c.arrive("c4", "q1", 10_000))).toEqual(["offered c4→a2"]);
  });

  it("answer by the wrong agent is rejected and changes nothing", () => {
    given((c) => {
      c.agent("a1", 100);
      c.agent("a2", 200);
      c.teamQueue("q1", ["a1", "a2"], 200);
      c.arrive("c1", "q1", 1_000);
    })
      .when(answered("c1", "a2"), 2_000)
      .thenRejects("CONFLICT", 'call "c1" is not ringing agent "a2"');
  });
});

describe("step: outcomes", () => {
  it("every call ends in exactly one outcome, counted per queue", () => {
    const c = center();
    const t = MONDAY_0900_HCM;
    c.agent("a1", t);
    c.agent("a2", t, { available: false });
    c.teamQueue("q", ["a1", "a2"], t, {
      maximumQueueSize: 2,
      maximumQueueWaitTime: 30,
      schedule: {
        kind: "business-hours",
        timeZone: "Asia/Ho_Chi_Minh",
        hours: [{ days: [1], open: "08:00", close: "10:00" }],
      },
    });
    c.arrive("answered", "q", t + 1_000); // rings a1
    c.answer("answered", "a1", t + 2_000);
    c.arrive("abandoned", "q", t + 3_000);
    c.arrive("timed-out", "q", t + 4_000);
    c.arrive("rejected", "q", t + 5_000);
    c.abandon("abandoned", t + 6_000);
    c.arrive("hung-up", "q", t + 7_000);
    c.end("hung-up", t + 8_000); // call.ended while waiting is an abandon too
    c.end("answered", t + 9_000); // no second outcome for an answered call
    c.tick(t + 40_000);
    c.arrive("closed", "q", t + HOUR);
    expect(c.state.queueRuntime.q!.outcomes).toEqual({
      answered: 1,
      abandoned: 2,
      rejected: 1,
      timed_out: 1,
      closed: 1,
    });
    expect(c.state.calls).toEqual({});
    const outcomes = c.log.flatMap((e) =>
      e.type === "call.finished"
        ? [`${e.callId}:${e.outcome}`]
        : e.type === "call.answered"
          ? [`${e.callId}:answered`]
          : [],
    );
    expect(outcomes.sort()).toEqual([
      "answered:answered",
      "closed:closed",
      "rejected:rejected",
      "timed-out:timed_out",
    ]);
  });
});

describe("step: what the telephony measured", () => {
  it("talk time is the telephony's when it says (talkSec), else answer to end on the engine's clock", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, PLAIN);
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.send({ type: "call.ended", callId: "c1", talkSec: 30.5, cause: "NORMAL_CLEARING" }, 40_000);
    expect(c.state.agents.a1!.talkTimeMs).toBe(30_500);
    c.arrive("c2", "q", 41_000);
    c.answer("c2", "a1", 42_000);
    c.end("c2", 52_000);
    expect(c.state.agents.a1!.talkTimeMs).toBe(40_500);
    expect(checkEvent(c.state, { type: "call.ended", callId: "c1", talkSec: -1 })?.code).toBe("INVALID");
  });

  it("a call that ends 'answered' without Callboard knowing the agent counts as answered, not abandoned", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, PLAIN);
    c.arrive("c1", "q", 1_000); // rings a1
    c.send({ type: "call.ended", callId: "c1", answered: true }, 5_000);
    expect(c.state.calls).toEqual({});
    expect(c.state.queueRuntime.q!.outcomes).toMatchObject({ answered: 1, abandoned: 0 });
    expect(c.state.agents.a1).toMatchObject({ ringingCallId: null, answeredCalls: 0 });
  });
});

describe("step: a late answer", () => {
  it("an agent who picks up just after its offer timed out gets the call while it is still in the queue; the agent ringing now is released", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q", ["a1", "a2"], 200, { ...PLAIN, waitAgentAnswerTimeout: 5 });
    c.arrive("c1", "q", 1_000); // a1
    expect(summary(c.tick(6_000))).toEqual(["TIMEOUT c1←a1", "offered c1→a2"]);
    c.answer("c1", "a1", 6_200);
    expect(c.state.calls.c1).toMatchObject({ status: "talking", agentId: "a1", ringing: [] });
    expect(c.state.agents.a1).toMatchObject({ activeCallId: "c1", missedOffers: 1, consecutiveMisses: 0 });
    expect(c.state.agents.a2).toMatchObject({ ringingCallId: null, missedOffers: 0 });
  });

  it("is refused from an agent who never rang for the call, or who has taken another call since", () => {
    given((c) => {
      c.agent("a1", 100);
      c.agent("a2", 200);
      c.agent("a3", 300);
      c.teamQueue("q", ["a1", "a2", "a3"], 300, { ...PLAIN, waitAgentAnswerTimeout: 5 });
      c.arrive("c1", "q", 1_000); // a1
      c.tick(6_000); // a1 missed c1; c1 rings a2
    })
      .when(answered("c1", "a3"), 6_100)
      .thenRejects("CONFLICT") // never rang for c1
      // a1 missed c1, not c2, and has idled longest
      .when(arrived("c2", "q"), 6_500)
      .thenEmits(["queued c2 #2", "offered c2→a1"])
      .when(answered("c1", "a1"), 6_600)
      .thenRejects("CONFLICT"); // a1 rings for c2 now
  });
});
