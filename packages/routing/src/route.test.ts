import { describe, expect, it } from "vitest";
import { applyEvent } from "./apply.ts";
import { candidatesOf } from "./candidate-table.ts";
import { backup, center, clone, PLAIN, primary, put, waitingCall } from "./center.test-helpers.ts";
import type { Candidate } from "./decision.ts";
import { replay } from "./engine.ts";
import type { LoggedEvent } from "./events.ts";
import { decide, nextDeadline, nextEngineEvent } from "./route.ts";
import { type CenterState, emptyState } from "./state.ts";

/** A candidate row with the fields most rows share filled in. */
const row = (agentId: string, fields: Partial<Candidate>): Candidate => ({
  agentId,
  tier: "primary",
  verdict: "RANKED_LOWER",
  reasons: [],
  rank: null,
  key: null,
  missedThisCall: false,
  manualStatus: "AVAILABLE",
  systemStatus: 1,
  online: ["app"],
  ...fields,
});

describe("decide: longest idle", () => {
  it("chooses the agent idle the longest and lists every agent of the queue's groups with a verdict", () => {
    const c = center();
    // Created in time order (the engine's clock never goes back), not in id order.
    c.agent("a4", 50, { available: false }); // idle even longer, but on a break
    c.agent("a5", 60, { profile: { routingType: 2, phoneNumber: null } }); // rings a phone it does not have
    c.agent("a3", 100); // idle longest of those who can ring
    c.agent("a2", 200);
    c.agent("a1", 300);
    c.teamQueue("q1", ["a1", "a2", "a3", "a4", "a5"], 400);

    const d = decide(c.state, waitingCall("c1", "q1", 1_000), 7_600)!;
    const { table, ...decision } = d;
    expect(table.agentIds).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(decision).toEqual({
      callId: "c1",
      attempt: 1,
      queueId: "q1",
      at: 7_600,
      strategy: "longest-idle",
      agentIds: ["a3"],
      usedBackup: false,
      waitedSec: 7,
    });
    // The ranked pool, then (in the queue's order) held-back backups and agents who cannot ring.
    expect(candidatesOf(d)).toEqual([
      row("a3", { verdict: "CHOSEN", rank: 1, key: 100 }),
      row("a2", { rank: 2, key: 200 }),
      row("a1", { rank: 3, key: 300 }),
      row("a4", {
        verdict: "NOT_ELIGIBLE",
        reasons: ["MANUAL_NOT_AVAILABLE"],
        manualStatus: "NOT_AVAILABLE",
      }),
      row("a5", { verdict: "NOT_ELIGIBLE", reasons: ["NO_PHONE_NUMBER"] }),
    ]);
  });

  it("breaks idle ties by the lower id", () => {
    const c = center();
    c.agent("b", 100);
    c.agent("c", 100);
    c.agent("a", 100);
    c.teamQueue("q1", ["c", "b", "a"], 100);
    const d = decide(c.state, waitingCall("x", "q1", 100), 100);
    expect(d?.agentIds).toEqual(["a"]);
    expect(candidatesOf(d!).map((k) => [k.agentId, k.rank])).toEqual([
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
    c.teamQueue("q1", ["a1", "a2", "a3"], 300);
    const d = decide(c.state, waitingCall("x", "q1", 400, ["a1", "a2"]), 500);
    expect(d?.attempt).toBe(3);
    expect(candidatesOf(d!).map((k) => [k.agentId, k.verdict, k.missedThisCall])).toEqual([
      ["a3", "CHOSEN", false],
      ["a1", "RANKED_LOWER", true],
      ["a2", "RANKED_LOWER", true],
    ]);
  });

  it("reports a reserved agent as NOT_ELIGIBLE with RESERVED, and an agent in after-call work with WRAP_UP", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.teamQueue("q1", ["a1", "a2", "a3"], 300);
    c.arrive("c0", "q1", 500);
    c.answer("c0", "a1", 600);
    c.end("c0", 900); // a1: wrap-up until 10 900
    c.arrive("c1", "q1", 1_000);
    expect(c.state.agents.a2!.ringingCallId).toBe("c1");
    const d = decide(c.state, waitingCall("c2", "q1", 1_000), 1_000);
    expect(d?.agentIds).toEqual(["a3"]);
    expect(candidatesOf(d!).find((k) => k.agentId === "a1")).toMatchObject({
      verdict: "NOT_ELIGIBLE",
      reasons: ["WRAP_UP"],
      systemStatus: 0,
      rank: null,
    });
    expect(candidatesOf(d!).find((k) => k.agentId === "a2")).toMatchObject({
      verdict: "NOT_ELIGIBLE",
      reasons: ["RESERVED"],
      rank: null,
    });
  });

  it("returns null when nobody can ring, and for an unknown queue", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.agent("a2", 100, { online: false });
    c.teamQueue("q1", ["a1", "a2"], 100);
    c.teamQueue("empty", [], 100);
    expect(decide(c.state, waitingCall("x", "q1", 100), 200)).toBeNull();
    expect(decide(c.state, waitingCall("x", "empty", 100), 200)).toBeNull();
    expect(decide(c.state, waitingCall("x", "nope", 100), 200)).toBeNull();
  });

  it("only considers agents of the queue's groups", () => {
    const c = center();
    c.agent("outsider", 1);
    c.agent("a1", 100);
    c.group("other", ["outsider"], 100);
    c.teamQueue("q1", ["a1"], 100);
    const d = decide(c.state, waitingCall("x", "q1", 100), 200);
    expect(d?.agentIds).toEqual(["a1"]);
    expect(candidatesOf(d!).map((k) => k.agentId)).toEqual(["a1"]);
  });

  it("lists an agent in several of the queue's groups once", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.group("g1", ["a1", "a2"], 200);
    c.group("g2", ["a2", "a1"], 200);
    c.queue("q1", [...primary("g1"), ...primary("g2")], 200);
    const d = decide(c.state, waitingCall("x", "q1", 300), 300);
    expect(candidatesOf(d!).map((k) => k.agentId)).toEqual(["a1", "a2"]);
  });
});

describe("decide: backup groups", () => {
  /** Primary group P = p1 p2, backup group B = b1 b2 (b1 idle longest of all). */
  function staffed(opts: { routeToBackupAfterSec?: number | null } = {}) {
    const c = center();
    c.agent("b1", 10);
    c.agent("b2", 20);
    c.agent("p1", 100);
    c.agent("p2", 200);
    c.group("P", ["p1", "p2"], 200);
    c.group("B", ["b1", "b2"], 200);
    c.queue("q", [...primary("P"), ...backup("B")], 200, {
      routeToBackupAfterSec: opts.routeToBackupAfterSec ?? null,
    });
    return c;
  }

  it("holds backup agents back while a primary agent can ring: BACKUP_HELD, unranked", () => {
    const c = staffed();
    c.status("p1", "LUNCH_BREAK", 300);
    const d = decide(c.state, waitingCall("x", "q", 1_000), 1_000);
    expect(d).toMatchObject({ agentIds: ["p2"], usedBackup: false });
    expect(candidatesOf(d!).map((k) => [k.agentId, k.tier, k.verdict, k.rank, k.reasons])).toEqual([
      ["p2", "primary", "CHOSEN", 1, []],
      ["b1", "backup", "BACKUP_HELD", null, []],
      ["b2", "backup", "BACKUP_HELD", null, []],
      ["p1", "primary", "NOT_ELIGIBLE", null, ["MANUAL_NOT_AVAILABLE"]],
    ]);
  });

  it("uses backup agents when no primary agent can ring", () => {
    const c = staffed();
    c.status("p1", "LUNCH_BREAK", 300);
    c.send({ type: "agent.presence_changed", agentId: "p2", signal: "app", online: false }, 300);
    c.status("b2", "SHORT_BREAK", 300);
    const d = decide(c.state, waitingCall("x", "q", 1_000), 1_000);
    expect(d).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(candidatesOf(d!).map((k) => [k.agentId, k.tier, k.verdict, k.reasons])).toEqual([
      ["b1", "backup", "CHOSEN", []],
      ["p1", "primary", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"]],
      ["p2", "primary", "NOT_ELIGIBLE", ["OFFLINE"]],
      ["b2", "backup", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"]],
    ]);
  });

  it("opens backup groups only once the call has waited routeToBackupAfterSec", () => {
    const c = staffed({ routeToBackupAfterSec: 30 });
    c.status("p1", "LUNCH_BREAK", 300);
    c.status("p2", "LUNCH_BREAK", 300);
    const call = waitingCall("x", "q", 1_000);
    expect(decide(c.state, call, 30_999)).toBeNull();
    const d = decide(c.state, call, 31_000);
    expect(d).toMatchObject({ agentIds: ["b1"], usedBackup: true, waitedSec: 30 });
  });

  it("opens backup groups once every primary agent that can ring has missed the call; a fresh backup rings first", () => {
    const table = (d: ReturnType<typeof decide>) =>
      candidatesOf(d!).map((k) => [k.agentId, k.tier, k.verdict, k.rank, k.missedThisCall]);
    // One primary has not missed it yet: the backups are still held.
    const open = staffed();
    const partly = decide(open.state, waitingCall("x", "q", 1_000, ["p1"]), 20_000);
    expect(partly).toMatchObject({ agentIds: ["p2"], usedBackup: false });
    expect(table(partly)).toEqual([
      ["p2", "primary", "CHOSEN", 1, false],
      ["p1", "primary", "RANKED_LOWER", 2, true],
      ["b1", "backup", "BACKUP_HELD", null, false],
      ["b2", "backup", "BACKUP_HELD", null, false],
    ]);
    // Both have: every agent who can ring is in the pool, those who missed the call last.
    const all = decide(open.state, waitingCall("x", "q", 1_000, ["p2", "p1"]), 20_000);
    expect(all).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(table(all)).toEqual([
      ["b1", "backup", "CHOSEN", 1, false],
      ["b2", "backup", "RANKED_LOWER", 2, false],
      ["p1", "primary", "RANKED_LOWER", 3, true],
      ["p2", "primary", "RANKED_LOWER", 4, true],
    ]);
    // A primary who cannot ring does not hold the backups back.
    open.status("p2", "LUNCH_BREAK", 300);
    expect(decide(open.state, waitingCall("x", "q", 1_000, ["p1"]), 20_000)).toMatchObject({
      agentIds: ["b1"],
      usedBackup: true,
    });
    // Still only after routeToBackupAfterSec: until then the primaries who missed are rung again.
    const delayed = staffed({ routeToBackupAfterSec: 30 });
    const early = decide(delayed.state, waitingCall("x", "q", 1_000, ["p2", "p1"]), 30_999);
    expect(early).toMatchObject({ agentIds: ["p1"], usedBackup: false });
    expect(table(early)).toEqual([
      ["p1", "primary", "CHOSEN", 1, true],
      ["p2", "primary", "RANKED_LOWER", 2, true],
      ["b1", "backup", "BACKUP_HELD", null, false],
      ["b2", "backup", "BACKUP_HELD", null, false],
    ]);
    expect(decide(delayed.state, waitingCall("x", "q", 1_000, ["p2", "p1"]), 31_000)).toMatchObject({
      agentIds: ["b1"],
      usedBackup: true,
    });
  });

  it("an agent in a primary and a backup group counts as primary", () => {
    const c = staffed();
    c.group("B", ["b1", "p1"], 300);
    c.status("p2", "LUNCH_BREAK", 300);
    const d = decide(c.state, waitingCall("x", "q", 1_000), 1_000);
    expect(d?.agentIds).toEqual(["p1"]);
    expect(candidatesOf(d!).find((k) => k.agentId === "p1")?.tier).toBe("primary");
    expect(candidatesOf(d!).find((k) => k.agentId === "b1")?.verdict).toBe("BACKUP_HELD");
  });

  it("a queue with backup groups only rings them as soon as the backup delay allows", () => {
    const c = center();
    c.agent("b1", 10);
    c.group("B", ["b1"], 10);
    c.queue("q", backup("B"), 10, { routeToBackupAfterSec: 5 });
    expect(decide(c.state, waitingCall("x", "q", 1_000), 5_999)).toBeNull();
    expect(decide(c.state, waitingCall("x", "q", 1_000), 6_000)?.agentIds).toEqual(["b1"]);
  });
});

describe("nextEngineEvent and nextDeadline", () => {
  function ringing() {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 300, { ...PLAIN, waitAgentAnswerTimeout: 20 });
    c.arrive("c1", "q1", 1_000);
    return c;
  }

  it("nextDeadline is null for an empty or settled center", () => {
    expect(nextDeadline(emptyState())).toBeNull();
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", [], 100, PLAIN);
    c.arrive("c1", "q1", 1_000);
    expect(c.state.calls.c1).toMatchObject({ admitted: true, status: "waiting" });
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("nextDeadline is the earliest offer expiry; null again once answered", () => {
    const c = ringing();
    expect(nextDeadline(c.state)).toBe(21_000);
    c.arrive("c2", "q1", 5_000);
    expect(c.state.calls.c2!.offerExpiresAt).toBe(25_000);
    expect(nextDeadline(c.state)).toBe(21_000);
    c.answer("c1", "a1", 6_000);
    expect(nextDeadline(c.state)).toBe(25_000);
    c.answer("c2", "a2", 6_000);
    expect(nextDeadline(c.state)).toBeNull();
  });

  it("nextDeadline includes the maximum wait, wrap-up ends and backup openings, and only future ones", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("b1", 100, { available: false });
    c.group("P", ["a1"], 100);
    c.group("B", ["b1"], 100);
    c.queue("q", [...primary("P"), ...backup("B")], 100, {
      routeToBackupAfterSec: 20,
      maximumQueueWaitTime: 60,
    });
    c.arrive("c1", "q", 1_000);
    // Ringing a1: the offer expires at 16 000, the caller's maximum wait at 61 000; no backup opening while ringing.
    expect(nextDeadline(c.state)).toBe(16_000);
    c.answer("c1", "a1", 2_000);
    expect(nextDeadline(c.state)).toBeNull();
    c.arrive("c2", "q", 3_000);
    // Waiting (a1 talks): backup opens at 23 000, maximum wait at 63 000.
    expect(nextDeadline(c.state)).toBe(23_000);
    c.end("c1", 4_000);
    // a1's wrap-up ends at 14 000; a1 then goes to lunch, so c2 keeps waiting.
    expect(c.state.agents.a1!.wrapUpUntil).toBe(14_000);
    expect(nextDeadline(c.state)).toBe(14_000);
    c.status("a1", "LUNCH_BREAK", 5_000);
    c.tick(14_000);
    expect(nextDeadline(c.state)).toBe(23_000);
    c.tick(23_000);
    expect(nextDeadline(c.state)).toBe(63_000);
  });

  it("times an offer out at exactly expiresAt, not a millisecond before", () => {
    const c = ringing();
    expect(nextEngineEvent(c.state, 20_999)).toBeNull();
    expect(nextEngineEvent(c.state, 21_000)).toEqual({
      type: "call.offer_ended",
      callId: "c1",
      agentIds: ["a1"],
      reason: "TIMEOUT",
      autoNotAvailable: [],
    });
  });

  it("hands out due timers earliest first, whatever their kind", () => {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.teamQueue("q1", ["a1", "a2"], 300, { maximumQueueWaitTime: 50 });
    c.arrive("c1", "q1", 1_000); // rings a1 until 16 000
    c.answer("c1", "a1", 2_000);
    c.end("c1", 3_000); // a1 wraps up until 13 000
    c.arrive("c2", "q1", 4_000); // rings a2 until 19 000; the caller gives up at 54 000
    expect(nextEngineEvent(c.state, 60_000)).toEqual({ type: "agent.wrap_up_ended", agentId: "a1" });
    applyEvent(c.state, { type: "agent.wrap_up_ended", agentId: "a1", seq: c.state.seq + 1, at: 13_000 });
    expect(nextEngineEvent(c.state, 60_000)).toMatchObject({ type: "call.offer_ended", reason: "TIMEOUT" });
  });

  it("admits a new call before anything else: queued with its position, or turned away", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.teamQueue("q1", ["a1"], 100, { maximumQueueSize: 2 });
    c.arrive("c1", "q1", 1_000);
    const arrive = (s: CenterState, callId: string, at: number) =>
      applyEvent(s, {
        type: "call.arrived",
        callId,
        queueId: "q1",
        from: "1",
        seq: s.seq + 1,
        at,
      } as LoggedEvent);
    arrive(c.state, "c2", 2_000);
    expect(nextEngineEvent(c.state, 2_000)).toEqual({ type: "call.queued", callId: "c2", position: 2 });
    c.tick(2_000);
    arrive(c.state, "c3", 3_000);
    expect(nextEngineEvent(c.state, 3_000)).toEqual({
      type: "call.finished",
      callId: "c3",
      outcome: "rejected",
      reason: "queue full: 2 of 2 places taken",
    });
  });

  it("ends the offer of a ringing agent that stopped being eligible", () => {
    const c = ringing();
    // Applied without settling, so the withdrawal is still to be decided.
    put(c.state, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 2_000);
    expect(nextEngineEvent(c.state, 2_000)).toEqual({
      type: "call.offer_ended",
      callId: "c1",
      agentIds: ["a1"],
      reason: "AGENT_UNAVAILABLE",
      autoNotAvailable: [],
    });
  });

  it("is pure: asking does not change the state", () => {
    const c = ringing();
    c.arrive("c2", "q1", 1_000);
    c.arrive("c3", "q1", 1_000);
    const before: CenterState = clone(c.state);
    nextEngineEvent(c.state, 30_000);
    nextDeadline(c.state);
    decide(c.state, c.state.calls.c3!, 30_000);
    expect(c.state).toEqual(before);
  });

  it("offers with expiresAt = now + the queue's answer timeout", () => {
    const c = ringing();
    const offer = c.log.find((e) => e.type === "call.offered");
    expect(offer).toMatchObject({ callId: "c1", agentIds: ["a1"], expiresAt: 21_000, at: 1_000 });
  });

  it("replay of the log rebuilds the same state", () => {
    const c = ringing();
    c.tick(21_000);
    c.answer("c1", "a2", 22_000);
    expect(replay(emptyState(), c.log)).toEqual(c.state);
  });
});
