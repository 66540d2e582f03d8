import type { LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { recordedBehaviour } from "./behaviour.ts";
import type { WhatIfChange } from "./change.ts";
import { MINUTE, simulatedLog, stateAt, T0 } from "./day.test-helpers.ts";
import { busiestMembers, planChange } from "./plan.ts";
import { runPeriod } from "./run.ts";
import { splitAt } from "./split.ts";
import { copyState, runWhatIf } from "./whatif.ts";

/** One simulated morning shared by these tests: 40 agents, three queues. */
const log = simulatedLog({ minutes: 150 });
const from = T0 + 30 * MINUTE;
const to = T0 + 150 * MINUTE;
const first = splitAt(log, from);
const period = log.slice(first, splitAt(log, to));
const start = stateAt(log, first);
const queueId = "queue-support";
const behaviour = recordedBehaviour(period);

function run(change: WhatIfChange) {
  const plan = planChange(start, period, queueId, change);
  const applied: LoggedEvent[] = [];
  const state = copyState(start);
  state.clock = Math.max(state.clock, from);
  const result = runPeriod(state, period, to, plan, behaviour, 3, { applied: (e) => applied.push(e) });
  return { ...result, applied, plan };
}

/** Checks every answer and every talk of a run against the agents' recorded behaviour. */
function expectRecordedBehaviour(applied: LoggedEvent[], modelOf: (id: string) => string) {
  const offeredAt = new Map<string, number>();
  const answeredAt = new Map<string, { agentId: string; at: number }>();
  let answers = 0;
  for (const e of applied) {
    if (e.type === "call.offered") for (const a of e.agentIds) offeredAt.set(`${e.callId}|${a}`, e.at);
    if (e.type === "call.answered" && offeredAt.has(`${e.callId}|${e.agentId}`)) {
      answers++;
      const delay = e.at - offeredAt.get(`${e.callId}|${e.agentId}`)!;
      const own = behaviour.samples
        .get(modelOf(e.agentId))!
        .outcomes.flatMap((o) => (o.kind === "answer" ? [o.delayMs] : []));
      expect(own, `${e.agentId} answered ${e.callId} after ${delay} ms`).toContain(delay);
      answeredAt.set(e.callId, { agentId: e.agentId, at: e.at });
    }
    if (e.type === "call.ended" && answeredAt.has(e.callId)) {
      const { agentId, at } = answeredAt.get(e.callId)!;
      expect(behaviour.samples.get(modelOf(agentId))!.talkMs, `${agentId} talked on ${e.callId}`).toContain(
        e.at - at,
      );
    }
  }
  expect(answers).toBeGreaterThan(100);
}

describe("a what-if with a change", { timeout: 60_000 }, () => {
  it("under another strategy, decides the queue's calls with it, and agents answer and talk as they did", () => {
    const { applied, refused } = run({ kind: "strategy", strategy: "random" });
    const decisions = applied.flatMap((e) => (e.type === "call.offered" ? [e.decision] : []));
    const ours = decisions.filter((d) => d.queueId === queueId);
    expect(ours.length).toBeGreaterThan(50);
    expect(new Set(ours.map((d) => d.strategy))).toEqual(new Set(["random"]));
    expectRecordedBehaviour(applied, (id) => id);
    expect(refused).toBe(0);
  });

  it("with another answer timeout, rings each offer of the queue that long", () => {
    const { applied } = run({ kind: "answer-timeout", seconds: 7 });
    const offers = applied.filter(
      (e): e is Extract<LoggedEvent, { type: "call.offered" }> =>
        e.type === "call.offered" && e.decision.queueId === queueId,
    );
    expect(offers.length).toBeGreaterThan(50);
    for (const o of offers) expect(o.expiresAt - o.at).toBe(7_000);
  });

  it("with +N agents, adds copies of the busiest members that behave like them", () => {
    const busiest = busiestMembers(start, period, queueId);
    const { applied, plan, state } = run({ kind: "agents", delta: 3 });
    expect(plan.agents.added.map((a) => a.copies)).toEqual(busiest.slice(0, 3));
    for (const { id, copies } of plan.agents.added) {
      expect(state.agents[id]).toBeDefined();
      for (const group of Object.values(state.groups))
        expect(group.members.includes(id), `${id} in ${group.id}`).toBe(group.members.includes(copies));
    }
    const added = new Set(plan.agents.added.map((a) => a.id));
    expect(applied.some((e) => e.type === "call.answered" && added.has(e.agentId))).toBe(true);
    expectRecordedBehaviour(applied, plan.behaviourOf);
  });

  it("with −N agents, the busiest members take no new call", () => {
    const { applied, plan } = run({ kind: "agents", delta: -2 });
    const out = new Set(plan.agents.removed);
    expect(out.size).toBe(2);
    expect(applied.some((e) => e.type === "call.offered" && e.agentIds.some((a) => out.has(a)))).toBe(false);
  });

  it("gives the same answer every time (fixed seed), and a no-change run differs in nothing", () => {
    const input = {
      start,
      period,
      from,
      to,
      queueId,
      change: { kind: "backup-delay", seconds: 0 } as const,
      seed: 5,
    };
    expect(runWhatIf(input)).toEqual(runWhatIf(input));
    const same = runWhatIf({ ...input, change: { kind: "none" } });
    if (same.kind !== "done") throw new Error("no data");
    expect(same.decisions.differing).toBe(0);
    expect(same.whatIf).toEqual(same.real);
  });

  it("says when the queue had no call in the period", () => {
    expect(
      runWhatIf({ start, period: period.slice(0, 0), from, to, queueId, change: { kind: "none" }, seed: 1 }),
    ).toEqual({
      kind: "no-data",
      queueId,
      from,
      to,
    });
  });
});
