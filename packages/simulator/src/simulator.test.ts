import {
  type CenterState,
  emptyState,
  explain,
  type InputEvent,
  isOnline,
  Reason,
  step,
} from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { createSimulator, defaultQueueCount } from "./simulator.ts";
import { runSimulation, T0, tally } from "./test-harness.ts";

describe("setup", () => {
  const sim = createSimulator({ seed: 1 });
  const state = emptyState();
  const events = sim.setup(T0);
  const rejected = events.map((e) => step(state, e, T0)).filter((r) => !r.ok);
  const agents = Object.values(state.agents);

  it("is accepted by the core as it is", () => {
    expect(rejected).toEqual([]);
    expect(agents).toHaveLength(40);
    expect(Object.keys(state.groups)).toHaveLength(6);
    expect(Object.keys(state.queues)).toHaveLength(3);
  });

  it("creates agents, then groups, then queues, then presence and statuses", () => {
    const phase: Record<string, number> = { "agent.upserted": 0, "group.upserted": 1, "queue.upserted": 2 };
    const order = events.map((e) => phase[e.type] ?? 3);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order)).toEqual(new Set([0, 1, 2, 3]));
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

/** The engine's answer timeout and wrap-up do not compress with speed, so fast runs pile up waiting calls. */
const SLOW_TEST_MS = 30_000;

describe("robustness", () => {
  it("stays valid across tick rates, speeds and center shapes", { timeout: SLOW_TEST_MS }, () => {
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

  it("compresses time with speed", { timeout: SLOW_TEST_MS }, () => {
    const slow = tally(runSimulation({ seed: 3, minutes: 5 }).applied)["call.arrived"] ?? 0;
    const fast = tally(runSimulation({ seed: 3, minutes: 5, speed: 10 }).applied)["call.arrived"] ?? 0;
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

  it("brings back agents the engine set Not available after missed offers, and only those", () => {
    const sim = createSimulator({ seed: 1 });
    const state = emptyState();
    for (const e of sim.setup(T0)) step(state, e, T0);
    const [missed, other] = state.groups["group-sales"]!.members.filter(
      (id) => state.agents[id]!.manualStatus === "AVAILABLE",
    );
    state.agents[missed!] = {
      ...state.agents[missed!]!,
      manualStatus: "NOT_AVAILABLE",
      consecutiveMisses: 3,
    };
    state.agents[other!] = { ...state.agents[other!]!, manualStatus: "NOT_AVAILABLE" };
    const said: InputEvent[] = [];
    for (let now = T0; now < T0 + 2 * 60_000; now += 250) {
      step(state, null, now);
      for (const e of sim.tick(state, now)) {
        said.push(e);
        step(state, e, now);
      }
    }
    const back = (id: string) =>
      said.some((e) => e.type === "agent.manual_status_set" && e.agentId === id && e.status === "AVAILABLE");
    expect(back(missed!)).toBe(true);
    expect(back(other!)).toBe(false);
  });

  it("rejects options that make no sense", () => {
    expect(() => createSimulator({ seed: Number.NaN })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, agents: 0 })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, queues: 1.5 })).toThrow(RangeError);
    expect(() => createSimulator({ seed: 1, speed: 0 })).toThrow(RangeError);
  });
});

describe("size", () => {
  it("has one queue per 200 agents by default, between 3 and 50", () => {
    expect([1, 40, 600, 1_000, 10_000, 50_000].map(defaultQueueCount)).toEqual([3, 3, 3, 5, 50, 50]);
    const setup = createSimulator({ seed: 1, agents: 1_000 }).setup(T0);
    expect(setup.filter((e) => e.type === "queue.upserted")).toHaveLength(5);
  });

  it("makes calls in proportion to its agents", { timeout: SLOW_TEST_MS }, () => {
    const arrivals = (agents: number) =>
      tally(runSimulation({ seed: 6, minutes: 20, agents, queues: 3 }).applied)["call.arrived"] ?? 0;
    const small = arrivals(40);
    const big = arrivals(400);
    // 18 calls per agent-hour: 240 and 2,400 expected in 20 minutes.
    expect(small).toBeGreaterThan(180);
    expect(small).toBeLessThan(300);
    expect(big / small).toBeGreaterThan(8);
    expect(big / small).toBeLessThan(12);
  });

  it("gives a big team's queue room for half its primary members, the demo's 25", () => {
    const queues = (agents: number) =>
      createSimulator({ seed: 2, agents, queues: 3 })
        .setup(T0)
        .flatMap((e) => (e.type === "queue.upserted" ? [e.queue.maximumQueueSize] : []));
    expect(queues(40)).toEqual([25, 25, 25]);
    for (const size of queues(3_000)) expect(size).toBeGreaterThan(300);
  });
});
