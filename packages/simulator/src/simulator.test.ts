import {
  type CenterState,
  emptyState,
  explain,
  INPUT_EVENT_TYPES,
  type InputEvent,
  isOnline,
  type LoggedEvent,
  Reason,
  step,
} from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { createSimulator } from "./simulator.ts";
import { runSimulation, T0, tally } from "./test-harness.ts";

const arrivals = (events: LoggedEvent[]) =>
  events.filter((e): e is Extract<LoggedEvent, { type: "call.arrived" }> => e.type === "call.arrived");

describe("setup", () => {
  const sim = createSimulator({ seed: 1 });
  const state = emptyState();
  const events = sim.setup(T0);
  const rejected = events.map((e) => step(state, e, T0)).filter((r) => !r.ok);
  const agents = Object.values(state.agents);

  it("is accepted by the core as it is", () => {
    expect(rejected).toEqual([]);
    expect(agents).toHaveLength(40);
    expect(Object.keys(state.queues)).toHaveLength(3);
  });

  it("starts most agents Available and online, some not", () => {
    const ready = agents.filter((a) => explain(a).length === 0);
    expect(ready.length).toBeGreaterThanOrEqual(25);
    expect(agents.some((a) => a.manualStatus !== "AVAILABLE")).toBe(true);
    expect(agents.some((a) => a.routingType === 1 && !isOnline(a))).toBe(true);
  });

  it("shows NO_PHONE_NUMBER on the board", () => {
    const noPhone = agents.filter((a) => explain(a).includes(Reason.NO_PHONE_NUMBER));
    expect(noPhone.length).toBeGreaterThanOrEqual(1);
    expect(noPhone.length).toBeLessThanOrEqual(2);
  });

  it("mixes App, SIP-only and push-only agents", () => {
    const app = agents.filter((a) => a.presence.app).length;
    const sipOnly = agents.filter((a) => a.presence.sip && !a.presence.app).length;
    const pushOnly = agents.filter((a) => a.presence.pushTokens.length > 0 && !a.presence.app).length;
    expect(app).toBeGreaterThan(20);
    expect(sipOnly + pushOnly).toBeGreaterThan(0);
  });
});

describe("a simulated hour at speed 1, ticking every 250 ms", () => {
  const run = runSimulation({ seed: 1, minutes: 60 });
  const counts = tally(run.applied);

  it("never sends the core an event it rejects", () => {
    expect(run.rejections).toEqual([]);
  });

  it("has calls arriving about every 5 s, in at least 3 queues", () => {
    expect(counts["call.arrived"]).toBeGreaterThan(550);
    expect(counts["call.arrived"]).toBeLessThan(900);
    expect(new Set(arrivals(run.applied).map((e) => e.queueId)).size).toBeGreaterThanOrEqual(3);
  });

  it("answers about 80% of offers, lets the rest time out, and has callers abandon", () => {
    const offered = counts["call.offered"] ?? 0;
    const answered = counts["call.answered"] ?? 0;
    expect(answered / offered).toBeGreaterThan(0.7);
    expect(answered / offered).toBeLessThan(0.9);
    expect(counts["offer_ended:TIMEOUT"]).toBeGreaterThan(0);
    expect(counts["call.abandoned"]).toBeGreaterThan(0);
    expect(counts["call.ended"]).toBeGreaterThan(0);
  });

  it("talks for minutes: 1–6 min each, about 2.5 on average", () => {
    const answeredAt = new Map<string, number>();
    const talks: number[] = [];
    for (const e of run.applied) {
      if (e.type === "call.answered") answeredAt.set(e.callId, e.at);
      const start = answeredAt.get(e.type === "call.ended" ? e.callId : "");
      if (e.type === "call.ended" && start !== undefined) talks.push((e.at - start) / 60_000);
    }
    const mean = talks.reduce((a, b) => a + b, 0) / talks.length;
    expect(Math.min(...talks)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...talks)).toBeLessThanOrEqual(6.01);
    expect(mean).toBeGreaterThan(2);
    expect(mean).toBeLessThan(3);
  });

  it("sends agents on breaks and brings them back", () => {
    expect(counts["status:SHORT_BREAK"]).toBeGreaterThan(5);
    expect(counts["status:AVAILABLE"]).toBeGreaterThan(40);
    const logouts = run.inputs.filter(
      (e) =>
        (e.type === "agent.presence_changed" && !e.online) ||
        (e.type === "agent.push_token_changed" && !e.registered),
    );
    expect(logouts.length).toBeGreaterThan(0);
  });

  it("sends only input events: offers and timeouts stay the engine's", () => {
    const allowed: readonly string[] = INPUT_EVENT_TYPES;
    expect(run.inputs.every((e) => allowed.includes(e.type))).toBe(true);
  });

  it("names calls uniquely, with the seed in the id, and callers 8490xxxxxxx", () => {
    const calls = arrivals(run.applied);
    expect(new Set(calls.map((c) => c.callId)).size).toBe(calls.length);
    expect(calls.every((c) => /^call-1-\d+$/.test(c.callId))).toBe(true);
    expect(calls.every((c) => /^8490\d{7}$/.test(c.from))).toBe(true);
  });
});

describe("determinism", () => {
  const inputs = (seed: number, tickMs = 250) => runSimulation({ seed, minutes: 10, tickMs }).inputs;

  it("repeats itself for the same seed and tick times", () => {
    expect(inputs(7)).toEqual(inputs(7));
  });

  it("differs for another seed, with call ids that don't collide", () => {
    const a = inputs(7);
    const b = inputs(8);
    expect(a).not.toEqual(b);
    const ids = (events: InputEvent[]) =>
      events.flatMap((e) => (e.type === "call.arrived" ? [e.callId] : []));
    const overlap = ids(a).filter((id) => ids(b).includes(id));
    expect(overlap).toEqual([]);
  });
});

describe("robustness", () => {
  it("stays valid across tick rates, speeds and center shapes", () => {
    const shapes = [
      { seed: 2, minutes: 30, tickMs: 3000 },
      { seed: 3, minutes: 10, tickMs: 250, speed: 10 },
      { seed: 4, minutes: 30, agents: 5, queues: 1 },
      { seed: 5, minutes: 10, agents: 200, queues: 8, speed: 5 },
      { seed: -9.5, minutes: 30, tickMs: 7000 },
    ];
    for (const shape of shapes) {
      const run = runSimulation(shape);
      expect(run.rejections, JSON.stringify(shape)).toEqual([]);
      expect(tally(run.applied)["call.answered"], JSON.stringify(shape)).toBeGreaterThan(0);
    }
  });

  it("compresses time with speed", () => {
    const slow = tally(runSimulation({ seed: 3, minutes: 10 }).applied)["call.arrived"] ?? 0;
    const fast = tally(runSimulation({ seed: 3, minutes: 10, speed: 10 }).applied)["call.arrived"] ?? 0;
    expect(fast).toBeGreaterThan(slow * 5);
  });

  it("says nothing about agents or queues the center does not have", () => {
    const sim = createSimulator({ seed: 1 });
    sim.setup(T0);
    const state: CenterState = emptyState();
    const said: InputEvent[] = [];
    for (let now = T0; now < T0 + 30 * 60_000; now += 1000) said.push(...sim.tick(state, now));
    expect(said).toEqual([]);
  });

  it("plays the people on calls it did not create", () => {
    const sim = createSimulator({ seed: 1 });
    const state = emptyState();
    for (const e of sim.setup(T0)) step(state, e, T0);
    step(
      state,
      { type: "call.arrived", callId: "pcc-call", queueId: "queue-sales", from: "84901234567" },
      T0,
    );
    const said: InputEvent[] = [];
    for (let now = T0; now < T0 + 10 * 60_000 && state.calls["pcc-call"]; now += 250) {
      step(state, null, now);
      for (const e of sim.tick(state, now)) {
        said.push(e);
        expect(step(state, e, now).ok).toBe(true);
      }
    }
    expect(state.calls["pcc-call"]).toBeUndefined();
    expect(said.some((e) => "callId" in e && e.callId === "pcc-call")).toBe(true);
  });

  it("rejects options that make no sense", () => {
    expect(() => createSimulator({ seed: Number.NaN })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, agents: 0 })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, queues: 1.5 })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, speed: 0 })).toThrow(RangeError);
  });
});
