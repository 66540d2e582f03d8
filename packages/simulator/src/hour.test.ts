import { candidatesOf, INPUT_EVENT_TYPES, type InputEvent, type LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { runSimulation, tally } from "./test-harness.ts";

/** A manual break or a device going offline: what an agent only does when idle. */
const startsBreak = (e: InputEvent) =>
  (e.type === "agent.manual_status_set" && e.status !== "AVAILABLE") ||
  (e.type === "agent.presence_changed" && !e.online) ||
  (e.type === "agent.push_token_changed" && !e.registered);

const arrivals = (events: LoggedEvent[]) =>
  events.filter((e): e is Extract<LoggedEvent, { type: "call.arrived" }> => e.type === "call.arrived");

describe("a simulated hour at speed 1, ticking every 250 ms", () => {
  const busyBreaks: InputEvent[] = [];
  const run = runSimulation({
    seed: 1,
    minutes: 60,
    inspect: (state, event) => {
      const agent = "agentId" in event ? state.agents[event.agentId] : undefined;
      const busy =
        agent !== undefined &&
        (agent.ringingCallId !== null || agent.activeCallId !== null || agent.wrapUpUntil !== null);
      if (busy && startsBreak(event)) busyBreaks.push(event);
    },
  });
  const counts = tally(run.applied);
  const offers = run.applied.filter(
    (e): e is Extract<LoggedEvent, { type: "call.offered" }> => e.type === "call.offered",
  );

  it("never sends the core an event it rejects", () => {
    expect(run.rejections).toEqual([]);
  });

  it("has calls arriving about every 5 s, in every queue", () => {
    expect(counts["call.arrived"]).toBeGreaterThan(550);
    expect(counts["call.arrived"]).toBeLessThan(900);
    expect(new Set(arrivals(run.applied).map((e) => e.queueId))).toEqual(
      new Set(Object.keys(run.state.queues)),
    );
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

  it("rings several agents at once on the ring-all queue, and only there", () => {
    const multi = offers.filter((o) => o.agentIds.length > 1);
    expect(multi.length).toBeGreaterThan(5);
    expect(multi.every((o) => o.decision.strategy === "ring-all")).toBe(true);
    // Each phone draws its own pick-up time, so the winner is not always the first one listed.
    const answered = run.applied.filter((e) => e.type === "call.answered");
    const winners = multi.flatMap((o) => {
      const until =
        offers.find((n) => n.callId === o.callId && n.seq > o.seq)?.seq ?? Number.POSITIVE_INFINITY;
      const answer = answered.find((a) => a.callId === o.callId && a.seq > o.seq && a.seq < until);
      return answer ? [o.agentIds.indexOf(answer.agentId)] : [];
    });
    expect(winners.length).toBeGreaterThan(3);
    expect(winners.some((i) => i > 0)).toBe(true);
  });

  it("offers calls to backup agents when a queue's own agents are all busy", () => {
    const backup = offers.filter((o) => o.decision.usedBackup);
    expect(backup.length).toBeGreaterThan(0);
    const tiers = backup.flatMap((o) =>
      candidatesOf(o.decision).filter((c) => o.agentIds.includes(c.agentId)),
    );
    expect(tiers.every((c) => c.tier === "backup")).toBe(true);
  });

  it("wraps up after calls, and the engine frees the agents", () => {
    expect(counts["agent.wrap_up_ended"]).toBeGreaterThan(counts["call.ended"]! * 0.9);
  });

  it("ends calls in every queue mostly answered, some abandoned, none rejected for a full queue", () => {
    const outcomes = Object.values(run.state.queueRuntime).map((r) => r.outcomes);
    expect(outcomes.every((o) => o.answered > 0 && o.answered > 5 * o.abandoned)).toBe(true);
    expect(outcomes.reduce((sum, o) => sum + o.answered, 0)).toBe(counts["call.answered"]);
    expect(outcomes.reduce((sum, o) => sum + o.abandoned, 0)).toBe(counts["call.abandoned"]);
    expect(outcomes.every((o) => o.rejected === 0 && o.closed === 0)).toBe(true);
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

  it("starts breaks and logouts only for idle agents: not ringing, talking or wrapping up", () => {
    expect(busyBreaks).toEqual([]);
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
