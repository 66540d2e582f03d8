import { describe, expect, it } from "vitest";
import {
  backup,
  center,
  clone,
  decision,
  PLAIN,
  primary,
  profile,
  put,
  queueConfig,
  timed,
} from "./center.test-helpers.ts";
import { checkEvent } from "./check.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import type { ManualStatus } from "./manual-status.ts";
import type { QueueConfig, Schedule, Strategy } from "./queue.ts";
import { type CenterState, emptyState } from "./state.ts";

const offered = (callId: string, agentIds: string[], at = 300): DomainEvent => ({
  type: "call.offered",
  callId,
  agentIds,
  expiresAt: at + 15_000,
  decision: decision(callId, agentIds, at),
});

const offerEnded = (
  callId: string,
  agentIds: string[],
  reason: "TIMEOUT" | "AGENT_UNAVAILABLE" = "TIMEOUT",
) => ({ type: "call.offer_ended", callId, agentIds, reason, autoNotAvailable: [] }) satisfies DomainEvent;

/**
 * a1 (App, Available, free), a2 (phone, talking on c2), a3 (SIP, ringing for c3), a4 (in after-call work
 * until 10 205); group g1 = a1 a2 a3 routed by q1 (no wrap-up); g2 = a4 routed by q2 (10 s wrap-up).
 * Calls: c1 waiting in q1, c2 talking, c3 ringing, c4 arrived but not yet admitted.
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
  put(s, { type: "agent.upserted", agent: profile("a4") }, 100);
  put(s, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: true }, 110);
  put(s, { type: "agent.presence_changed", agentId: "a3", signal: "sip", online: true }, 110);
  put(s, { type: "agent.presence_changed", agentId: "a4", signal: "app", online: true }, 110);
  for (const id of ["a1", "a2", "a3", "a4"]) {
    put(s, { type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, 110);
  }
  put(
    s,
    { type: "group.upserted", group: { id: "g1", name: "Sales team", members: ["a1", "a2", "a3"] } },
    120,
  );
  put(s, { type: "group.upserted", group: { id: "g2", name: "Night team", members: ["a4"] } }, 120);
  put(s, { type: "queue.upserted", queue: queueConfig("q1", primary("g1"), PLAIN) }, 120);
  put(s, { type: "queue.upserted", queue: queueConfig("q2", primary("g2"), { wrapUpTimeLimit: 10 }) }, 120);
  const arrive = (callId: string, queueId: string, at: number) => {
    put(s, { type: "call.arrived", callId, queueId, from: "84900000001" }, at);
    put(s, { type: "call.queued", callId, position: 1 }, at);
  };
  arrive("c0", "q2", 150);
  put(s, offered("c0", ["a4"], 150), 150);
  put(s, { type: "call.answered", callId: "c0", agentId: "a4" }, 155);
  put(s, { type: "call.ended", callId: "c0" }, 205);
  arrive("c1", "q1", 200);
  arrive("c2", "q1", 200);
  put(s, offered("c2", ["a2"], 200), 200);
  put(s, { type: "call.answered", callId: "c2", agentId: "a2" }, 205);
  arrive("c3", "q1", 210);
  put(s, offered("c3", ["a3"], 210), 210);
  put(s, { type: "call.arrived", callId: "c4", queueId: "q1", from: "84900000004" }, 220);
  return s;
}

describe("the world the rejection tests run against", () => {
  it("is what its comment says", () => {
    const s = world();
    expect(s.agents.a4).toMatchObject({ systemStatus: 0, wrapUpUntil: 10_205, activeCallId: null });
    expect(s.calls.c1).toMatchObject({ status: "waiting", admitted: true });
    expect(s.calls.c2).toMatchObject({ status: "talking", agentId: "a2" });
    expect(s.calls.c3).toMatchObject({ status: "ringing", ringing: ["a3"] });
    expect(s.calls.c4).toMatchObject({ status: "waiting", admitted: false });
  });
});

const q = (overrides: Partial<QueueConfig>): DomainEvent => ({
  type: "queue.upserted",
  queue: { ...queueConfig("q9", primary("g1")), ...overrides },
});
const hours = (open: string, close: string, days = [1, 2, 3, 4, 5]) => ({
  schedule: { kind: "business-hours" as const, timeZone: "Asia/Ho_Chi_Minh", hours: [{ days, open, close }] },
});

describe("checkEvent: rejections", () => {
  const cases: [string, DomainEvent, string][] = [
    [
      "a blank phone number",
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "   " }) },
      "INVALID",
    ],
    [
      "a phone number of 65 characters",
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "8".repeat(65) }) },
      "INVALID",
    ],
    ["routing type 3", { type: "agent.upserted", agent: profile("a9", { routingType: 3 as 1 }) }, "INVALID"],
    ["routing type 0", { type: "agent.upserted", agent: profile("a9", { routingType: 0 as 1 }) }, "INVALID"],
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
      "group with an unknown member",
      { type: "group.upserted", group: { id: "g9", name: "G", members: ["a1", "ghost"] } },
      "UNKNOWN_AGENT",
    ],
    [
      "group listing a member twice",
      { type: "group.upserted", group: { id: "g9", name: "G", members: ["a1", "a2", "a1"] } },
      "INVALID",
    ],
    ["queue with an unknown group", q({ groups: [...primary("g1"), ...backup("ghost")] }), "UNKNOWN_GROUP"],
    ["queue with no groups", q({ groups: [] }), "INVALID"],
    ["queue assigning a group twice", q({ groups: [...primary("g1"), ...backup("g1")] }), "INVALID"],
    ["queue answer timeout below PCC's minimum", q({ waitAgentAnswerTimeout: 2 }), "INVALID"],
    ["queue answer timeout of 2.999 s", q({ waitAgentAnswerTimeout: 2.999 }), "INVALID"],
    ["queue answer timeout NaN", q({ waitAgentAnswerTimeout: Number.NaN }), "INVALID"],
    ["negative wrap-up time", q({ wrapUpTimeLimit: -1 }), "INVALID"],
    ["negative maximum queue size", q({ maximumQueueSize: -1 }), "INVALID"],
    ["negative maximum wait", q({ maximumQueueWaitTime: -5 }), "INVALID"],
    ["infinite maximum wait", q({ maximumQueueWaitTime: Number.POSITIVE_INFINITY }), "INVALID"],
    ["negative backup delay", q({ routeToBackupAfterSec: -1 }), "INVALID"],
    ["negative random seed", q({ randomSeed: -1 }), "INVALID"],
    ["zero consecutive misses", q({ maxConsecutiveMisses: 0 }), "INVALID"],
    ["negative service level time", q({ serviceLevelSec: -1 }), "INVALID"],
    ["negative short-abandon time", q({ shortAbandonSec: -0.5 }), "INVALID"],
    ["service level target 0 %", q({ serviceLevelTarget: 0 }), "INVALID"],
    ["service level target 101 %", q({ serviceLevelTarget: 101 }), "INVALID"],
    ["a KPI window of 0 minutes", q({ kpiWindowMin: 0 }), "INVALID"],
    ["a KPI window of 241 minutes", q({ kpiWindowMin: 241 }), "INVALID"],
    ["a KPI window of 1.5 minutes", q({ kpiWindowMin: 1.5 }), "INVALID"],
    ["negative amber wait", q({ longestWaitAmberSec: -1 }), "INVALID"],
    ["amber above red", q({ longestWaitAmberSec: 121, longestWaitRedSec: 120 }), "INVALID"],
    ["an unknown strategy", q({ strategy: "cheapest" as Strategy }), "INVALID"],
    [
      "an unknown time zone",
      q({ schedule: { kind: "business-hours", timeZone: "Asia/Saigon_Nowhere", hours: [] } }),
      "INVALID",
    ],
    ["an unknown schedule kind", q({ schedule: { kind: "weekdays" } as unknown as Schedule }), "INVALID"],
    ["hours closing before they open", q(hours("17:00", "08:00")), "INVALID"],
    ["hours opening and closing at once", q(hours("08:00", "08:00")), "INVALID"],
    ["hours past midnight", q(hours("08:00", "24:30")), "INVALID"],
    ["an hour that does not exist", q(hours("25:00", "26:00")), "INVALID"],
    ["hours without a leading zero", q(hours("8:00", "17:00")), "INVALID"],
    ["minutes past 59", q(hours("08:60", "17:00")), "INVALID"],
    ["day 7", q(hours("08:00", "17:00", [7])), "INVALID"],
    ["day -1", q(hours("08:00", "17:00", [-1])), "INVALID"],
    ["day 1.5", q(hours("08:00", "17:00", [1.5])), "INVALID"],
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
    ["answering a call not yet admitted", { type: "call.answered", callId: "c4", agentId: "a1" }, "CONFLICT"],
    [
      "answering a call that rings someone else",
      { type: "call.answered", callId: "c3", agentId: "a1" },
      "CONFLICT",
    ],
    ["answering a call twice", { type: "call.answered", callId: "c2", agentId: "a2" }, "CONFLICT"],
    ["ending an unknown call", { type: "call.ended", callId: "c9" }, "UNKNOWN_CALL"],
    ["abandoning an unknown call", { type: "call.abandoned", callId: "c9" }, "UNKNOWN_CALL"],
    ["abandoning a call being talked on", { type: "call.abandoned", callId: "c2" }, "CONFLICT"],
    ["queueing an unknown call", { type: "call.queued", callId: "c9", position: 1 }, "UNKNOWN_CALL"],
    ["queueing a call twice", { type: "call.queued", callId: "c1", position: 2 }, "CONFLICT"],
    [
      "finishing an unknown call",
      { type: "call.finished", callId: "c9", outcome: "timed_out", reason: "r" },
      "UNKNOWN_CALL",
    ],
    [
      "finishing a call being talked on",
      { type: "call.finished", callId: "c2", outcome: "timed_out", reason: "r" },
      "CONFLICT",
    ],
    ["offering an unknown call", offered("c9", ["a1"]), "UNKNOWN_CALL"],
    ["offering a call not yet admitted", offered("c4", ["a1"]), "CONFLICT"],
    ["offering a ringing call", offered("c3", ["a1"]), "CONFLICT"],
    ["offering a talking call", offered("c2", ["a1"]), "CONFLICT"],
    ["offering to nobody", offered("c1", []), "INVALID"],
    ["offering to an unknown agent", offered("c1", ["ghost"]), "UNKNOWN_AGENT"],
    ["offering to a ringing agent", offered("c1", ["a3"]), "CONFLICT"],
    ["offering to a talking agent", offered("c1", ["a2"]), "CONFLICT"],
    ["ringing everyone, one of them busy", offered("c1", ["a1", "a3"]), "CONFLICT"],
    ["ending an offer of an unknown call", offerEnded("c9", ["a3"]), "UNKNOWN_CALL"],
    ["ending an offer of a waiting call", offerEnded("c1", ["a1"]), "CONFLICT"],
    ["ending an offer for an agent not ringing", offerEnded("c3", ["a1"]), "CONFLICT"],
    ["ending an offer for one ringing and one not", offerEnded("c3", ["a3", "a1"]), "CONFLICT"],
    ["ending an offer for nobody", offerEnded("c3", []), "CONFLICT"],
    ["ending an offer of a talking call", offerEnded("c2", ["a2"], "AGENT_UNAVAILABLE"), "CONFLICT"],
    [
      "ending the wrap-up of an unknown agent",
      { type: "agent.wrap_up_ended", agentId: "ghost" },
      "UNKNOWN_AGENT",
    ],
    ["ending a wrap-up that is not running", { type: "agent.wrap_up_ended", agentId: "a1" }, "CONFLICT"],
    ["ending the wrap-up of an agent on a call", { type: "agent.wrap_up_ended", agentId: "a2" }, "CONFLICT"],
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

  it("step refuses the same events with the same codes and writes nothing", () => {
    for (const [label, event, code] of cases) {
      const state = world();
      const before = clone(state);
      // Before any deadline (a4's wrap-up ends at 10 205, c3's offer at 15 210).
      const result = step(state, event, 1_000);
      expect(result, label).toMatchObject({ ok: false, rejection: { code }, applied: [] });
      expect(state, label).toEqual(before);
    }
  });

  it("says which setting is wrong", () => {
    const state = world();
    const message = (event: DomainEvent) => checkEvent(state, event)?.message ?? "";
    expect(message(q({ groups: [...primary("g1"), ...backup("ghost")] }))).toMatch(/"ghost"/);
    expect(message(q({ groups: [...primary("g1"), ...backup("g1")] }))).toMatch(/"g1" twice/);
    expect(message(q({ groups: [] }))).toMatch(/queue\.groups/);
    expect(message(q({ waitAgentAnswerTimeout: 2 }))).toMatch(/waitAgentAnswerTimeout must be at least 3/);
    expect(message(q({ maximumQueueSize: -1 }))).toMatch(/maximumQueueSize/);
    expect(message(q({ maximumQueueWaitTime: -1 }))).toMatch(/maximumQueueWaitTime/);
    expect(message(q({ wrapUpTimeLimit: -1 }))).toMatch(/wrapUpTimeLimit/);
    expect(message(q({ strategy: "cheapest" as Strategy }))).toMatch(/"cheapest"/);
    expect(message(q({ schedule: { kind: "business-hours", timeZone: "Mars/Olympus", hours: [] } }))).toMatch(
      /"Mars\/Olympus"/,
    );
    expect(message(q(hours("17:00", "08:00")))).toMatch(/17:00/);
    expect(message(q({ serviceLevelSec: -1 }))).toMatch(/queue\.serviceLevelSec must be 0 or more/);
    expect(message(q({ shortAbandonSec: -1 }))).toMatch(/queue\.shortAbandonSec/);
    expect(message(q({ serviceLevelTarget: 0 }))).toMatch(/queue\.serviceLevelTarget .* 1 to 100/);
    expect(message(q({ kpiWindowMin: 300 }))).toMatch(/queue\.kpiWindowMin .* 1 to 240/);
    expect(message(q({ longestWaitRedSec: -1 }))).toMatch(/queue\.longestWaitRedSec/);
    expect(message(q({ longestWaitAmberSec: 90, longestWaitRedSec: 30 }))).toMatch(
      /queue\.longestWaitAmberSec \(90\) must not be above queue\.longestWaitRedSec \(30\)/,
    );
  });

  it("accepts the boundary cases", () => {
    const state = world();
    const ok: DomainEvent[] = [
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: null }) },
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "+84912345678" }) },
      // Configured at PCC in a national or spaced form: kept (PCC only needs one configured), flagged on the board.
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "0912345678" }) },
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "84 912 345 678" }) },
      { type: "agent.upserted", agent: profile("a9", { phoneNumber: "8".repeat(64) }) },
      { type: "group.upserted", group: { id: "g9", name: "Empty", members: [] } },
      // An agent may be in any number of groups.
      { type: "group.upserted", group: { id: "g9", name: "G", members: ["a3", "a1"] } },
      q({ waitAgentAnswerTimeout: 3 }),
      q({
        wrapUpTimeLimit: 0,
        maximumQueueSize: 0,
        maximumQueueWaitTime: 0,
        routeToBackupAfterSec: 0,
        randomSeed: 0,
        maxConsecutiveMisses: 1,
      }),
      q({ groups: [...backup("g2"), ...primary("g1")], routeToBackupAfterSec: 30 }),
      q({ serviceLevelSec: 0, shortAbandonSec: 0, serviceLevelTarget: 1, kpiWindowMin: 1 }),
      q({ serviceLevelTarget: 100, kpiWindowMin: 240, longestWaitAmberSec: 45, longestWaitRedSec: 45 }),
      q({ longestWaitAmberSec: 0, longestWaitRedSec: 0 }),
      // A queue of backup groups only is allowed: it rings them as soon as a call waits.
      q({ groups: backup("g1") }),
      q(hours("00:00", "24:00", [0, 6])),
      q({ schedule: { kind: "business-hours", timeZone: "UTC", hours: [] } }),
      ...(
        [
          "longest-idle",
          "round-robin",
          "fewest-calls",
          "least-talk-time",
          "top-down",
          "random",
          "ring-all",
        ] as const
      ).map((strategy) => q({ strategy })),
      { type: "agent.manual_status_set", agentId: "a1", status: "ACW" },
      { type: "call.answered", callId: "c3", agentId: "a3" },
      { type: "call.ended", callId: "c1" },
      { type: "call.ended", callId: "c2" },
      { type: "call.ended", callId: "c3" },
      { type: "call.ended", callId: "c4" },
      { type: "call.abandoned", callId: "c1" },
      { type: "call.abandoned", callId: "c3" },
      { type: "call.abandoned", callId: "c4" },
      { type: "call.queued", callId: "c4", position: 2 },
      { type: "call.finished", callId: "c4", outcome: "closed", reason: "r" },
      { type: "call.finished", callId: "c1", outcome: "timed_out", reason: "r" },
      { type: "call.finished", callId: "c3", outcome: "timed_out", reason: "r" },
      offered("c1", ["a1"]),
      offerEnded("c3", ["a3"]),
      offerEnded("c3", ["a3"], "AGENT_UNAVAILABLE"),
      { type: "agent.wrap_up_ended", agentId: "a4" },
    ];
    for (const event of ok) expect(checkEvent(state, event), JSON.stringify(event)).toBeNull();
  });
});

describe("checkEvent: late and duplicate engine events", () => {
  it("a second agent.wrap_up_ended is rejected, even when it comes after the engine's own", () => {
    const c = center();
    c.agent("a1", 0);
    c.teamQueue("q", ["a1"], 0);
    c.arrive("c1", "q", 1_000);
    c.answer("c1", "a1", 2_000);
    c.end("c1", 5_000);
    expect(c.state.agents.a1!.wrapUpUntil).toBe(15_000);
    // Delivered late: the engine already ended the wrap-up at 15 000 on its own, so this copy is a duplicate.
    const late = step(c.state, { type: "agent.wrap_up_ended", agentId: "a1" }, 20_000);
    expect(late).toMatchObject({ ok: false, rejection: { code: "CONFLICT" } });
    expect(late.applied.map((e) => [e.type, e.at])).toEqual([["agent.wrap_up_ended", 15_000]]);
    const before = clone(c.state);
    expect(step(c.state, { type: "agent.wrap_up_ended", agentId: "a1" }, 21_000)).toMatchObject({
      ok: false,
      rejection: { code: "CONFLICT" },
      applied: [],
    });
    expect(c.state).toEqual(before);
  });

  it("an offer_ended for an agent no longer ringing (the engine timed it out already) is rejected", () => {
    const c = center();
    c.agent("a1", 0);
    c.agent("a2", 10);
    c.teamQueue("q", ["a1", "a2"], 10, PLAIN);
    c.arrive("c1", "q", 1_000);
    expect(c.state.calls.c1!.ringing).toEqual(["a1"]);
    const late = step(c.state, offerEnded("c1", ["a1"]), 17_000);
    expect(late).toMatchObject({ ok: false, rejection: { code: "CONFLICT" } });
    // The engine's own timeout ran at 16 000: a1 no longer rings, and its miss is counted once.
    expect(late.applied.map((e) => [e.type, e.at])).toEqual([["call.offer_ended", 16_000]]);
    expect(late.applied[0]).toMatchObject({ agentIds: ["a1"], reason: "TIMEOUT" });
    expect(c.state.calls.c1).toMatchObject({ status: "waiting", ringing: [], missedBy: ["a1"] });
    expect(c.state.agents.a1!.missedOffers).toBe(1);
    // The refused step routes nothing; the next step (here a tick) moves the call on to a2, at its time.
    expect(timed(c.tick(17_000))).toEqual(["17000 offered c1→a2"]);
    expect(c.state.calls.c1!.ringing).toEqual(["a2"]);
    expect(c.state.agents.a1!.missedOffers).toBe(1);
  });

  it("a duplicate call.queued, call.offered or call.finished is rejected", () => {
    const c = center();
    c.agent("a1", 0);
    c.teamQueue("q", ["a1"], 0);
    c.arrive("c1", "q", 1_000);
    const queued = c.log.find((e) => e.type === "call.queued")!;
    const offer = c.log.find((e) => e.type === "call.offered")!;
    const { seq: _s1, at: _a1, ...queuedEvent } = queued;
    const { seq: _s2, at: _a2, ...offerEvent } = offer;
    expect(step(c.state, queuedEvent as DomainEvent, 2_000)).toMatchObject({
      ok: false,
      rejection: { code: "CONFLICT" },
    });
    expect(step(c.state, offerEvent as DomainEvent, 2_000)).toMatchObject({
      ok: false,
      rejection: { code: "CONFLICT" },
    });
    c.abandon("c1", 3_000);
    const finished: DomainEvent = {
      type: "call.finished",
      callId: "c1",
      outcome: "timed_out",
      reason: "late",
    };
    expect(step(c.state, finished, 61_000)).toMatchObject({ ok: false, rejection: { code: "UNKNOWN_CALL" } });
    expect(c.state.queueRuntime.q!.outcomes).toMatchObject({ abandoned: 1, timed_out: 0 });
  });
});

describe("ids that are also names on Object.prototype", () => {
  // PCC ids are opaque strings; the edges only bound their length, so these reach the domain.
  const NAMES = ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"];

  it.each(NAMES)("%s is an unknown agent, group, queue and call until created — never a crash", (name) => {
    const state = world();
    const before = clone(state);
    const expectations: [DomainEvent, string][] = [
      [{ type: "agent.presence_changed", agentId: name, signal: "app", online: true }, "UNKNOWN_AGENT"],
      [{ type: "agent.push_token_changed", agentId: name, token: "t", registered: true }, "UNKNOWN_AGENT"],
      [{ type: "agent.manual_status_set", agentId: name, status: "AVAILABLE" }, "UNKNOWN_AGENT"],
      [{ type: "agent.wrap_up_ended", agentId: name }, "UNKNOWN_AGENT"],
      [{ type: "group.upserted", group: { id: "g9", name: "G", members: [name] } }, "UNKNOWN_AGENT"],
      [q({ groups: primary(name) }), "UNKNOWN_GROUP"],
      [{ type: "call.arrived", callId: "c9", queueId: name, from: "1" }, "UNKNOWN_QUEUE"],
      [{ type: "call.answered", callId: name, agentId: "a1" }, "UNKNOWN_CALL"],
      [{ type: "call.ended", callId: name }, "UNKNOWN_CALL"],
      [{ type: "call.abandoned", callId: name }, "UNKNOWN_CALL"],
      [{ type: "call.queued", callId: name, position: 1 }, "UNKNOWN_CALL"],
      [{ type: "call.finished", callId: name, outcome: "closed", reason: "r" }, "UNKNOWN_CALL"],
      [offered("c1", [name]), "UNKNOWN_AGENT"],
      [offered(name, ["a1"]), "UNKNOWN_CALL"],
      [offerEnded(name, ["a1"]), "UNKNOWN_CALL"],
    ];
    for (const [event, code] of expectations) {
      expect(checkEvent(state, event)?.code, `${event.type}`).toBe(code);
    }
    expect(state).toEqual(before);
  });

  it("__proto__ is refused as an id instead of silently replacing a container's prototype", () => {
    const state = world();
    const before = clone(state);
    expect(checkEvent(state, { type: "agent.upserted", agent: profile("__proto__") })?.code).toBe("INVALID");
    expect(
      checkEvent(state, { type: "group.upserted", group: { id: "__proto__", name: "G", members: [] } })?.code,
    ).toBe("INVALID");
    expect(checkEvent(state, q({ id: "__proto__" }))?.code).toBe("INVALID");
    expect(checkEvent(state, q({ groups: primary("__proto__") }))?.code).toBe("UNKNOWN_GROUP");
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

describe("caps on the center's size (new records only; replay never checks them)", () => {
  const limits = { maxAgents: 4, maxQueues: 2, maxGroups: 2 };
  const agent = (id: string): DomainEvent => ({ type: "agent.upserted", agent: profile(id) });
  const group = (id: string): DomainEvent => ({
    type: "group.upserted",
    group: { id, name: "G", members: ["a1"] },
  });

  it("refuses a new agent, group or queue past its cap with a message naming the setting", () => {
    const state = world(); // 4 agents, 2 groups, 2 queues
    expect(checkEvent(state, agent("a5"), limits)).toEqual({
      code: "CONFLICT",
      message: "the center already has 4 agents (CALLBOARD_MAX_AGENTS)",
    });
    expect(checkEvent(state, group("g3"), limits)).toEqual({
      code: "CONFLICT",
      message: "the center already has 2 groups (CALLBOARD_MAX_GROUPS)",
    });
    expect(checkEvent(state, q({ id: "q3" }), limits)).toEqual({
      code: "CONFLICT",
      message: "the center already has 2 queues (CALLBOARD_MAX_QUEUES)",
    });
    // With room left (the defaults: 20,000 / 1,000 / 1,000) the same inputs are accepted.
    expect(checkEvent(state, agent("a5"))).toBeNull();
    expect(checkEvent(state, group("g3"))).toBeNull();
    expect(checkEvent(state, q({ id: "q3" }))).toBeNull();
  });

  it("updating an existing record is never refused, even over a lowered cap", () => {
    const state = world();
    const tight = { maxAgents: 1, maxQueues: 1, maxGroups: 1 };
    expect(
      checkEvent(state, { type: "agent.upserted", agent: profile("a1", { name: "Lan" }) }, tight),
    ).toBeNull();
    expect(checkEvent(state, group("g1"), tight)).toBeNull();
    expect(checkEvent(state, q({ id: "q1" }), tight)).toBeNull();
  });

  it("step applies the caps it is given and counts what it adds; replay folds past them", () => {
    const state = emptyState();
    const accepted = [];
    for (const id of ["a1", "a2", "a3"]) {
      const result = step(state, agent(id), 100, { limits: { ...limits, maxAgents: 2 } });
      accepted.push(...(result.ok ? result.applied : []));
      if (id === "a3") {
        expect(result.ok ? null : result.rejection.message).toBe(
          "the center already has 2 agents (CALLBOARD_MAX_AGENTS)",
        );
      }
    }
    expect(Object.keys(state.agents)).toEqual(["a1", "a2"]);
    // A log written under a higher cap (three agents) replays whole.
    const log = [...accepted, { ...agent("a3"), seq: 3, at: 100 } as LoggedEvent];
    expect(Object.keys(replay(emptyState(), log).agents)).toEqual(["a1", "a2", "a3"]);
  });
});
