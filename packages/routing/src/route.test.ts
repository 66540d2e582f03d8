import { describe, expect, it } from "vitest";
import type { AgentProfile } from "./agent.ts";
import type { Call } from "./call.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { decide, nextDeadline, nextEngineEvent } from "./route.ts";
import { type CenterState, emptyState } from "./state.ts";

/** A deep copy of plain JSON data (the state is plain JSON by design). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A tiny driver around step(): every event must be accepted; returns what was applied. */
function center() {
  const state = emptyState();
  const log: LoggedEvent[] = [];
  const send = (event: DomainEvent | null, at: number): LoggedEvent[] => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
    log.push(...result.applied);
    return result.applied;
  };
  /** Creates an agent at `at` (so idleSince = at), online on the App and Available unless told otherwise. */
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
    if (opts.available !== false)
      send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, at);
  };
  const queue = (id: string, members: string[], at: number, answerTimeoutSec = 15) =>
    send({ type: "queue.upserted", queue: { id, name: id, members, answerTimeoutSec } }, at);
  return { state, log, send, agent, queue };
}

const waitingCall = (id: string, queueId: string, arrivedAt: number, missedBy: string[] = []): Call => ({
  id,
  queueId,
  from: "84900000000",
  arrivedAt,
  status: "waiting",
  agentId: null,
  offerExpiresAt: null,
  answeredAt: null,
  missedBy,
  offers: missedBy.length,
});

describe("decide: longest idle", () => {
  it("chooses the eligible member idle the longest and lists every member with a verdict", () => {
    const c = center();
    c.agent("a3", 100); // idle longest
    c.agent("a1", 300);
    c.agent("a2", 200);
    c.agent("a4", 50, { available: false }); // idle even longer, but on a break
    c.agent("a5", 60, { profile: { routingType: 2, phoneNumber: null } }); // rings a phone it does not have
    c.queue("q1", ["a1", "a2", "a3", "a4", "a5"], 400);

    const d = decide(c.state, waitingCall("c1", "q1", 1_000), 7_600);
    expect(d).not.toBeNull();
    expect(d).toEqual({
      callId: "c1",
      attempt: 1,
      queueId: "q1",
      at: 7_600,
      strategy: "longest-idle",
      agentId: "a3",
      waitedSec: 7,
      candidates: [
        { agentId: "a3", verdict: "CHOSEN", reasons: [], rank: 1, idleSince: 100, missedThisCall: false },
        {
          agentId: "a2",
          verdict: "RANKED_LOWER",
          reasons: [],
          rank: 2,
          idleSince: 200,
          missedThisCall: false,
        },
        {
          agentId: "a1",
          verdict: "RANKED_LOWER",
          reasons: [],
          rank: 3,
          idleSince: 300,
          missedThisCall: false,
        },
        {
          agentId: "a4",
          verdict: "NOT_ELIGIBLE",
          reasons: ["MANUAL_NOT_AVAILABLE"],
          rank: null,
          idleSince: 50,
          missedThisCall: false,
        },
        {
          agentId: "a5",
          verdict: "NOT_ELIGIBLE",
          reasons: ["NO_PHONE_NUMBER"],
          rank: null,
          idleSince: 60,
          missedThisCall: false,
        },
      ],
    });
  });

  it("breaks idle ties by the lower id", () => {
    const c = center();
    c.agent("b", 100);
    c.agent("c", 100);
    c.agent("a", 100);
    c.queue("q1", ["c", "b", "a"], 100);
    const d = decide(c.state, waitingCall("x", "q1", 100), 100);
    expect(d?.agentId).toBe("a");
    expect(d?.candidates.map((k) => [k.agentId, k.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("ranks agents that missed this call after everyone else, however long they were idle", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.queue("q1", ["a1", "a2", "a3"], 300);
    const d = decide(c.state, waitingCall("x", "q1", 400, ["a1", "a2"]), 500);
    expect(d?.candidates.map((k) => [k.agentId, k.verdict, k.missedThisCall])).toEqual([
      ["a3", "CHOSEN", false],
      ["a1", "RANKED_LOWER", true],
      ["a2", "RANKED_LOWER", true],
    ]);
  });

  it("reports a reserved member as NOT_ELIGIBLE with RESERVED", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.queue("q1", ["a1", "a2"], 300);
    c.send({ type: "call.arrived", callId: "c1", queueId: "q1", from: "1" }, 1_000);
    expect(c.state.agents.a1!.ringingCallId).toBe("c1");
    const d = decide(c.state, waitingCall("c2", "q1", 1_000), 1_000);
    expect(d?.agentId).toBe("a2");
    expect(d?.candidates.find((k) => k.agentId === "a1")).toMatchObject({
      verdict: "NOT_ELIGIBLE",
      reasons: ["RESERVED"],
      rank: null,
    });
  });

  it("returns null when no member can ring, and for an unknown queue", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100);
    c.send({ type: "agent.presence_changed", agentId: "a2", signal: "app", online: false }, 100);
    c.queue("q1", ["a1", "a2"], 100);
    c.queue("empty", [], 100);
    expect(decide(c.state, waitingCall("x", "q1", 100), 200)).toBeNull();
    expect(decide(c.state, waitingCall("x", "empty", 100), 200)).toBeNull();
    expect(decide(c.state, waitingCall("x", "nope", 100), 200)).toBeNull();
  });

  it("only considers the queue's own members", () => {
    const c = center();
    c.agent("outsider", 1);
    c.agent("a1", 100);
    c.queue("q1", ["a1"], 100);
    const d = decide(c.state, waitingCall("x", "q1", 100), 200);
    expect(d?.agentId).toBe("a1");
    expect(d?.candidates.map((k) => k.agentId)).toEqual(["a1"]);
  });
});

describe("nextEngineEvent and nextDeadline", () => {
  function ringing() {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.queue("q1", ["a1", "a2"], 300, 20);
    c.send({ type: "call.arrived", callId: "c1", queueId: "q1", from: "1" }, 1_000);
    return c;
  }

  it("nextDeadline is null for an empty or settled center", () => {
    expect(nextDeadline(emptyState())).toBeNull();
    const c = center();
    c.agent("a1", 100);
    c.queue("q1", [], 100);
    c.send({ type: "call.arrived", callId: "c1", queueId: "q1", from: "1" }, 1_000);
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("nextDeadline is the earliest offer expiry; null again once answered", () => {
    const c = ringing();
    expect(nextDeadline(c.state)).toBe(21_000);
    c.send({ type: "call.arrived", callId: "c2", queueId: "q1", from: "2" }, 5_000);
    expect(c.state.calls.c2!.offerExpiresAt).toBe(25_000);
    expect(nextDeadline(c.state)).toBe(21_000);
    c.send({ type: "call.answered", callId: "c1", agentId: "a1" }, 6_000);
    expect(nextDeadline(c.state)).toBe(25_000);
    c.send({ type: "call.answered", callId: "c2", agentId: "a2" }, 6_000);
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("times an offer out at exactly expiresAt, not a millisecond before", () => {
    const c = ringing();
    expect(nextEngineEvent(c.state, 20_999)).toBeNull();
    expect(nextEngineEvent(c.state, 21_000)).toEqual({
      type: "call.offer_ended",
      callId: "c1",
      agentId: "a1",
      reason: "TIMEOUT",
    });
  });

  it("ends the offer of a ringing agent that stopped being eligible", () => {
    const c = ringing();
    c.state.agents.a1 = { ...c.state.agents.a1!, presence: { app: false, pushTokens: [], sip: false } };
    expect(nextEngineEvent(c.state, 2_000)).toEqual({
      type: "call.offer_ended",
      callId: "c1",
      agentId: "a1",
      reason: "AGENT_UNAVAILABLE",
    });
  });

  it("is pure: asking does not change the state", () => {
    const c = ringing();
    c.send({ type: "call.arrived", callId: "c2", queueId: "q1", from: "2" }, 1_000);
    c.send({ type: "call.arrived", callId: "c3", queueId: "q1", from: "3" }, 1_000);
    const before: CenterState = clone(c.state);
    nextEngineEvent(c.state, 30_000);
    nextDeadline(c.state);
    decide(c.state, c.state.calls.c3!, 30_000);
    expect(c.state).toEqual(before);
  });

  it("offers with expiresAt = now + the queue's answer timeout", () => {
    const c = ringing();
    const offer = c.log.find((e) => e.type === "call.offered");
    expect(offer).toMatchObject({ callId: "c1", agentId: "a1", expiresAt: 21_000, at: 1_000 });
  });

  it("replay of the log rebuilds the same state", () => {
    const c = ringing();
    c.send(null, 21_000);
    c.send({ type: "call.answered", callId: "c1", agentId: "a2" }, 22_000);
    expect(replay(emptyState(), c.log)).toEqual(c.state);
  });
});
