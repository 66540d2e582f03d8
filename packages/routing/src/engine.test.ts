import { describe, expect, it } from "vitest";
import type { AgentProfile } from "./agent.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { nextDeadline } from "./route.ts";
import { emptyState } from "./state.ts";

/** A deep copy of plain JSON data (the state is plain JSON by design). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function center() {
  const state = emptyState();
  const log: LoggedEvent[] = [];
  const send = (event: DomainEvent | null, at: number): LoggedEvent[] => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
    log.push(...result.applied);
    return result.applied;
  };
  const agent = (
    id: string,
    at: number,
    opts: { available?: boolean; profile?: Partial<AgentProfile> } = {},
  ) => {
    send(
      { type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1, ...opts.profile } },
      at,
    );
    send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, at);
    if (opts.available !== false) available(id, at);
  };
  const available = (id: string, at: number) =>
    send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, at);
  const queue = (id: string, members: string[], at: number, answerTimeoutSec = 15) =>
    send({ type: "queue.upserted", queue: { id, name: id, members, answerTimeoutSec } }, at);
  const arrive = (callId: string, queueId: string, at: number) =>
    send({ type: "call.arrived", callId, queueId, from: "84900000000" }, at);
  return { state, log, send, agent, available, queue, arrive };
}

/** The engine events in a batch, compactly: "offered c1→a1", "TIMEOUT c1←a1". */
const summary = (events: LoggedEvent[]): string[] =>
  events.flatMap((e) => {
    if (e.type === "call.offered") return [`offered ${e.callId}→${e.agentId}`];
    if (e.type === "call.offer_ended") return [`${e.reason} ${e.callId}←${e.agentId}`];
    return [];
  });

describe("step: routing scenarios", () => {
  it("offers a call as it arrives, to the longest-idle member, in the same step", () => {
    const c = center();
    c.agent("a1", 300);
    c.agent("a2", 100);
    c.agent("a3", 200);
    c.queue("q1", ["a1", "a2", "a3"], 400);
    const applied = c.arrive("c1", "q1", 1_000);
    expect(applied.map((e) => e.type)).toEqual(["call.arrived", "call.offered"]);
    expect(summary(applied)).toEqual(["offered c1→a2"]);
    expect(applied.map((e) => e.seq)).toEqual([c.state.seq - 1, c.state.seq]);
    expect(applied.every((e) => e.at === 1_000)).toBe(true);
    expect(c.state.calls.c1).toMatchObject({ status: "ringing", agentId: "a2", offerExpiresAt: 16_000 });
  });

  it("ties on idle time go to the lower id", () => {
    const c = center();
    c.agent("zed", 100);
    c.agent("amy", 100);
    c.agent("kim", 100);
    c.queue("q1", ["zed", "kim", "amy"], 100);
    expect(summary(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→amy"]);
    expect(summary(c.arrive("c2", "q1", 1_000))).toEqual(["offered c2→kim"]);
    expect(summary(c.arrive("c3", "q1", 1_000))).toEqual(["offered c3→zed"]);
  });

  it("FIFO within a queue: the older call is offered first, whatever the ids", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100, { available: false });
    c.queue("q1", ["a1", "a2"], 100);
    c.arrive("c9", "q1", 1_000);
    c.arrive("c1", "q1", 2_000);
    c.arrive("c5", "q1", 3_000);
    expect(summary(c.available("a2", 4_000))).toEqual(["offered c9→a2"]);
    expect(summary(c.available("a1", 5_000))).toEqual(["offered c1→a1"]);
    expect(c.state.calls.c5!.status).toBe("waiting");
  });

  it("calls arriving in the same millisecond are ordered by id", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.queue("q1", ["a1"], 100);
    c.arrive("cb", "q1", 1_000);
    c.arrive("ca", "q1", 1_000);
    expect(summary(c.available("a1", 2_000))).toEqual(["offered ca→a1"]);
  });

  it("no offer while nobody can ring; the call waits and is offered the moment someone can", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100, { profile: { routingType: 2, phoneNumber: null } });
    c.agent("a3", 100);
    c.send({ type: "agent.presence_changed", agentId: "a3", signal: "app", online: false }, 100);
    c.queue("q1", ["a1", "a2", "a3"], 100);
    expect(c.arrive("c1", "q1", 1_000).map((e) => e.type)).toEqual(["call.arrived"]);
    expect(c.state.calls.c1!.status).toBe("waiting");
    expect(nextDeadline(c.state)).toBeNull();
    expect(step(c.state, null, 1_000_000)).toEqual({ ok: true, applied: [] });
    // A push token alone makes a3 online again.
    const applied = c.send(
      { type: "agent.push_token_changed", agentId: "a3", token: "ios", registered: true },
      2_000,
    );
    expect(summary(applied)).toEqual(["offered c1→a3"]);
  });

  it("a routing-type-2 agent with a phone number rings even when offline", () => {
    const c = center();
    c.agent("a1", 100, { profile: { routingType: 2, phoneNumber: "84912345678" } });
    c.send({ type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 100);
    c.queue("q1", ["a1"], 100);
    expect(summary(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→a1"]);
  });

  it("offer timeout: the call moves to the next agent, and the one that missed goes last", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.queue("q1", ["a1", "a2", "a3"], 400, 10);
    expect(summary(c.arrive("c1", "q1", 1_000))).toEqual(["offered c1→a1"]);
    expect(c.send(null, 10_999)).toEqual([]);
    expect(summary(c.send(null, 11_000))).toEqual(["TIMEOUT c1←a1", "offered c1→a2"]);
    const second = c.log.at(-1)!;
    if (second.type !== "call.offered") throw new Error("expected an offer");
    expect(second.expiresAt).toBe(21_000);
    expect(second.decision.candidates.map((k) => [k.agentId, k.verdict, k.missedThisCall])).toEqual([
      ["a2", "CHOSEN", false],
      ["a3", "RANKED_LOWER", false],
      ["a1", "RANKED_LOWER", true],
    ]);
    // Late tick: still handled once, using the tick's time.
    expect(summary(c.send(null, 25_000))).toEqual(["TIMEOUT c1←a2", "offered c1→a3"]);
    expect(c.state.calls.c1!.offerExpiresAt).toBe(35_000);
    // Everyone missed it: back to the longest idle.
    expect(summary(c.send(null, 35_000))).toEqual(["TIMEOUT c1←a3", "offered c1→a1"]);
    expect(c.state.calls.c1!.missedBy).toEqual(["a1", "a2", "a3"]);
    expect(c.state.agents.a1!.missedOffers).toBe(1);
    expect(c.state.agents.a2!.missedOffers).toBe(1);
  });

  it("offer timeout with a single member: it rings the same agent again", () => {
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", ["a1"], 100, 15);
    c.arrive("c1", "q1", 1_000);
    expect(summary(c.send(null, 16_000))).toEqual(["TIMEOUT c1←a1", "offered c1→a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "ringing", agentId: "a1", offerExpiresAt: 31_000 });
    expect(c.state.agents.a1!.ringingCallId).toBe("c1");
    // Same call, same agent, same instant: the attempt number keeps the two decisions apart.
    expect(c.state.decisions.map((d) => [d.callId, d.attempt, d.agentId])).toEqual([
      ["c1", 2, "a1"],
      ["c1", 1, "a1"],
    ]);
  });

  it("agent going on a break while ringing: AGENT_UNAVAILABLE and re-offered to the next agent", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.queue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    const applied = c.send({ type: "agent.manual_status_set", agentId: "a1", status: "LUNCH_BREAK" }, 2_000);
    expect(applied.map((e) => e.type)).toEqual([
      "agent.manual_status_set",
      "call.offer_ended",
      "call.offered",
    ]);
    expect(summary(applied)).toEqual(["AGENT_UNAVAILABLE c1←a1", "offered c1→a2"]);
    expect(c.state.agents.a1).toMatchObject({ ringingCallId: null, manualStatus: "LUNCH_BREAK" });
    expect(c.state.calls.c1).toMatchObject({ agentId: "a2", offerExpiresAt: 17_000 });
  });

  it("agent going offline while ringing (last signal lost): AGENT_UNAVAILABLE; nobody else → the call waits", () => {
    const c = center();
    c.agent("a1", 100);
    c.send({ type: "agent.presence_changed", agentId: "a1", signal: "sip", online: true }, 100);
    c.queue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 1_000);
    expect(
      summary(c.send({ type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 1_500)),
    ).toEqual([]);
    expect(
      summary(c.send({ type: "agent.presence_changed", agentId: "a1", signal: "sip", online: false }, 2_000)),
    ).toEqual(["AGENT_UNAVAILABLE c1←a1"]);
    expect(c.state.calls.c1).toMatchObject({ status: "waiting", agentId: null, offerExpiresAt: null });
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("an agent in two queues gets the call that waited longest, across queues", () => {
    const c = center();
    c.agent("shared", 100, { available: false });
    c.queue("q1", ["shared"], 100);
    c.queue("q2", ["shared"], 100);
    c.arrive("a-new", "q1", 2_000);
    c.arrive("z-old", "q2", 1_000);
    expect(summary(c.available("shared", 3_000))).toEqual(["offered z-old→shared"]);
  });

  it("a waiting older call whose queue nobody can serve does not block a newer one elsewhere", () => {
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", [], 100);
    c.queue("q2", ["a1"], 100);
    c.arrive("old", "q1", 1_000);
    expect(summary(c.arrive("new", "q2", 2_000))).toEqual(["offered new→a1"]);
  });

  it("answer: systemStatus 0, no more offers; end: systemStatus 1, idleSince moves, next waiting call offered", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.queue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    c.send({ type: "call.answered", callId: "c1", agentId: "a1" }, 3_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 0, activeCallId: "c1", ringingCallId: null });
    expect(summary(c.arrive("c2", "q1", 4_000))).toEqual(["offered c2→a2"]);
    c.send({ type: "call.answered", callId: "c2", agentId: "a2" }, 5_000);
    // Both talking: c3 waits.
    expect(summary(c.arrive("c3", "q1", 6_000))).toEqual([]);
    // a2 hangs up first: free again and offered the waiting call in the same step.
    expect(summary(c.send({ type: "call.ended", callId: "c2" }, 7_000))).toEqual(["offered c3→a2"]);
    expect(c.state.agents.a2).toMatchObject({ systemStatus: 1, activeCallId: null, idleSince: 7_000 });
    c.send({ type: "call.ended", callId: "c1" }, 8_000);
    expect(c.state.agents.a1).toMatchObject({ systemStatus: 1, activeCallId: null, idleSince: 8_000 });
    c.send({ type: "call.abandoned", callId: "c3" }, 9_000);
    // a2 (idle since 7 000) has now been idle longer than a1 (8 000).
    expect(summary(c.arrive("c4", "q1", 10_000))).toEqual(["offered c4→a2"]);
  });

  it("answer by the wrong agent is rejected and changes nothing", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.queue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    const before = clone(c.state);
    const result = step(c.state, { type: "call.answered", callId: "c1", agentId: "a2" }, 2_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.code).toBe("CONFLICT");
    expect(c.state).toEqual(before);
  });

  it("a rejected event does not even run the engine's pending timeouts", () => {
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 1_000);
    const before = clone(c.state);
    const result = step(c.state, { type: "call.ended", callId: "nope" }, 99_000);
    expect(result).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_CALL" } });
    expect(c.state).toEqual(before);
  });

  it("abandoned while ringing frees the agent for the next call", () => {
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", ["a1"], 100);
    c.arrive("c1", "q1", 1_000);
    c.arrive("c2", "q1", 1_500);
    expect(c.state.calls.c2!.status).toBe("waiting");
    expect(summary(c.send({ type: "call.abandoned", callId: "c1" }, 2_000))).toEqual(["offered c2→a1"]);
  });

  it("the decision record is logged with the offer and kept newest first in the state", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200, { available: false });
    c.queue("q1", ["a1", "a2"], 200);
    c.arrive("c1", "q1", 1_000);
    c.send(null, 16_000);
    expect(c.state.decisions.map((d) => [d.callId, d.agentId, d.at])).toEqual([
      ["c1", "a1", 16_000],
      ["c1", "a1", 1_000],
    ]);
    expect(c.state.decisions[0]!.waitedSec).toBe(15);
    expect(c.state.decisions[0]!.candidates.map((k) => [k.agentId, k.verdict, k.reasons])).toEqual([
      ["a1", "CHOSEN", []],
      ["a2", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"]],
    ]);
  });

  it("is deterministic and replayable: the same inputs give the same log, and the log rebuilds the state", () => {
    const run = () => {
      const c = center();
      c.agent("a1", 100);
      c.agent("a2", 200);
      c.agent("a3", 300, { profile: { routingType: 2, phoneNumber: "+84912345678" } });
      c.queue("q1", ["a1", "a2", "a3"], 300, 5);
      c.queue("q2", ["a3"], 300, 5);
      c.arrive("c1", "q1", 1_000);
      c.arrive("c2", "q2", 1_100);
      c.arrive("c3", "q1", 1_200);
      c.send(null, 6_000);
      c.send({ type: "call.answered", callId: "c3", agentId: c.state.calls.c3!.agentId ?? "?" }, 6_500);
      c.send({ type: "agent.manual_status_set", agentId: "a1", status: "SHORT_BREAK" }, 7_000);
      c.send(null, 20_000);
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
  });
});

describe("step: ids that are also names on Object.prototype", () => {
  it("never throws and never poisons the state", () => {
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", ["a1"], 100);
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      const before = clone(c.state);
      for (const event of [
        { type: "agent.presence_changed", agentId: name, signal: "app", online: true },
        { type: "call.arrived", callId: "c1", queueId: name, from: "1" },
        { type: "call.ended", callId: name },
        { type: "queue.upserted", queue: { id: "q2", name: "Q", members: [name], answerTimeoutSec: 5 } },
      ] satisfies DomainEvent[]) {
        expect(step(c.state, event, 1_000).ok, `${event.type} ${name}`).toBe(false);
      }
      expect(c.state).toEqual(before);
    }
    // The center still routes afterwards.
    expect(summary(c.arrive("constructor", "q1", 2_000))).toEqual(["offered constructor→a1"]);
  });

  it("routes an agent and a queue named like Object.prototype members", () => {
    const c = center();
    c.agent("toString", 100);
    c.agent("constructor", 200);
    c.queue("valueOf", ["constructor", "toString"], 200);
    expect(summary(c.arrive("hasOwnProperty", "valueOf", 1_000))).toEqual([
      "offered hasOwnProperty→toString",
    ]);
    expect(summary(c.send(null, 16_000))).toEqual([
      "TIMEOUT hasOwnProperty←toString",
      "offered hasOwnProperty→constructor",
    ]);
    expect(replay(emptyState(), c.log)).toEqual(c.state);
  });
});
