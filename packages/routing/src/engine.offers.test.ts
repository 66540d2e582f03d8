// Who rings: how the engine picks the agent and the call for each offer.
import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import { backup, center, offers, PLAIN, primary, summary, timed } from "./center.test-helpers.ts";
import { arrived, given } from "./decider.test-helpers.ts";
import { step } from "./engine.ts";
import { nextDeadline } from "./route.ts";

describe("step: offers", () => {
  it("admits and offers a call as it arrives, to the longest-idle agent, in the same step", () => {
    const c = center();
    c.agent("a2", 100);
    c.agent("a3", 200);
    c.agent("a1", 300);
    c.teamQueue("q1", ["a1", "a2", "a3"], 400);
    const applied = c.arrive("c1", "q1", 1_000);
    expect(applied.map((e) => e.type)).toEqual(["call.arrived", "call.queued", "call.offered"]);
    expect(summary(applied)).toEqual(["queued c1 #1", "offered c1→a2"]);
    expect(applied.map((e) => e.seq)).toEqual([c.state.seq - 2, c.state.seq - 1, c.state.seq]);
    expect(applied.every((e) => e.at === 1_000)).toBe(true);
    expect(c.state.calls.c1).toMatchObject({
      admitted: true,
      status: "ringing",
      ringing: ["a2"],
      offerExpiresAt: 16_000,
    });
  });

  it("ties on idle time go to the lower id", () => {
    given((c) => {
      c.agent("zed", 100);
      c.agent("amy", 100);
      c.agent("kim", 100);
      c.teamQueue("q1", ["zed", "kim", "amy"], 100);
    })
      .when(arrived("c1", "q1"), 1_000)
      .thenEmits(["queued c1 #1", "offered c1→amy"])
      .when(arrived("c2", "q1"), 1_000)
      .thenEmits(["queued c2 #2", "offered c2→kim"])
      .when(arrived("c3", "q1"), 1_000)
      .thenEmits(["queued c3 #3", "offered c3→zed"]);
  });

  it("FIFO within a queue: the older call is offered first, whatever the ids", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100, { available: false });
    c.teamQueue("q1", ["a1", "a2"], 100);
    expect(summary(c.arrive("c9", "q1", 1_000))).toEqual(["queued c9 #1"]);
    expect(summary(c.arrive("c1", "q1", 2_000))).toEqual(["queued c1 #2"]);
    expect(summary(c.arrive("c5", "q1", 3_000))).toEqual(["queued c5 #3"]);
    expect(summary(c.available("a2", 4_000))).toEqual(["offered c9→a2"]);
    expect(summary(c.available("a1", 5_000))).toEqual(["offered c1→a1"]);
    expect(c.state.calls.c5!.status).toBe("waiting");
  });

  it("calls arriving in the same millisecond are served in arrival order, not id order", () => {
    // Group commit stamps every input of a flush with the same time: "c-10" sorts before "c-9" as a
    // string, and "cb" after "ca", yet each was called in after the one before it.
    const c = center();
    c.agent("a1", 100, { available: false });
    c.teamQueue("q1", ["a1"], 100, PLAIN);
    expect(summary(c.arrive("c-9", "q1", 1_000))).toEqual(["queued c-9 #1"]);
    expect(summary(c.arrive("c-10", "q1", 1_000))).toEqual(["queued c-10 #2"]);
    expect(summary(c.arrive("cb", "q1", 1_000))).toEqual(["queued cb #3"]);
    expect(summary(c.arrive("ca", "q1", 1_000))).toEqual(["queued ca #4"]);
    expect(offers(c.available("a1", 2_000))).toEqual(["offered c-9→a1"]);
    c.answer("c-9", "a1", 2_100);
    expect(offers(c.end("c-9", 2_200))).toEqual(["offered c-10→a1"]);
    c.answer("c-10", "a1", 2_300);
    expect(offers(c.end("c-10", 2_400))).toEqual(["offered cb→a1"]);
    c.answer("cb", "a1", 2_500);
    expect(offers(c.end("cb", 2_600))).toEqual(["offered ca→a1"]);
  });

  it("no offer while nobody can ring; the call waits and is offered the moment someone can", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100, { profile: { routingType: 2, phoneNumber: null } });
    c.agent("a3", 100, { online: false });
    c.teamQueue("q1", ["a1", "a2", "a3"], 100, PLAIN);
    expect(c.arrive("c1", "q1", 1_000).map((e) => e.type)).toEqual(["call.arrived", "call.queued"]);
    expect(c.state.calls.c1!.status).toBe("waiting");
    // No maximum wait: nothing is due, however long the engine waits.
    expect(nextDeadline(c.state)).toBeNull();
    expect(step(c.state, null, 1_000_000)).toEqual({ ok: true, applied: [], input: null, changed: false });
    // A push token alone makes a3 online.
    const result = step(
      c.state,
      { type: "agent.push_token_changed", agentId: "a3", token: "ios", registered: true },
      1_000_001,
    );
    if (!result.ok) throw new Error(result.rejection.message);
    expect(summary(result.applied)).toEqual(["offered c1→a3"]);
    // `input` is the accepted event exactly as logged, and it is among the applied events.
    expect(result.input).toEqual({
      type: "agent.push_token_changed",
      agentId: "a3",
      token: "ios",
      registered: true,
      seq: result.applied[0]!.seq,
      at: 1_000_001,
    });
    expect(result.applied[0]).toBe(result.input);
  });

  it("a routing-type-2 agent with a phone number rings even when offline", () => {
    given((c) => {
      c.agent("a1", 100, { online: false, profile: { routingType: 2, phoneNumber: "84912345678" } });
      c.teamQueue("q1", ["a1"], 100);
    })
      .when(arrived("c1", "q1"), 1_000)
      .thenEmits(["queued c1 #1", "offered c1→a1"]);
  });

  it("an agent in two queues gets the call that waited longest, across queues", () => {
    // The rule: the engine offers waiting calls oldest first across the whole center, so an agent that
    // can serve several queues is offered the caller who has waited longest (ties: the one called in first).
    const c = center();
    c.agent("shared", 100, { available: false });
    c.teamQueue("q1", ["shared"], 100);
    c.teamQueue("q2", ["shared"], 100);
    c.arrive("z-old", "q2", 1_000);
    c.arrive("a-new", "q1", 2_000);
    expect(offers(c.available("shared", 3_000))).toEqual(["offered z-old→shared"]);
    c.answer("z-old", "shared", 4_000);
    c.end("z-old", 5_000);
    // After its wrap-up (q2: 10 s), the same agent takes the next oldest caller, from the other queue.
    expect(nextDeadline(c.state)).toBe(15_000);
    expect(timed(c.tick(15_000))).toEqual(["15000 wrap-up over shared", "15000 offered a-new→shared"]);
  });

  it("an agent in two queues: a primary in one and a backup in the other still serves the oldest caller", () => {
    const c = center();
    c.agent("shared", 100, { available: false });
    c.group("A", ["shared"], 100);
    c.queue("q-backup", backup("A"), 100);
    c.queue("q-primary", primary("A"), 100);
    c.arrive("old", "q-backup", 1_000);
    c.arrive("new", "q-primary", 2_000);
    expect(offers(c.available("shared", 3_000))).toEqual(["offered old→shared"]);
  });

  it("a waiting older call whose queue nobody can serve does not block a newer one elsewhere", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", [], 100);
    c.teamQueue("q2", ["a1"], 100);
    c.arrive("old", "q1", 1_000);
    expect(offers(c.arrive("new", "q2", 2_000))).toEqual(["offered new→a1"]);
  });

  it("the decision record is logged with the offer and kept newest first in the state", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200, { available: false });
    c.teamQueue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    c.tick(16_000);
    expect(c.state.decisions.map((d) => [d.callId, d.agentIds, d.at, d.attempt])).toEqual([
      ["c1", ["a1"], 16_000, 2],
      ["c1", ["a1"], 1_000, 1],
    ]);
    expect(c.state.decisions[0]!.waitedSec).toBe(15);
    expect(
      candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict, k.reasons, k.missedThisCall]),
    ).toEqual([
      ["a1", "CHOSEN", [], true],
      ["a2", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"], false],
    ]);
    const logged = c.log.filter((e) => e.type === "call.offered").map((e) => e.decision);
    expect(logged.reverse()).toEqual(c.state.decisions);
  });
});
