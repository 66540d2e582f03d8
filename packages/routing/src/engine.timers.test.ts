// Time in the engine: timers fire at their own deadlines, the clock never goes back, maximum waits and wrap-ups.
import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import { center, clone, HOUR, PLAIN, primary, timed } from "./center.test-helpers.ts";
import { step } from "./engine.ts";
import { nextDeadline } from "./route.ts";
import { emptyOutcomes } from "./state.ts";

describe("step: the clock", () => {
  it("a rejected event still lets the timers due before it run, and returns them", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    c.arrive("c1", "q1", 1_000);
    const twin = clone(c.state);
    const result = step(c.state, { type: "call.ended", callId: "nope" }, 50_000);
    expect(result).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_CALL" } });
    // Only the timers: the refused step does not settle, so nothing is offered by it.
    expect(timed(result.applied)).toEqual(["16000 TIMEOUT c1←a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "waiting", ringing: [] });
    expect(c.state.clock).toBe(16_000);
    // A bare clock tick to the same time fires the same timers first, then routes at the tick.
    const tick = step(twin, null, 50_000);
    expect(timed(tick.applied)).toEqual(["16000 TIMEOUT c1←a1", "50000 offered c1→a1"]);
    expect(tick.applied.slice(0, result.applied.length)).toEqual(result.applied);
    // The refused event left no trace: the tick that follows it brings the state to the twin's.
    expect(step(c.state, null, 50_000).applied).toEqual(tick.applied.slice(result.applied.length));
    expect(c.state).toEqual(twin);
    expect(c.state.clock).toBe(50_000);
  });

  it("the clock is the latest applied event's time; a tick that applies nothing leaves it; time never goes back", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    expect(c.state.clock).toBe(100);
    c.tick(5_000);
    expect(c.state.clock).toBe(100);
    const late = step(c.state, { type: "call.arrived", callId: "c1", queueId: "q1", from: "1" }, 50);
    expect(late.ok).toBe(true);
    expect(late.applied.every((e) => e.at === 100)).toBe(true);
    expect(c.state.calls.c1!.arrivedAt).toBe(100);
  });
});

describe("step: maximum wait", () => {
  it("times a waiting call out at exactly arrivedAt + maximumQueueWaitTime, even when step comes much later", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.teamQueue("q", ["a1"], 100, { maximumQueueWaitTime: 30 });
    c.arrive("c1", "q", 1_000);
    c.arrive("c2", "q", 2_000);
    expect(c.tick(30_999)).toEqual([]);
    const applied = c.tick(500_000);
    expect(timed(applied)).toEqual(["31000 timed_out c1", "32000 timed_out c2"]);
    expect(applied[0]).toMatchObject({
      type: "call.finished",
      outcome: "timed_out",
      reason: "nobody answered within 30s",
    });
    expect(c.state.calls).toEqual({});
    expect(c.state.queueRuntime.q!.outcomes).toEqual({ ...emptyOutcomes(), timed_out: 2 });
  });

  it("times out a ringing call too, freeing the agent without counting a miss", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { maximumQueueWaitTime: 20, waitAgentAnswerTimeout: 15 });
    c.arrive("c1", "q", 1_000);
    // The first offer expires at 16 000 and is re-offered to a1 until 31 000…
    expect(timed(c.tick(16_000))).toEqual(["16000 TIMEOUT c1←a1", "16000 offered c1→a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "ringing", offerExpiresAt: 31_000 });
    // …but the caller's wait ends at 21 000: at its own time, even when the tick comes later.
    expect(timed(c.tick(40_000))).toEqual(["21000 timed_out c1"]);
    expect(c.state.agents.a1).toMatchObject({ ringingCallId: null, missedOffers: 1, consecutiveMisses: 1 });
  });

  it("an answered call is no longer timed; maximumQueueWaitTime 0 means no limit", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 100, { available: false });
    c.teamQueue("q", ["a1", "a2"], 100, { maximumQueueWaitTime: 10 });
    c.teamQueue("forever", ["a2"], 100, { maximumQueueWaitTime: 0 });
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.arrive("c2", "forever", 3_000);
    expect(c.tick(10 * HOUR)).toEqual([]);
    expect(Object.keys(c.state.calls).sort()).toEqual(["c1", "c2"]);
  });
});

describe("step: wrap-up", () => {
  it("counts down after a talking call and ends at exactly wrapUpUntil, even when step comes much later", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, {
      wrapUpTimeLimit: 30,
      maximumQueueWaitTime: 0,
      waitAgentAnswerTimeout: 3_600,
    });
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.end("c1", 62_000);
    expect(c.state.agents.a1).toMatchObject({
      systemStatus: 0,
      activeCallId: null,
      wrapUpUntil: 92_000,
      talkTimeMs: 60_000,
    });
    // During the wrap-up a new caller waits; the decision says WRAP_UP, not ON_CALL.
    c.arrive("c2", "q", 70_000);
    expect(c.state.calls.c2!.status).toBe("waiting");
    expect(nextDeadline(c.state)).toBe(92_000);
    expect(c.tick(91_999)).toEqual([]);
    // The wrap-up ends at its own time; the waiting caller is offered at the (late) tick, not back then.
    const applied = c.tick(HOUR);
    expect(timed(applied)).toEqual(["92000 wrap-up over a1", `${HOUR} offered c2→a1`]);
    expect(applied[0]).toEqual({
      type: "agent.wrap_up_ended",
      agentId: "a1",
      seq: applied[0]!.seq,
      at: 92_000,
    });
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 1, wrapUpUntil: null, idleSince: 92_000 });
    expect(c.state.calls.c2!.offerExpiresAt).toBe(HOUR + 3_600_000);
    expect(c.state.decisions[0]).toMatchObject({ at: HOUR, waitedSec: (HOUR - 70_000) / 1000 });
    expect(candidatesOf(c.state.decisions[0]!)[0]).toMatchObject({
      agentId: "a1",
      verdict: "CHOSEN",
      systemStatus: 1,
    });
  });

  it("a decision made during the wrap-up shows WRAP_UP for that agent", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q", ["a1", "a2"], 200, { wrapUpTimeLimit: 20 });
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.end("c1", 3_000);
    c.arrive("c2", "q", 4_000);
    expect(
      candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict, k.reasons, k.systemStatus]),
    ).toEqual([
      ["a2", "CHOSEN", [], 1],
      ["a1", "NOT_ELIGIBLE", ["WRAP_UP"], 0],
    ]);
  });

  it("the wrap-up belongs to the queue of the call that ended", () => {
    const c = center();
    c.agent("a1", 100);
    c.group("g", ["a1"], 100);
    c.queue("short", primary("g"), 100, { wrapUpTimeLimit: 5 });
    c.queue("none", primary("g"), 100, { agentWrapUpAfterCalls: false });
    c.arrive("c1", "short", 1_000);
    c.answer("c1", "a1", 2_000);
    c.end("c1", 3_000);
    expect(c.state.agents.a1!.wrapUpUntil).toBe(8_000);
    c.tick(8_000);
    c.arrive("c2", "none", 9_000);
    c.answer("c2", "a1", 10_000);
    c.end("c2", 11_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 1, wrapUpUntil: null, idleSince: 11_000 });
  });

  it("a manual status change during wrap-up does not end it", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100);
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.end("c1", 3_000);
    c.status("a1", "ACW", 4_000);
    c.available("a1", 5_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 0, wrapUpUntil: 13_000 });
    expect(timed(c.tick(13_000))).toEqual(["13000 wrap-up over a1"]);
  });
});
