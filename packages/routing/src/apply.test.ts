import { describe, expect, it } from "vitest";
import type { AgentProfile } from "./agent.ts";
import { applyEvent, checkEvent } from "./apply.ts";
import type { Decision } from "./decision.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import type { ManualStatus } from "./manual-status.ts";
import { type CenterState, emptyState, RECENT_DECISIONS } from "./state.ts";

/** A deep copy of plain JSON data (the state is plain JSON by design). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Checks and folds one event at `at`, the way the core does; throws on a rejection. */
function put(state: CenterState, event: DomainEvent, at: number): LoggedEvent {
  const rejection = checkEvent(state, event);
  if (rejection) throw new Error(`${rejection.code}: ${rejection.message}`);
  const logged = { ...event, seq: state.seq + 1, at } as LoggedEvent;
  applyEvent(state, logged);
  return logged;
}

const profile = (id: string, extra: Partial<AgentProfile> = {}): AgentProfile => ({
  id,
  name: `Agent ${id}`,
  phoneNumber: null,
  routingType: 1,
  ...extra,
});

const decision = (callId: string, agentId: string, at: number): Decision => ({
  callId,
  attempt: 1,
  queueId: "q1",
  at,
  strategy: "longest-idle",
  agentId,
  candidates: [{ agentId, verdict: "CHOSEN", reasons: [], rank: 1, idleSince: 0, missedThisCall: false }],
  waitedSec: 0,
});

const offered = (callId: string, agentId: string, at: number, expiresAt = at + 15_000): DomainEvent => ({
  type: "call.offered",
  callId,
  agentId,
  expiresAt,
  decision: decision(callId, agentId, at),
});

/** Two agents (a1 available online, a2 not), one queue q1, one waiting call c1, one talking call c2 on a2. */
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
  put(
    s,
    {
      type: "queue.upserted",
      queue: { id: "q1", name: "Sales", members: ["a1", "a2", "a3"], answerTimeoutSec: 15 },
    },
    120,
  );
  put(s, { type: "call.arrived", callId: "c1", queueId: "q1", from: "84900000001" }, 200);
  put(s, { type: "call.arrived", callId: "c2", queueId: "q1", from: "84900000002" }, 200);
  put(s, offered("c2", "a2", 200), 200);
  put(s, { type: "call.answered", callId: "c2", agentId: "a2" }, 205);
  put(s, { type: "call.arrived", callId: "c3", queueId: "q1", from: "84900000003" }, 210);
  put(s, offered("c3", "a3", 210), 210);
  return s;
}

describe("checkEvent: rejections", () => {
  const cases: [string, DomainEvent, string][] = [
    [
      "phone number in national format",
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "0912345678" }) },
      "INVALID",
    ],
    [
      "phone number with spaces",
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "84 912 345 678" }) },
      "INVALID",
    ],
    ["empty phone number", { type: "agent.upserted", agent: profile("a9", { phoneNumber: "" }) }, "INVALID"],
    [
      "presence of an unknown agent",
      { type: "agent.presence_changed", agentId: "nobody", signal: "app", online: true },
      "UNKNOWN_AGENT",
    ],
    [
      "push token of an unknown agent",
      { type: "agent.push_token_changed", agentId: "nobody", token: "t", registered: true },
      "UNKNOWN_AGENT",
    ],
    [
      "manual status of an unknown agent",
      { type: "agent.manual_status_set", agentId: "nobody", status: "AVAILABLE" },
      "UNKNOWN_AGENT",
    ],
    [
      "a manual status that does not exist",
      { type: "agent.manual_status_set", agentId: "a1", status: "lunch" as ManualStatus },
      "INVALID",
    ],
    [
      "queue answer timeout below PCC's minimum",
      { type: "queue.upserted", queue: { id: "q2", name: "Q", members: [], answerTimeoutSec: 2 } },
      "INVALID",
    ],
    [
      "queue with an unknown member",
      {
        type: "queue.upserted",
        queue: { id: "q2", name: "Q", members: ["a1", "ghost"], answerTimeoutSec: 15 },
      },
      "UNKNOWN_AGENT",
    ],
    [
      "queue listing a member twice",
      { type: "queue.upserted", queue: { id: "q2", name: "Q", members: ["a1", "a1"], answerTimeoutSec: 15 } },
      "INVALID",
    ],
    [
      "call into an unknown queue",
      { type: "call.arrived", callId: "c9", queueId: "nope", from: "84900000009" },
      "UNKNOWN_QUEUE",
    ],
    [
      "a call id already in the center",
      { type: "call.arrived", callId: "c1", queueId: "q1", from: "84900000009" },
      "CONFLICT",
    ],
    ["answering an unknown call", { type: "call.answered", callId: "c9", agentId: "a1" }, "UNKNOWN_CALL"],
    ["answering a waiting call", { type: "call.answered", callId: "c1", agentId: "a1" }, "CONFLICT"],
    [
      "answering a call that rings someone else",
      { type: "call.answered", callId: "c3", agentId: "a1" },
      "CONFLICT",
    ],
    ["answering a call twice", { type: "call.answered", callId: "c2", agentId: "a2" }, "CONFLICT"],
    ["ending an unknown call", { type: "call.ended", callId: "c9" }, "UNKNOWN_CALL"],
    ["abandoning an unknown call", { type: "call.abandoned", callId: "c9" }, "UNKNOWN_CALL"],
    ["abandoning a call being talked on", { type: "call.abandoned", callId: "c2" }, "CONFLICT"],
    ["offering an unknown call", offered("c9", "a1", 300), "UNKNOWN_CALL"],
    ["offering a ringing call", offered("c3", "a1", 300), "CONFLICT"],
    ["offering a talking call", offered("c2", "a1", 300), "CONFLICT"],
    ["offering to an unknown agent", offered("c1", "ghost", 300), "UNKNOWN_AGENT"],
    ["offering to a ringing agent", offered("c1", "a3", 300), "CONFLICT"],
    ["offering to a talking agent", offered("c1", "a2", 300), "CONFLICT"],
    [
      "ending an offer of an unknown call",
      { type: "call.offer_ended", callId: "c9", agentId: "a3", reason: "TIMEOUT" },
      "UNKNOWN_CALL",
    ],
    [
      "ending an offer of a waiting call",
      { type: "call.offer_ended", callId: "c1", agentId: "a1", reason: "TIMEOUT" },
      "CONFLICT",
    ],
    [
      "ending an offer for the wrong agent",
      { type: "call.offer_ended", callId: "c3", agentId: "a1", reason: "TIMEOUT" },
      "CONFLICT",
    ],
    [
      "ending an offer of a talking call",
      { type: "call.offer_ended", callId: "c2", agentId: "a2", reason: "AGENT_UNAVAILABLE" },
      "CONFLICT",
    ],
  ];

  it.each(cases)("%s → %s", (_label, event, code) => {
    const state = world();
    const before = clone(state);
    const rejection = checkEvent(state, event);
    expect(rejection?.code).toBe(code);
    expect(rejection?.message.length).toBeGreaterThan(0);
    expect(state).toEqual(before);
  });

  it("a rejected event changes nothing, not even seq", () => {
    const state = world();
    const before = clone(state);
    for (const [, event] of cases) checkEvent(state, event);
    expect(state).toEqual(before);
  });

  it("accepts the boundary cases", () => {
    const state = world();
    const ok: DomainEvent[] = [
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: null }) },
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "+84912345678" }) },
      { type: "queue.upserted", queue: { id: "q2", name: "Q", members: [], answerTimeoutSec: 3 } },
      { type: "agent.manual_status_set", agentId: "a1", status: "ACW" },
      { type: "call.answered", callId: "c3", agentId: "a3" },
      { type: "call.ended", callId: "c1" },
      { type: "call.ended", callId: "c2" },
      { type: "call.ended", callId: "c3" },
      { type: "call.abandoned", callId: "c1" },
      { type: "call.abandoned", callId: "c3" },
      offered("c1", "a1", 300),
      { type: "call.offer_ended", callId: "c3", agentId: "a3", reason: "TIMEOUT" },
    ];
    for (const event of ok) expect(checkEvent(state, event), event.type).toBeNull();
  });
});

describe("applyEvent: effects", () => {
  it("stamps seq", () => {
    const s = emptyState();
    expect(s.seq).toBe(0);
    put(s, { type: "agent.upserted", agent: profile("a1") }, 10);
    expect(s.seq).toBe(1);
    put(s, { type: "agent.upserted", agent: profile("a2") }, 10);
    expect(s.seq).toBe(2);
  });

  it("a new agent starts not available, offline, free and idle since its creation", () => {
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
      ringingCallId: null,
      activeCallId: null,
      answeredCalls: 0,
      missedOffers: 0,
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

  it("push tokens: add and remove are idempotent; tokens are kept sorted", () => {
    const s = world();
    const token = (t: string, registered: boolean, at: number) =>
      put(s, { type: "agent.push_token_changed", agentId: "a1", token: t, registered }, at);
    token("zeta", true, 300);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["zeta"]);
    expect(s.agents.a1!.since).toBe(300);
    token("alpha", true, 310);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["alpha", "zeta"]);
    token("alpha", true, 320);
    expect(s.agents.a1!.presence.pushTokens).toEqual(["alpha", "zeta"]);
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

  it("queue upsert creates and then replaces the queue", () => {
    const s = world();
    put(
      s,
      { type: "queue.upserted", queue: { id: "q2", name: "Support", members: ["a1"], answerTimeoutSec: 20 } },
      300,
    );
    expect(s.queues.q2).toEqual({ id: "q2", name: "Support", members: ["a1"], answerTimeoutSec: 20 });
    put(
      s,
      { type: "queue.upserted", queue: { id: "q2", name: "Help", members: [], answerTimeoutSec: 30 } },
      310,
    );
    expect(s.queues.q2).toEqual({ id: "q2", name: "Help", members: [], answerTimeoutSec: 30 });
    expect(Object.keys(s.queues).sort()).toEqual(["q1", "q2"]);
  });

  it("call lifecycle: arrived → offered → answered → ended", () => {
    const s = world();
    put(s, { type: "call.arrived", callId: "c7", queueId: "q1", from: "84900000007" }, 1000);
    expect(s.calls.c7).toEqual({
      id: "c7",
      queueId: "q1",
      from: "84900000007",
      arrivedAt: 1000,
      status: "waiting",
      agentId: null,
      offerExpiresAt: null,
      answeredAt: null,
      missedBy: [],
      offers: 0,
    });

    put(s, offered("c7", "a1", 1100, 16_100), 1100);
    expect(s.calls.c7).toMatchObject({ status: "ringing", agentId: "a1", offerExpiresAt: 16_100, offers: 1 });
    expect(s.agents.a1).toMatchObject({
      ringingCallId: "c7",
      activeCallId: null,
      systemStatus: 1,
      since: 1100,
    });
    expect(s.decisions[0]).toEqual(decision("c7", "a1", 1100));

    put(s, { type: "call.answered", callId: "c7", agentId: "a1" }, 1200);
    expect(s.calls.c7).toMatchObject({
      status: "talking",
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

    put(s, { type: "call.ended", callId: "c7" }, 5000);
    expect(s.calls.c7).toBeUndefined();
    expect(s.agents.a1).toMatchObject({
      ringingCallId: null,
      activeCallId: null,
      systemStatus: 1,
      idleSince: 5000,
      since: 5000,
      answeredCalls: 1,
    });
  });

  it("offer ended: the call waits again, the agent is freed and the miss is counted once per call", () => {
    const s = world();
    put(s, { type: "call.offer_ended", callId: "c3", agentId: "a3", reason: "TIMEOUT" }, 400);
    expect(s.calls.c3).toMatchObject({
      status: "waiting",
      agentId: null,
      offerExpiresAt: null,
      missedBy: ["a3"],
    });
    expect(s.agents.a3).toMatchObject({ ringingCallId: null, missedOffers: 1, since: 400 });
    put(s, offered("c3", "a3", 500), 500);
    put(s, { type: "call.offer_ended", callId: "c3", agentId: "a3", reason: "AGENT_UNAVAILABLE" }, 600);
    expect(s.calls.c3!.missedBy).toEqual(["a3"]);
    expect(s.agents.a3!.missedOffers).toBe(2);
    expect(s.agents.a3!.idleSince).toBe(100);
  });

  it("abandoned while ringing frees the reservation and removes the call", () => {
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
  });

  it("abandoned while waiting just removes the call", () => {
    const s = world();
    const agents = clone(s.agents);
    put(s, { type: "call.abandoned", callId: "c1" }, 400);
    expect(s.calls.c1).toBeUndefined();
    expect(s.agents).toEqual(agents);
  });

  it("ended while ringing frees the reservation without touching idleSince", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 400);
    expect(s.calls.c3).toBeUndefined();
    expect(s.agents.a3).toMatchObject({ ringingCallId: null, idleSince: 100 });
  });

  it("keeps at most RECENT_DECISIONS decisions, newest first", () => {
    const s = world();
    put(s, { type: "call.ended", callId: "c3" }, 400);
    for (let i = 0; i < RECENT_DECISIONS + 5; i++) {
      const id = `x${i}`;
      put(s, { type: "call.arrived", callId: id, queueId: "q1", from: "84900000009" }, 1000 + i);
      put(s, offered(id, "a1", 1000 + i), 1000 + i);
      put(s, { type: "call.abandoned", callId: id }, 1000 + i);
    }
    expect(s.decisions).toHaveLength(RECENT_DECISIONS);
    expect(s.decisions[0]!.callId).toBe(`x${RECENT_DECISIONS + 4}`);
    expect(s.decisions.at(-1)!.callId).toBe("x5");
  });
});

describe("ids that are also names on Object.prototype", () => {
  // PCC ids are opaque strings; the edges only bound their length, so these reach the domain.
  const NAMES = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

  it.each(NAMES)("%s is an unknown agent, queue and call until created — never a crash", (name) => {
    const state = world();
    const before = clone(state);
    const expectations: [DomainEvent, string][] = [
      [{ type: "agent.presence_changed", agentId: name, signal: "app", online: true }, "UNKNOWN_AGENT"],
      [{ type: "agent.push_token_changed", agentId: name, token: "t", registered: true }, "UNKNOWN_AGENT"],
      [{ type: "agent.manual_status_set", agentId: name, status: "AVAILABLE" }, "UNKNOWN_AGENT"],
      [
        { type: "queue.upserted", queue: { id: "q2", name: "Q", members: [name], answerTimeoutSec: 15 } },
        "UNKNOWN_AGENT",
      ],
      [{ type: "call.arrived", callId: "c9", queueId: name, from: "1" }, "UNKNOWN_QUEUE"],
      [{ type: "call.answered", callId: name, agentId: "a1" }, "UNKNOWN_CALL"],
      [{ type: "call.ended", callId: name }, "UNKNOWN_CALL"],
      [{ type: "call.abandoned", callId: name }, "UNKNOWN_CALL"],
      [offered("c1", name, 300), "UNKNOWN_AGENT"],
      [offered(name, "a1", 300), "UNKNOWN_CALL"],
      [{ type: "call.offer_ended", callId: name, agentId: "a1", reason: "TIMEOUT" }, "UNKNOWN_CALL"],
    ];
    for (const [event, code] of expectations) {
      expect(checkEvent(state, event)?.code, `${event.type}`).toBe(code);
    }
    expect(state).toEqual(before);
  });

  it.each(NAMES)("%s works as a real agent, queue and call id", (name) => {
    const s = world();
    put(s, { type: "agent.upserted", agent: profile(name) }, 300);
    expect(s.agents[name]).toMatchObject({ id: name, manualStatus: "NOT_AVAILABLE", idleSince: 300 });
    put(s, { type: "agent.presence_changed", agentId: name, signal: "sip", online: true }, 310);
    put(s, { type: "agent.manual_status_set", agentId: name, status: "AVAILABLE" }, 310);
    put(
      s,
      { type: "queue.upserted", queue: { id: name, name: "Q", members: [name], answerTimeoutSec: 15 } },
      320,
    );
    put(s, { type: "call.arrived", callId: name, queueId: name, from: "1" }, 330);
    put(s, offered(name, name, 330), 330);
    put(s, { type: "call.answered", callId: name, agentId: name }, 340);
    expect(s.agents[name]).toMatchObject({ activeCallId: name, systemStatus: 0 });
    put(s, { type: "call.ended", callId: name }, 350);
    expect(s.agents[name]).toMatchObject({ activeCallId: null, systemStatus: 1, idleSince: 350 });
    expect(Object.hasOwn(s.calls, name)).toBe(false);
  });

  it("__proto__ is refused as an id instead of silently replacing a container's prototype", () => {
    const state = world();
    const before = clone(state);
    expect(checkEvent(state, { type: "agent.upserted", agent: profile("__proto__") })?.code).toBe("INVALID");
    expect(
      checkEvent(state, {
        type: "queue.upserted",
        queue: { id: "__proto__", name: "Q", members: [], answerTimeoutSec: 15 },
      })?.code,
    ).toBe("INVALID");
    expect(
      checkEvent(state, { type: "call.arrived", callId: "__proto__", queueId: "q1", from: "1" })?.code,
    ).toBe("INVALID");
    expect(
      checkEvent(state, { type: "agent.presence_changed", agentId: "__proto__", signal: "app", online: true })
        ?.code,
    ).toBe("UNKNOWN_AGENT");
    expect(checkEvent(state, { type: "call.ended", callId: "__proto__" })?.code).toBe("UNKNOWN_CALL");
    expect(state).toEqual(before);
  });
});
