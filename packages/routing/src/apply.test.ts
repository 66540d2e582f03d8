import { describe, expect, it } from "vitest";
import { isNoop } from "./apply.ts";
import { clone, decision, PLAIN, primary, profile, put, queueConfig } from "./center.test-helpers.ts";
import { replay } from "./engine.ts";
import type { DomainEvent } from "./events.ts";
import { QUEUE_KPI_DEFAULTS, type QueueConfig } from "./queue.ts";
import { type CenterState, emptyOutcomes, emptyState, RECENT_DECISIONS } from "./state.ts";

const offered = (callId: string, agentIds: string[], at: number, expiresAt = at + 15_000): DomainEvent => ({
  type: "call.offered",
  callId,
  agentIds,
  expiresAt,
  decision: decision(callId, agentIds, at),
});

const offerEnded = (
  callId: string,
  agentIds: string[],
  reason: "TIMEOUT" | "AGENT_UNAVAILABLE",
  autoNotAvailable: string[] = [],
): DomainEvent => ({ type: "call.offer_ended", callId, agentIds, reason, autoNotAvailable });

const arrive = (s: CenterState, callId: string, at: number, queueId = "q1") => {
  put(s, { type: "call.arrived", callId, queueId, from: "84900000001" }, at);
  put(s, { type: "call.queued", callId, position: 1 }, at);
};

/**
 * Three available agents (a1 App, a2 phone, a3 SIP) in group g1, routed by q1 (no wrap-up); q2 routes
 * g1 with 10 s of after-call work. Calls in q1: c1 waiting, c2 talking on a2, c3 ringing a3.
 */
function world(): CenterState {
  const s = emptyState();
  put(s, { type: "agent.upserted", agent: profile("a1") }, 100);
  put(
    s,
    { type: "agent.upserted", agent: profile("a2", { routingType: 2, phoneNumber: "84912345678" }) },
    100,
  );
  put(s, { type: "agent.upserted", agent: profile("a3") }, 100);
  put(s, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: true }, 110);
  put(s, { type: "agent.manual_status_set", agentId: "a1", status: "AVAILABLE" }, 110);
  put(s, { type: "agent.manual_status_set", agentId: "a2", status: "AVAILABLE" }, 110);
  put(s, { type: "agent.manual_status_set", agentId: "a3", status: "AVAILABLE" }, 110);
  put(s, { type: "agent.presence_changed", agentId: "a3", signal: "sip", online: true }, 110);
  put(s, { type: "group.upserted", group: { id: "g1", name: "Sales", members: ["a1", "a2", "a3"] } }, 120);
  put(s, { type: "queue.upserted", queue: queueConfig("q1", primary("g1"), PLAIN) }, 120);
  put(s, { type: "queue.upserted", queue: queueConfig("q2", primary("g1"), { wrapUpTimeLimit: 10 }) }, 120);
  arrive(s, "c1", 200);
  arrive(s, "c2", 200);
  put(s, offered("c2", ["a2"], 200), 200);
  put(s, { type: "call.answered", callId: "c2", agentId: "a2" }, 205);
  arrive(s, "c3", 210);
  put(s, offered("c3", ["a3"], 210), 210);
  return s;
}

describe("applyEvent: effects", () => {
  it("stamps seq and moves the clock to the latest event time, never back", () => {
    const s = emptyState();
    expect(s.seq).toBe(0);
    expect(s.clock).toBe(0);
    put(s, { type: "agent.upserted", agent: profile("a1") }, 10);
    expect(s).toMatchObject({ seq: 1, clock: 10 });
    put(s, { type: "agent.upserted", agent: profile("a2") }, 30);
    expect(s).toMatchObject({ seq: 2, clock: 30 });
    put(s, { type: "agent.upserted", agent: profile("a3") }, 20);
    expect(s).toMatchObject({ seq: 3, clock: 30 });
  });

  it("a new agent starts not available, offline, free, idle since its creation, with zero counters", () => {
    const s = emptyState();
    put(
      s,
      { type: "agent.upserted", agent: profile("a1", { phoneNumber: "84912345678", routingType: 2 }) },
      1234,
    );
    expect(s.agents.a1).toEqual({
      id: "a1",
      name: "Agent a1",
      phoneNumber: "84912345678",
      routingType: 2,
      manualStatus: "NOT_AVAILABLE",
      systemStatus: 1,
      presence: { app: false, pushTokens: [], sip: false },
      since: 1234,
      idleSince: 1234,
      wrapUpUntil: null,
      ringingCallId: null,
      activeCallId: null,
      answeredCalls: 0,
      missedOffers: 0,
      consecutiveMisses: 0,
      talkTimeMs: 0,
    });
  });

  it("re-upserting an agent changes the profile and keeps statuses, presence and counters", () => {
    const s = world();
    const before = s.agents.a1!;
    put(s, { type: "agent.upserted", agent: profile("a1", { name: "Renamed", routingType: 2 }) }, 500);
    expect(s.agents.a1).toEqual({ ...before, name: "Renamed", routingType: 2 });
  });

  it("presence: app and sip toggle independently; a no-op keeps `since`", () => {
    const s = world();
    put(s, { type: "agent.presence_changed", agentId: "a1", signal: "sip", online: true }, 300);
    expect(s.agents.a1!.presence).toEqual({ app: true, pushTokens: [], sip: true });
    expect(s.agents.a1!.since).toBe(300);
    put(s, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 310);
    expect(s.agents.a1!.presence).toEqual({ app: false, pushTokens: [], sip: true });
    expect(s.agents.a1!.since).toBe(310);
    const record = s.agents.a1;
    const seq = s.seq;
    put(s, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 320);
    expect(s.agents.a1!.since).toBe(310);
    expect(s.agents.a1).toBe(record);
    expect(s.seq).toBe(seq + 1); // still logged, so seq advances
  });

  it("isNoop says exactly which reports leave every record as it was", () => {
    const reports: DomainEvent[] = [
      { type: "agent.presence_changed", agentId: "a1", signal: "app", online: true },
      { type: "agent.presence_changed", agentId: "a1", signal: "sip", online: true },
      { type: "agent.presence_changed", agentId: "a1", signal: "sip", online: false },
      { type: "agent.push_token_changed", agentId: "a1", token: "t", registered: true },
      { type: "agent.push_token_changed", agentId: "a1", token: "t", registered: false },
      { type: "agent.push_token_changed", agentId: "a1", token: "t", registered: false },
      { type: "agent.manual_status_set", agentId: "a1", status: "AVAILABLE" },
      { type: "agent.manual_status_set", agentId: "a1", status: "LUNCH_BREAK" },
      { type: "agent.system_status_reported", agentId: "a1", systemStatus: 1 },
      { type: "agent.system_status_reported", agentId: "a1", systemStatus: 0 },
    ];
    const s = world();
    const noops = reports.map((report, i) => {
      const before = s.agents.a1;
      const noop = isNoop(s, report);
      put(s, report, 300 + i);
      expect(s.agents.a1 === before).toBe(noop);
      return noop;
    });
    // a1 starts online on the App, Available and free, with no push token and no SIP phone.
    expect(noops).toEqual([true, false, false, false, false, true, true, false, true, false]);
    expect(
      isNoop(s, { type: "agent.presence_changed", agentId: "nobody", signal: "app", online: true }),
    ).toBe(true);
    expect(isNoop(s, { type: "call.ended", callId: "c1" })).toBe(false);
  });

  it("push tokens: add and remove are idempotent; tokens are kept oldest first", () => {
    const s = world();
    const token = (t: string, registered: boolean, at: number) =>
      put(s, { type: "agent.push_token_changed", agentId: "a1", token: t, registered }, at);
    token("zeta", true, 300);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["zeta"]);
    expect(s.agents.a1!.since).toBe(300);
    token("alpha", true, 310);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["zeta", "alpha"]);
    token("alpha", true, 320);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["zeta", "alpha"]);
    expect(s.agents.a1!.since).toBe(310);
    token("zeta", false, 330);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["alpha"]);
    expect(s.agents.a1!.since).toBe(330);
    token("zeta", false, 340);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["alpha"]);
    expect(s.agents.a1!.since).toBe(330);
    token("alpha", false, 350);
    expect(s.agents.a1!.presence.pushTokens).toEqual([]);
  });

  it("push tokens: an agent keeps at most 10; an 11th drops the oldest (not a refusal)", () => {
    const s = world();
    const tokens = Array.from({ length: 11 }, (_, i) => `t${i}`);
    tokens.forEach((t, i) => {
      put(s, { type: "agent.push_token_changed", agentId: "a1", token: t, registered: true }, 300 + i);
    });
    expect(s.agents.a1!.presence.pushTokens).toEqual(tokens.slice(1));
    // Registering one it still holds changes nothing (no reordering); the oldest left is t1.
    expect(
      isNoop(s, { type: "agent.push_token_changed", agentId: "a1", token: "t5", registered: true }),
    ).toBe(true);
  });

  it("does not mutate the previous agent record (records are replaced)", () => {
    const s = world();
    const old = s.agents.a1!;
    const oldCopy = clone(old);
    put(s, { type: "agent.push_token_changed", agentId: "a1", token: "t", registered: true }, 300);
    put(s, { type: "agent.presence_changed", agentId: "a1", signal: "sip", online: true }, 300);
    expect(old).toEqual(oldCopy);
    expect(s.agents.a1).not.toBe(old);
  });

  it("manual status: changes status and since; the same status again is a no-op", () => {
    const s = world();
    put(s, { type: "agent.manual_status_set", agentId: "a1", status: "LUNCH_BREAK" }, 300);
    expect(s.agents.a1!.manualStatus).toBe("LUNCH_BREAK");
    expect(s.agents.a1!.since).toBe(300);
    put(s, { type: "agent.manual_status_set", agentId: "a1", status: "LUNCH_BREAK" }, 400);
    expect(s.agents.a1!.since).toBe(300);
    expect(s.agents.a1!.systemStatus).toBe(1);
  });

  it("group upsert creates and then replaces the group", () => {
    const s = world();
    put(s, { type: "group.upserted", group: { id: "g2", name: "Support", members: ["a3", "a1"] } }, 300);
    expect(s.groups.g2).toEqual({ id: "g2", name: "Support", members: ["a3", "a1"] });
    put(s, { type: "group.upserted", group: { id: "g2", name: "Help", members: [] } }, 310);
    expect(s.groups.g2).toEqual({ id: "g2", name: "Help", members: [] });
    expect(Object.keys(s.groups).sort()).toEqual(["g1", "g2"]);
  });

  it("queue upsert creates the queue with zero outcomes, then replaces its settings and keeps its runtime", () => {
    const s = world();
    const support = queueConfig("q3", primary("g1"), { waitAgentAnswerTimeout: 20 });
    put(s, { type: "queue.upserted", queue: support }, 300);
    expect(s.queues.q3).toEqual(support);
    expect(s.queueRuntime.q3).toEqual({ lastOfferedAgentId: null, outcomes: emptyOutcomes() });
    arrive(s, "c7", 310, "q3");
    put(s, offered("c7", ["a1"], 310), 310);
    put(s, { type: "call.abandoned", callId: "c7" }, 320);
    const help = queueConfig("q3", primary("g1"), { strategy: "ring-all", waitAgentAnswerTimeout: 30 });
    put(s, { type: "queue.upserted", queue: help }, 330);
    expect(s.queues.q3).toEqual(help);
    expect(s.queueRuntime.q3).toEqual({
      lastOfferedAgentId: "a1",
      outcomes: { ...emptyOutcomes(), abandoned: 1 },
    });
    expect(Object.keys(s.queues).sort()).toEqual(["q1", "q2", "q3"]);
  });

  it("a queue logged before the KPI settings existed folds with their defaults (old logs boot)", () => {
    const s = world();
    const {
      serviceLevelSec: _t,
      shortAbandonSec: _n,
      serviceLevelTarget: _target,
      kpiWindowMin: _w,
      longestWaitAmberSec: _amber,
      longestWaitRedSec: _red,
      ...old
    } = queueConfig("q3", primary("g1"), { waitAgentAnswerTimeout: 20 });
    // As an event of format 3 written before these settings: no KPI fields at all.
    replay(s, [{ type: "queue.upserted", queue: old as QueueConfig, seq: s.seq + 1, at: 300 }]);
    expect(s.queues.q3).toEqual({ ...old, ...QUEUE_KPI_DEFAULTS });
    expect(s.queues.q3!.serviceLevelSec).toBe(20);
    expect(s.queues.q3!.kpiWindowMin).toBe(15);
    // A queue that has them keeps them, and keeps its identity.
    const set = queueConfig("q4", primary("g1"), { serviceLevelSec: 30, kpiWindowMin: 60 });
    put(s, { type: "queue.upserted", queue: set }, 310);
    expect(s.queues.q4).toBe(set);
  });

  it("call lifecycle: arrived (not admitted) → queued → offered → answered → ended", () => {
    const s = world();
    const arrived = put(s, { type: "call.arrived", callId: "c7", queueId: "q1", from: "84900000007" }, 1000);
    expect(s.calls.c7).toEqual({
      id: "c7",
      queueId: "q1",
      from: "84900000007",
      arrivedAt: 1000,
      // Its place in the arrival order: the seq of the call.arrived event.
      arrivedSeq: arrived.seq,
      admitted: false,
      status: "waiting",
      ringing: [],
      agentId: null,
      offerExpiresAt: null,
      answeredAt: null,
      missedBy: [],
      offers: 0,
    });
    put(s, { type: "call.queued", callId: "c7", position: 2 }, 1000);
    expect(s.calls.c7).toMatchObject({ admitted: true, status: "waiting" });

    put(s, offered("c7", ["a1"], 1100, 16_100), 1100);
    expect(s.calls.c7).toMatchObject({
      status: "ringing",
      ringing: ["a1"],
      agentId: null,
      offerExpiresAt: 16_100,
      offers: 1,
    });
    expect(s.agents.a1).toMatchObject({
      ringingCallId: "c7",
      activeCallId: null,
      systemStatus: 1,
      since: 1100,
    });
    expect(s.decisions[0]).toEqual(decision("c7", ["a1"], 1100));
    expect(s.queueRuntime.q1!.lastOfferedAgentId).toBe("a1");

    put(s, { type: "call.answered", callId: "c7", agentId: "a1" }, 1200);
    expect(s.calls.c7).toMatchObject({
      status: "talking",
      ringing: [],
      agentId: "a1",
      offerExpiresAt: null,
      answeredAt: 1200,
    });
    expect(s.agents.a1).toMatchObject({
      ringingCallId: null,
      activeCallId: "c7",
      systemStatus: 0,
      answeredCalls: 1,
      since: 1200,
      idleSince: 100,
    });
    // Answered is counted when answered (c2 of the world, and now c7), not when the call ends.
    expect(s.queueRuntime.q1!.outcomes).toEqual({ ...emptyOutcomes(), answered: 2 });

    put(s, { type: "call.ended", callId: "c7" }, 5000);
    expect(s.calls.c7).toBeUndefined();
    expect(s.agents.a1).toMatchObject({
      ringingCallId: null,
      activeCallId: null,
      systemStatus: 1,
      wrapUpUntil: null,
      idleSince: 5000,
      since: 5000,
      answeredCalls: 1,
      talkTimeMs: 3800,
    });
    expect(s.queueRuntime.q1!.outcomes).toEqual({ ...emptyOutcomes(), answered: 2 });
  });

  it("wrap-up: a talking call ends into after-call work; agent.wrap_up_ended frees the agent", () => {
    const s = world();
    arrive(s, "c7", 1000, "q2");
    put(s, offered("c7", ["a1"], 1000), 1000);
    put(s, { type: "call.answered", callId: "c7", agentId: "a1" }, 2000);
    put(s, { type: "call.ended", callId: "c7" }, 7000);
    expect(s.agents.a1).toMatchObject({
      activeCallId: null,
      systemStatus: 0,
      wrapUpUntil: 17_000,
      idleSince: 100,
      talkTimeMs: 5000,
      since: 7000,
    });
    put(s, { type: "agent.wrap_up_ended", agentId: "a1" }, 17_000);
    expect(s.agents.a1).toMatchObject({
      systemStatus: 1,
      wrapUpUntil: null,
      idleSince: 17_000,
      since: 17_000,
    });
  });

  it("no wrap-up when the queue turns it off or gives it 0 s", () => {
    for (const settings of [{ agentWrapUpAfterCalls: false, wrapUpTimeLimit: 10 }, { wrapUpTimeLimit: 0 }]) {
      const s = world();
      put(s, { type: "queue.upserted", queue: queueConfig("q2", primary("g1"), settings) }, 900);
      arrive(s, "c7", 1000, "q2");
      put(s, offered("c7", ["a1"], 1000), 1000);
      put(s, { type: "call.answered", callId: "c7", agentId: "a1" }, 2000);
      put(s, { type: "call.ended", callId: "c7" }, 7000);
      expect(s.agents.a1).toMatchObject({ systemStatus: 1, wrapUpUntil: null, idleSince: 7000 });
    }
  });

  it("offer ended by TIMEOUT: the call waits again, the agent is freed and the miss is counted", () => {
    const s = world();
    put(s, offerEnded("c3", ["a3"], "TIMEOUT"), 400);
    expect(s.calls.c3).toMatchObject({
      status: "waiting",
      ringing: [],
      offerExpiresAt: null,
      missedBy: ["a3"],
    });
    expect(s.agents.a3).toMatchObject({
      ringingCallId: null,
      missedOffers: 1,
      consecutiveMisses: 1,
      since: 400,
    });
    put(s, offered("c3", ["a3"], 500), 500);
    put(s, offerEnded("c3", ["a3"], "TIMEOUT"), 600);
    // missedBy lists an agent once however often it missed.
    expect(s.calls.c3!.missedBy).toEqual(["a3"]);
    expect(s.agents.a3).toMatchObject({ missedOffers: 2, consecutiveMisses: 2, idleSince: 100 });
  });

  it("offer ended by AGENT_UNAVAILABLE: freed, but no miss is counted", () => {
    const s = world();
    put(s, offerEnded("c3", ["a3"], "AGENT_UNAVAILABLE"), 400);
    expect(s.calls.c3).toMatchObject({ status: "waiting", ringing: [], offerExpiresAt: null, missedBy: [] });
    expect(s.agents.a3).toMatchObject({
      ringingCallId: null,
      missedOffers: 0,
      consecutiveMisses: 0,
      since: 400,
    });
  });

  it("autoNotAvailable sets the listed agents NOT_AVAILABLE with the miss; an answer resets consecutive misses", () => {
    const s = world();
    put(s, offerEnded("c3", ["a3"], "TIMEOUT", ["a3"]), 400);
    expect(s.agents.a3).toMatchObject({
      manualStatus: "NOT_AVAILABLE",
      consecutiveMisses: 1,
      missedOffers: 1,
    });
    put(s, { type: "agent.manual_status_set", agentId: "a3", status: "AVAILABLE" }, 500);
    put(s, offered("c3", ["a3"], 600), 600);
    put(s, { type: "call.answered", callId: "c3", agentId: "a3" }, 700);
    expect(s.agents.a3).toMatchObject({ consecutiveMisses: 0, missedOffers: 1, answeredCalls: 1 });
  });

  it("ring-all: several agents ring; one drops out; the first answer wins and frees the others", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 300);
    put(s, { type: "call.ended", callId: "c2" }, 300);
    put(s, offered("c1", ["a1", "a2", "a3"], 400), 400);
    expect(s.calls.c1).toMatchObject({ status: "ringing", ringing: ["a1", "a2", "a3"] });
    for (const id of ["a1", "a2", "a3"]) expect(s.agents[id]!.ringingCallId).toBe("c1");
    expect(s.queueRuntime.q1!.lastOfferedAgentId).toBe("a3");
    put(s, offerEnded("c1", ["a2"], "AGENT_UNAVAILABLE"), 500);
    expect(s.calls.c1).toMatchObject({ status: "ringing", ringing: ["a1", "a3"], offerExpiresAt: 15_400 });
    expect(s.agents.a2!.ringingCallId).toBeNull();
    put(s, { type: "call.answered", callId: "c1", agentId: "a3" }, 600);
    expect(s.calls.c1).toMatchObject({ status: "talking", ringing: [], agentId: "a3" });
    expect(s.agents.a1).toMatchObject({ ringingCallId: null, missedOffers: 0, since: 600 });
    expect(s.agents.a3).toMatchObject({ ringingCallId: null, activeCallId: "c1", systemStatus: 0 });
  });

  it("ring-all timeout: every ringing agent misses at once", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 300);
    put(s, offered("c1", ["a1", "a3"], 400), 400);
    put(s, offerEnded("c1", ["a1", "a3"], "TIMEOUT"), 15_400);
    expect(s.calls.c1).toMatchObject({ status: "waiting", ringing: [], missedBy: ["a1", "a3"] });
    expect([s.agents.a1!.missedOffers, s.agents.a3!.missedOffers]).toEqual([1, 1]);
  });

  it("call.finished removes the call, frees whoever it rang and counts the outcome", () => {
    const s = world();
    put(
      s,
      { type: "call.finished", callId: "c3", outcome: "timed_out", reason: "nobody answered within 60s" },
      400,
    );
    expect(s.calls.c3).toBeUndefined();
    expect(s.agents.a3).toMatchObject({ ringingCallId: null, missedOffers: 0, since: 400 });
    put(s, { type: "call.arrived", callId: "c8", queueId: "q1", from: "1" }, 500);
    put(
      s,
      {
        type: "call.finished",
        callId: "c8",
        outcome: "closed",
        reason: "outside the queue's business hours",
      },
      500,
    );
    put(s, { type: "call.arrived", callId: "c9", queueId: "q1", from: "1" }, 500);
    put(s, { type: "call.finished", callId: "c9", outcome: "rejected", reason: "queue full" }, 500);
    expect(s.queueRuntime.q1!.outcomes).toEqual({
      ...emptyOutcomes(),
      answered: 1,
      timed_out: 1,
      closed: 1,
      rejected: 1,
    });
  });

  it("abandoned while ringing frees the reservation, removes the call and counts it abandoned", () => {
    const s = world();
    put(s, { type: "call.abandoned", callId: "c3" }, 400);
    expect(s.calls.c3).toBeUndefined();
    expect(s.agents.a3).toMatchObject({
      ringingCallId: null,
      activeCallId: null,
      systemStatus: 1,
      since: 400,
    });
    expect(s.agents.a3!.idleSince).toBe(100);
    expect(s.queueRuntime.q1!.outcomes.abandoned).toBe(1);
  });

  it("abandoned while waiting just removes the call", () => {
    const s = world();
    const agents = clone(s.agents);
    put(s, { type: "call.abandoned", callId: "c1" }, 400);
    expect(s.calls.c1).toBeUndefined();
    expect(s.agents).toEqual(agents);
    expect(s.queueRuntime.q1!.outcomes.abandoned).toBe(1);
  });

  it("ended while ringing or waiting is an abandon: frees the reservation without touching idleSince", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 400);
    put(s, { type: "call.ended", callId: "c1" }, 400);
    expect(s.calls.c3).toBeUndefined();
    expect(s.agents.a3).toMatchObject({ ringingCallId: null, idleSince: 100 });
    expect(s.queueRuntime.q1!.outcomes).toEqual({ ...emptyOutcomes(), answered: 1, abandoned: 2 });
    // Ending the talking call adds no second outcome for it.
    put(s, { type: "call.ended", callId: "c2" }, 500);
    expect(s.queueRuntime.q1!.outcomes).toEqual({ ...emptyOutcomes(), answered: 1, abandoned: 2 });
  });

  it("keeps at most RECENT_DECISIONS decisions, newest first", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 400);
    for (let i = 0; i < RECENT_DECISIONS + 5; i++) {
      const id = `x${i}`;
      arrive(s, id, 1000 + i);
      put(s, offered(id, ["a1"], 1000 + i), 1000 + i);
      put(s, { type: "call.abandoned", callId: id }, 1000 + i);
    }
    expect(s.decisions).toHaveLength(RECENT_DECISIONS);
    expect(s.decisions[0]!.callId).toBe(`x${RECENT_DECISIONS + 4}`);
    expect(s.decisions.at(-1)!.callId).toBe("x5");
  });
});

describe("ids that are also names on Object.prototype", () => {
  const NAMES = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

  it.each(NAMES)("%s works as a real agent, group, queue and call id", (name) => {
    const s = world();
    put(s, { type: "agent.upserted", agent: profile(name) }, 300);
    expect(s.agents[name]).toMatchObject({ id: name, manualStatus: "NOT_AVAILABLE", idleSince: 300 });
    put(s, { type: "agent.presence_changed", agentId: name, signal: "sip", online: true }, 310);
    put(s, { type: "agent.manual_status_set", agentId: name, status: "AVAILABLE" }, 310);
    put(s, { type: "group.upserted", group: { id: name, name: "G", members: [name] } }, 320);
    put(s, { type: "queue.upserted", queue: queueConfig(name, primary(name)) }, 320);
    expect(s.queueRuntime[name]).toEqual({ lastOfferedAgentId: null, outcomes: emptyOutcomes() });
    put(s, { type: "call.arrived", callId: name, queueId: name, from: "1" }, 330);
    put(s, { type: "call.queued", callId: name, position: 1 }, 330);
    put(s, offered(name, [name], 330), 330);
    put(s, { type: "call.answered", callId: name, agentId: name }, 340);
    expect(s.agents[name]).toMatchObject({ activeCallId: name, systemStatus: 0 });
    put(s, { type: "call.ended", callId: name }, 350);
    expect(s.agents[name]).toMatchObject({ activeCallId: null, systemStatus: 0, wrapUpUntil: 10_350 });
    put(s, { type: "agent.wrap_up_ended", agentId: name }, 10_350);
    expect(s.agents[name]).toMatchObject({ systemStatus: 1, wrapUpUntil: null, idleSince: 10_350 });
    expect(Object.hasOwn(s.calls, name)).toBe(false);
    expect(s.queueRuntime[name]!.outcomes.answered).toBe(1);
  });
});
