import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import {
  backup,
  center,
  clone,
  HOUR,
  isTimerEvent,
  MONDAY_0900_HCM,
  offers,
  PLAIN,
  primary,
  rerunLog,
  SUNDAY_0900_HCM,
  summary,
  timed,
} from "./center.test-helpers.ts";
import { checkEvent } from "./check.ts";
import { explain } from "./eligibility.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent } from "./events.ts";
import { nextDeadline } from "./route.ts";
import { emptyOutcomes, emptyState, own } from "./state.ts";

describe("step: routing scenarios", () => {
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
    const c = center();
    c.agent("zed", 100);
    c.agent("amy", 100);
    c.agent("kim", 100);
    c.teamQueue("q1", ["zed", "kim", "amy"], 100);
    expect(offers(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→amy"]);
    expect(offers(c.arrive("c2", "q1", 1_000))).toEqual(["offered c2→kim"]);
    expect(offers(c.arrive("c3", "q1", 1_000))).toEqual(["offered c3→zed"]);
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
    const c = center();
    c.agent("a1", 100, { online: false, profile: { routingType: 2, phoneNumber: "84912345678" } });
    c.teamQueue("q1", ["a1"], 100);
    expect(offers(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→a1"]);
  });

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
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    const before = clone(c.state);
    const result = step(c.state, { type: "call.answered", callId: "c1", agentId: "a2" }, 2_000);
    expect(result).toMatchObject({ ok: false, rejection: { code: "CONFLICT" }, applied: [] });
    expect(c.state).toEqual(before);
  });

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

  it("abandoned while ringing frees the agent for the next call", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 1_000);
    c.arrive("c2", "q1", 1_500);
    expect(c.state.calls.c2!.status).toBe("waiting");
    expect(offers(c.abandon("c1", 2_000))).toEqual(["offered c2→a1"]);
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

  it("is deterministic and replayable: the same inputs give the same log, and the log rebuilds the state", () => {
    const run = () => {
      const c = center();
      c.agent("a1", 100);
      c.agent("a2", 200);
      c.agent("a3", 300, { profile: { routingType: 2, phoneNumber: "+84912345678" } });
      c.group("g1", ["a1", "a2"], 300);
      c.group("g2", ["a3"], 300);
      c.queue("q1", [...primary("g1"), ...backup("g2")], 300, {
        waitAgentAnswerTimeout: 5,
        routeToBackupAfterSec: 3,
      });
      c.queue("q2", primary("g2"), 300, { waitAgentAnswerTimeout: 5, strategy: "ring-all" });
      c.arrive("c1", "q1", 1_000);
      c.arrive("c2", "q2", 1_100);
      c.arrive("c3", "q1", 1_200);
      c.tick(6_000);
      // c3's offer expired at 6 200: the tick (as the live core makes before every batch) re-offers it
      // at 6 500, and the answer goes to whoever rings then.
      c.tick(6_500);
      c.answer("c3", c.state.calls.c3!.ringing[0] ?? "?", 6_500);
      c.status("a1", "SHORT_BREAK", 7_000);
      c.tick(20_000);
      c.end("c3", 21_000);
      c.tick(90_000);
      return c;
    };
    const one = run();
    const two = run();
    expect(one.log).toEqual(two.log);
    expect(one.state).toEqual(two.state);
    expect(one.log.map((e) => e.seq)).toEqual(one.log.map((_, i) => i + 1));
    expect(replay(emptyState(), one.log)).toEqual(one.state);
    // Redelivery: events at or below the state's seq are skipped.
    const doubled = replay(emptyState(), [...one.log, ...one.log, ...one.log.slice(3, 9)]);
    expect(doubled).toEqual(one.state);
    // Catching up from a midpoint.
    const half = replay(emptyState(), one.log.slice(0, 10));
    expect(replay(half, one.log)).toEqual(one.state);
    // Re-running the inputs, with the ticks the log shows (and the last one), gives back every engine event.
    const again = emptyState();
    expect(rerunLog(again, one.log, 90_000)).toEqual(one.log);
    expect(again).toEqual(one.state);
    // The run did route at ticks of its own, and fired timers at their deadlines: both were reproduced.
    expect(one.log.some((e) => e.type === "call.offered" && e.at === 6_500)).toBe(true);
    expect(one.log.filter((e) => isTimerEvent(e)).length).toBeGreaterThan(5);
  });
});

describe("step: admission", () => {
  const businessHours = {
    schedule: {
      kind: "business-hours" as const,
      timeZone: "Asia/Ho_Chi_Minh",
      hours: [{ days: [1, 2, 3, 4, 5], open: "08:00", close: "17:00" }],
    },
  };

  it("queues a call inside business hours (Monday 09:00 in Ho Chi Minh City = 02:00Z)", () => {
    const c = center();
    const t = MONDAY_0900_HCM;
    c.agent("a1", t - HOUR);
    c.teamQueue("q", ["a1"], t - HOUR, businessHours);
    expect(summary(c.arrive("c1", "q", t))).toEqual(["queued c1 #1", "offered c1→a1"]);
  });

  it("closes a call outside business hours: Sunday, before opening, and at closing time", () => {
    for (const [label, at] of [
      ["Sunday 09:00", SUNDAY_0900_HCM],
      ["Monday 07:59", MONDAY_0900_HCM - HOUR - 60_000],
      ["Monday 17:00", MONDAY_0900_HCM + 8 * HOUR],
    ] as const) {
      const c = center();
      c.agent("a1", at - HOUR);
      c.teamQueue("q", ["a1"], at - HOUR, businessHours);
      const applied = c.arrive("c1", "q", at);
      expect(summary(applied), label).toEqual(["closed c1"]);
      expect(applied.at(-1), label).toMatchObject({
        type: "call.finished",
        outcome: "closed",
        reason: "outside the queue's business hours",
        at,
      });
      expect(c.state.calls.c1, label).toBeUndefined();
      expect(c.state.agents.a1!.ringingCallId, label).toBeNull();
      expect(c.state.queueRuntime.q!.outcomes, label).toEqual({ ...emptyOutcomes(), closed: 1 });
    }
  });

  it("reads the hours in the queue's time zone, not UTC", () => {
    const c = center();
    const t = MONDAY_0900_HCM + 7 * HOUR; // 09:00Z = 16:00 in Ho Chi Minh City
    c.agent("a1", t - HOUR);
    c.teamQueue("q", ["a1"], t - HOUR, businessHours);
    c.teamQueue("utc", ["a1"], t - HOUR, {
      schedule: {
        kind: "business-hours",
        timeZone: "UTC",
        hours: [{ days: [1], open: "10:00", close: "17:00" }],
      },
    });
    expect(summary(c.arrive("c1", "q", t))).toEqual(["queued c1 #1", "offered c1→a1"]);
    expect(summary(c.arrive("c2", "utc", t))).toEqual(["closed c2"]);
  });

  it("rejects a call when maximumQueueSize calls already wait or ring; talking calls do not count", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { maximumQueueSize: 2 });
    expect(summary(c.arrive("c1", "q", 1_000))).toEqual(["queued c1 #1", "offered c1→a1"]);
    expect(summary(c.arrive("c2", "q", 2_000))).toEqual(["queued c2 #2"]);
    const applied = c.arrive("c3", "q", 3_000);
    expect(summary(applied)).toEqual(["rejected c3"]);
    expect(applied.at(-1)).toMatchObject({ reason: "queue full: 2 of 2 places taken" });
    c.answer("c1", "a1", 4_000);
    expect(summary(c.arrive("c4", "q", 5_000))).toEqual(["queued c4 #2"]);
    expect(c.state.queueRuntime.q!.outcomes).toEqual({ ...emptyOutcomes(), answered: 1, rejected: 1 });
  });

  it("a queue of size 0 turns every caller away", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { maximumQueueSize: 0 });
    expect(summary(c.arrive("c1", "q", 1_000))).toEqual(["rejected c1"]);
  });

  it("PCC's defaults: 5 places, 60 s wait, 15 s answer timeout, 10 s wrap-up", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.teamQueue("q", ["a1"], 100);
    for (let i = 1; i <= 6; i++) c.arrive(`c${i}`, "q", 1_000 * i);
    expect(c.state.queueRuntime.q!.outcomes.rejected).toBe(1);
    expect(nextDeadline(c.state)).toBe(61_000);
    c.available("a1", 10_000);
    expect(c.state.calls.c1!.offerExpiresAt).toBe(25_000);
    c.answer("c1", "a1", 11_000);
    c.end("c1", 12_000);
    expect(c.state.agents.a1!.wrapUpUntil).toBe(22_000);
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
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.teamQueue("q", ["a1", "a2", "a3"], 300, { ...PLAIN, waitAgentAnswerTimeout: 5 });
    c.arrive("c1", "q", 1_000); // a1
    c.tick(6_000); // a1 missed c1; c1 rings a2
    const answer = (agentId: string) => checkEvent(c.state, { type: "call.answered", callId: "c1", agentId });
    expect(answer("a3")?.code).toBe("CONFLICT"); // never rang for c1
    c.arrive("c2", "q", 6_500); // rings a1: it missed c1, not c2, and has idled longest
    expect(c.state.calls.c2!.ringing).toEqual(["a1"]);
    expect(answer("a1")?.code).toBe("CONFLICT"); // a1 rings for c2 now
  });
});

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

describe("step: backup groups", () => {
  /** Primary p1 (on a break), backup b1; the backup may ring after `delay` seconds. */
  function withBackup(delay: number | null) {
    const c = center();
    c.agent("p1", 100, { available: false });
    c.agent("b1", 100);
    c.group("P", ["p1"], 100);
    c.group("B", ["b1"], 100);
    c.queue("q", [...primary("P"), ...backup("B")], 100, {
      routeToBackupAfterSec: delay,
      maximumQueueWaitTime: 0,
    });
    return c;
  }

  it("null delay: backup rings as soon as no primary agent can", () => {
    const c = withBackup(null);
    const applied = c.arrive("c1", "q", 1_000);
    expect(offers(applied)).toEqual(["offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({ usedBackup: true, waitedSec: 0 });
  });

  it("held back until the call has waited routeToBackupAfterSec: nextDeadline wakes the engine then; a late tick routes at the tick", () => {
    const c = withBackup(20);
    expect(summary(c.arrive("c1", "q", 1_000))).toEqual(["queued c1 #1"]);
    expect(nextDeadline(c.state)).toBe(21_000);
    expect(c.tick(20_999)).toEqual([]);
    expect(timed(c.tick(21_000))).toEqual(["21000 offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({
      at: 21_000,
      waitedSec: 20,
      usedBackup: true,
      agentIds: ["b1"],
    });

    // The opening is not an event of its own: a tick that comes late routes at its own time, once.
    const late = withBackup(20);
    late.arrive("c1", "q", 1_000);
    expect(timed(late.tick(90_000))).toEqual(["90000 offered c1→b1"]);
    expect(late.state.decisions[0]).toMatchObject({
      at: 90_000,
      waitedSec: 89,
      usedBackup: true,
      agentIds: ["b1"],
    });
    expect(late.state.calls.c1!.offerExpiresAt).toBe(105_000);
  });

  it("a call back to waiting after its primary offer was withdrawn still wakes the engine when backup groups open", () => {
    const c = center();
    c.agent("p1", 100);
    c.agent("b1", 100);
    c.group("P", ["p1"], 100);
    c.group("B", ["b1"], 100);
    c.queue("q", [...primary("P"), ...backup("B")], 100, { ...PLAIN, routeToBackupAfterSec: 10 });
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→p1"]);
    // The core asks for its next wake-up while the call rings (the opening is not due while ringing).
    expect(nextDeadline(c.state)).toBe(16_000);
    expect(summary(c.status("p1", "LUNCH_BREAK", 5_000))).toEqual(["AGENT_UNAVAILABLE c1←p1"]);
    expect(nextDeadline(c.state)).toBe(11_000);
    expect(timed(c.tick(11_000))).toEqual(["11000 offered c1→b1"]);
  });

  it("a primary agent that becomes free before the delay takes the call; the backup never rings", () => {
    const c = withBackup(20);
    c.arrive("c1", "q", 1_000);
    expect(offers(c.available("p1", 10_000))).toEqual(["offered c1→p1"]);
    expect(candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict])).toEqual([
      ["p1", "CHOSEN"],
      ["b1", "BACKUP_HELD"],
    ]);
    c.answer("c1", "p1", 11_000);
    expect(offers(c.tick(60_000))).toEqual([]);
  });

  it("a primary who already missed the call goes after a fresh backup agent; before routeToBackupAfterSec it is rung again", () => {
    const table = (c: ReturnType<typeof withBackup>) =>
      candidatesOf(c.state.decisions[0]!).map((k) => [
        k.agentId,
        k.tier,
        k.verdict,
        k.rank,
        k.missedThisCall,
      ]);

    // Backup allowed at once: the only primary who can ring has let the call ring out, so the backup
    // group opens and its fresh agent rings before the primary who missed.
    const c = withBackup(null);
    c.available("p1", 200);
    c.arrive("c1", "q", 1_000);
    expect(offers(c.tick(16_000))).toEqual(["TIMEOUT c1←p1", "offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(table(c)).toEqual([
      ["b1", "backup", "CHOSEN", 1, false],
      ["p1", "primary", "RANKED_LOWER", 2, true],
    ]);

    // Backup after 20 s: until the call has waited that long, the primary who missed is rung again…
    const d = withBackup(20);
    d.available("p1", 200);
    d.arrive("c1", "q", 1_000);
    expect(offers(d.tick(16_000))).toEqual(["TIMEOUT c1←p1", "offered c1→p1"]);
    expect(d.state.decisions[0]).toMatchObject({ agentIds: ["p1"], usedBackup: false, waitedSec: 15 });
    expect(table(d)).toEqual([
      ["p1", "primary", "CHOSEN", 1, true],
      ["b1", "backup", "BACKUP_HELD", null, false],
    ]);
    // …(nothing to do at 21 000: the call is ringing)…
    expect(nextDeadline(d.state)).toBe(31_000);
    // …and its next miss, after the delay, hands the call to the fresh backup.
    expect(offers(d.tick(31_000))).toEqual(["TIMEOUT c1←p1", "offered c1→b1"]);
    expect(d.state.decisions[0]).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(table(d)).toEqual([
      ["b1", "backup", "CHOSEN", 1, false],
      ["p1", "primary", "RANKED_LOWER", 2, true],
    ]);

    // A primary who goes on a break while the backup is still held: the call waits for the delay.
    const e = withBackup(20);
    e.available("p1", 200);
    e.arrive("c1", "q", 1_000);
    expect(offers(e.status("p1", "LUNCH_BREAK", 5_000))).toEqual(["AGENT_UNAVAILABLE c1←p1"]);
    expect(nextDeadline(e.state)).toBe(21_000);
    expect(offers(e.tick(21_000))).toEqual(["offered c1→b1"]);
  });
});

describe("step: ring-all", () => {
  function ringAll() {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.agent("a4", 400, { available: false });
    c.agent("b1", 400);
    c.group("team", ["a1", "a2", "a3", "a4"], 400);
    c.group("spare", ["b1"], 400);
    c.queue("q", [...primary("team"), ...backup("spare")], 400, {
      ...PLAIN,
      strategy: "ring-all",
      waitAgentAnswerTimeout: 10,
    });
    return c;
  }

  it("rings every primary agent that can ring at once; the first answer wins and the others stop ringing", () => {
    const c = ringAll();
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→a1,a2,a3"]);
    const d = c.state.decisions[0]!;
    expect(candidatesOf(d).map((k) => [k.agentId, k.verdict, k.rank, k.key])).toEqual([
      ["a1", "CHOSEN", 1, 100],
      ["a2", "CHOSEN", 2, 200],
      ["a3", "CHOSEN", 3, 300],
      ["b1", "BACKUP_HELD", null, null],
      ["a4", "NOT_ELIGIBLE", null, null],
    ]);
    for (const id of ["a1", "a2", "a3"]) expect(c.state.agents[id]!.ringingCallId).toBe("c1");
    c.answer("c1", "a2", 2_000);
    expect(c.state.calls.c1).toMatchObject({ status: "talking", agentId: "a2", ringing: [] });
    for (const id of ["a1", "a3"]) {
      expect(c.state.agents[id]).toMatchObject({ ringingCallId: null, missedOffers: 0 });
    }
    // The released agents ring for the next caller right away.
    expect(offers(c.arrive("c2", "q", 3_000))).toEqual(["offered c2→a1,a3"]);
    // A late answer from an agent released by c1 is refused.
    expect(step(c.state, { type: "call.answered", callId: "c1", agentId: "a1" }, 4_000).ok).toBe(false);
  });

  it("a timeout releases all of them at once, counts a miss for each, and rings them all again, with the backup (fresh) first", () => {
    const c = ringAll();
    c.arrive("c1", "q", 1_000);
    // Every primary who can ring has missed the call, so the backup group (no delay) joins, ranked first.
    expect(timed(c.tick(11_000))).toEqual(["11000 TIMEOUT c1←a1,a2,a3", "11000 offered c1→b1,a1,a2,a3"]);
    for (const id of ["a1", "a2", "a3"]) {
      expect(c.state.agents[id]).toMatchObject({
        missedOffers: 1,
        consecutiveMisses: 1,
        ringingCallId: "c1",
      });
    }
    expect(c.state.agents.b1).toMatchObject({ missedOffers: 0, ringingCallId: "c1" });
    expect(c.state.calls.c1!.missedBy).toEqual(["a1", "a2", "a3"]);
    expect(c.state.decisions[0]!.usedBackup).toBe(true);
    expect(
      candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict, k.rank, k.missedThisCall]),
    ).toEqual([
      ["b1", "CHOSEN", 1, false],
      ["a1", "CHOSEN", 2, true],
      ["a2", "CHOSEN", 3, true],
      ["a3", "CHOSEN", 4, true],
      ["a4", "NOT_ELIGIBLE", null, false],
    ]);
  });

  it("one agent dropping out stops only its ringing", () => {
    const c = ringAll();
    c.arrive("c1", "q", 1_000);
    expect(offers(c.status("a2", "LUNCH_BREAK", 2_000))).toEqual(["AGENT_UNAVAILABLE c1←a2"]);
    expect(c.state.calls.c1).toMatchObject({
      status: "ringing",
      ringing: ["a1", "a3"],
      offerExpiresAt: 11_000,
    });
    c.answer("c1", "a3", 3_000);
    expect(c.state.agents.a1!.ringingCallId).toBeNull();
  });

  it("rings the backup group, all of it, when no primary agent can", () => {
    const c = ringAll();
    for (const id of ["a1", "a2", "a3"]) c.status(id, "SHORT_BREAK", 500);
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→b1"]);
    expect(c.state.decisions[0]!.usedBackup).toBe(true);
  });
});

describe("step: ids that are also names on Object.prototype", () => {
  it("never throws and never poisons the state", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100);
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      const before = clone(c.state);
      for (const event of [
        { type: "agent.presence_changed", agentId: name, signal: "app", online: true },
        { type: "call.arrived", callId: "c1", queueId: name, from: "1" },
        { type: "call.ended", callId: name },
        { type: "agent.wrap_up_ended", agentId: name },
        { type: "group.upserted", group: { id: "g2", name: "G", members: [name] } },
        {
          type: "queue.upserted",
          queue: { ...c.state.queues.q1!, id: "q2", groups: primary(name) },
        },
      ] satisfies DomainEvent[]) {
        expect(step(c.state, event, 1_000).ok, `${event.type} ${name}`).toBe(false);
      }
      expect(c.state).toEqual(before);
    }
    // The center still routes afterwards.
    expect(offers(c.arrive("constructor", "q1", 2_000))).toEqual(["offered constructor→a1"]);
  });

  it("routes an agent, a group and a queue named like Object.prototype members, and counts their outcomes", () => {
    const c = center();
    c.agent("toString", 100);
    c.agent("constructor", 200);
    c.group("__defineGetter__", ["constructor", "toString"], 200);
    c.queue("valueOf", primary("__defineGetter__"), 200);
    expect(offers(c.arrive("hasOwnProperty", "valueOf", 1_000))).toEqual(["offered hasOwnProperty→toString"]);
    expect(offers(c.tick(16_000))).toEqual([
      "TIMEOUT hasOwnProperty←toString",
      "offered hasOwnProperty→constructor",
    ]);
    c.answer("hasOwnProperty", "constructor", 17_000);
    expect(own(c.state.queueRuntime, "valueOf")).toEqual({
      lastOfferedAgentId: "constructor",
      outcomes: { ...emptyOutcomes(), answered: 1 },
    });
    expect(replay(emptyState(), c.log)).toEqual(c.state);
  });
});

describe("step: PCC's system status for calls Callboard does not see", () => {
  const report = (agentId: string, systemStatus: 0 | 1) =>
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
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 200);
    const refused = (event: DomainEvent) => checkEvent(c.state, event)?.code;
    expect(refused(report("a1", 1))).toBe("CONFLICT"); // ringing
    c.answer("c1", "a1", 300);
    expect(refused(report("a1", 1))).toBe("CONFLICT"); // talking
    c.end("c1", 400);
    expect(c.state.agents.a1!.wrapUpUntil).not.toBeNull();
    expect(refused(report("a1", 1))).toBe("CONFLICT"); // wrap-up
    expect(refused(report("nobody", 1))).toBe("UNKNOWN_AGENT");
    expect(refused({ ...report("a1", 1), systemStatus: 2 } as unknown as DomainEvent)).toBe("INVALID");
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
