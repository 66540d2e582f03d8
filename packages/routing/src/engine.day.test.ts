import { describe, expect, it } from "vitest";
import type { AgentProfile } from "./agent.ts";
import { applyEvent } from "./apply.ts";
import type { Call } from "./call.ts";
import {
  backup,
  clone,
  HOUR,
  isInputEvent,
  isTimerEvent,
  MONDAY_0900_HCM,
  primary,
  queueConfig,
  rerunLog,
} from "./center.test-helpers.ts";
import { type CenterIndex, centerIndex } from "./center-index.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent, InputEvent, LoggedEvent } from "./events.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { nextDeadline } from "./route.ts";
import { type CenterState, emptyState } from "./state.ts";

/**
 * A synthetic working day, generated from a seeded PRNG: 20 agents in 4 groups, 3 queues with
 * different strategies (random, ring-all, round-robin), backup groups, wrap-up, maximum waits, a
 * queue with business hours, a mid-day change of settings, and at least 20 000 input events.
 */

/** mulberry32: a tiny seeded PRNG, so the day is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INPUTS = 20_000;
/** Monday 07:30 in Ho Chi Minh City: billing opens at 08:00 and closes at 17:00. */
const DAY_START = MONDAY_0900_HCM - 1.5 * HOUR;
const AGENTS = Array.from({ length: 20 }, (_, i) => `a${String(i + 1).padStart(2, "0")}`);

function setup(): InputEvent[] {
  const events: InputEvent[] = [];
  for (const [i, id] of AGENTS.entries()) {
    const phone = i >= 18; // a19, a20 ring their phone
    const agent: AgentProfile = {
      id,
      name: `Agent ${id}`,
      phoneNumber: phone ? `8491234${String(5000 + i)}` : null,
      routingType: phone ? 2 : 1,
    };
    events.push({ type: "agent.upserted", agent });
    if (!phone) {
      events.push(
        i % 3 === 0
          ? { type: "agent.presence_changed", agentId: id, signal: "sip", online: true }
          : { type: "agent.presence_changed", agentId: id, signal: "app", online: true },
      );
    }
    events.push({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" });
  }
  const group = (id: string, members: string[]): InputEvent => ({
    type: "group.upserted",
    group: { id, name: id, members },
  });
  events.push(
    group("sales", AGENTS.slice(0, 6)),
    group("support", AGENTS.slice(6, 13)),
    group("billing", AGENTS.slice(13, 17)),
    group("overflow", ["a18", "a19", "a20", "a01", "a07"]),
    {
      type: "queue.upserted",
      queue: queueConfig("sales", [...primary("sales"), ...backup("overflow")], {
        strategy: "random",
        randomSeed: 42,
        waitAgentAnswerTimeout: 12,
        routeToBackupAfterSec: 20,
        maximumQueueWaitTime: 90,
        maximumQueueSize: 8,
      }),
    },
    {
      type: "queue.upserted",
      queue: queueConfig("support", [...primary("support"), ...backup("overflow")], {
        strategy: "ring-all",
        waitAgentAnswerTimeout: 10,
        wrapUpTimeLimit: 5,
        maximumQueueSize: 6,
        maxConsecutiveMisses: 3,
      }),
    },
    {
      type: "queue.upserted",
      queue: queueConfig("billing", [...primary("billing"), ...backup("sales")], {
        strategy: "round-robin",
        routeToBackupAfterSec: 30,
        wrapUpTimeLimit: 15,
        maximumQueueWaitTime: 120,
        schedule: {
          kind: "business-hours",
          timeZone: "Asia/Ho_Chi_Minh",
          hours: [{ days: [1, 2, 3, 4, 5], open: "08:00", close: "17:00" }],
        },
      }),
    },
  );
  return events;
}

/** Lives the day: ticks the clock before each input (so choices see the timers), answers who is ringing, … */
function liveDay(): { state: CenterState; log: LoggedEvent[]; inputs: number } {
  const random = prng(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const state = emptyState();
  const log: LoggedEvent[] = [];
  const send = (event: DomainEvent | null, at: number) => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${event?.type}: ${result.rejection.code} ${result.rejection.message}`);
    log.push(...result.applied);
  };
  let t = DAY_START;
  for (const event of setup()) send(event, t);
  let inputs = 0;
  let callNo = 0;
  let reconfigured = false;
  const byStatus = (status: Call["status"]) => Object.values(state.calls).filter((c) => c.status === status);

  while (inputs < INPUTS) {
    t += Math.floor(random() * 3_700);
    send(null, t); // let every timer due by now happen first, so the choice below sees the real state
    let event: InputEvent | null = null;
    if (!reconfigured && t >= MONDAY_0900_HCM + 3 * HOUR) {
      // Noon: sales switches to least talk time; overflow loses a01 and gains a14.
      reconfigured = true;
      send({ type: "queue.upserted", queue: { ...state.queues.sales!, strategy: "least-talk-time" } }, t);
      event = {
        type: "group.upserted",
        group: { id: "overflow", name: "overflow", members: ["a18", "a19", "a20", "a07", "a14"] },
      };
    }
    const roll = random() * 100;
    const ringing = byStatus("ringing");
    const talking = byStatus("talking");
    const peak = t >= MONDAY_0900_HCM + HOUR && t < MONDAY_0900_HCM + 2 * HOUR; // 10:00–11:00
    if (event !== null) {
      // already chosen
    } else if (roll < (peak ? 36 : 24)) {
      const r = random();
      const queueId = r < 0.45 ? "sales" : r < 0.8 ? "support" : "billing";
      event = {
        type: "call.arrived",
        callId: `call-${++callNo}`,
        queueId,
        from: `8490${1_000_000 + callNo}`,
      };
    } else if (roll < 50 && ringing.length > 0) {
      const call = pick(ringing);
      event = { type: "call.answered", callId: call.id, agentId: pick(call.ringing) };
    } else if (roll < 74 && talking.length > 0) {
      event = { type: "call.ended", callId: pick(talking).id };
    } else if (roll < 78 && ringing.length + byStatus("waiting").length > 0) {
      event = { type: "call.abandoned", callId: pick([...ringing, ...byStatus("waiting")]).id };
    } else if (roll < 90) {
      const agent = state.agents[pick(AGENTS)]!;
      const goesAway = agent.manualStatus === "AVAILABLE" ? random() < 0.35 : random() < 0.1;
      const status =
        agent.manualStatus === "AVAILABLE"
          ? goesAway
            ? pick(MANUAL_STATUSES.slice(1))
            : "AVAILABLE"
          : goesAway
            ? agent.manualStatus
            : "AVAILABLE";
      event = { type: "agent.manual_status_set", agentId: agent.id, status };
    } else if (roll < 97) {
      const agent = state.agents[pick(AGENTS)]!;
      const signal = random() < 0.5 ? "app" : "sip";
      const online = agent.presence[signal] ? random() < 0.6 : random() < 0.9;
      event = { type: "agent.presence_changed", agentId: agent.id, signal, online };
    } else if (roll < 99.5) {
      event = {
        type: "agent.push_token_changed",
        agentId: pick(AGENTS),
        token: pick(["ios", "android"]),
        registered: random() < 0.6,
      };
    } else {
      const id = pick(AGENTS);
      const agent = state.agents[id]!;
      event = {
        type: "agent.upserted",
        agent: { id, name: `${agent.name}'`, phoneNumber: agent.phoneNumber, routingType: agent.routingType },
      };
    }
    send(event, t);
    inputs++;
  }
  return { state, log, inputs };
}

/** What the index holds that must match a fresh build (dirty queues and suspects may be conservative). */
function comparable(index: CenterIndex) {
  return {
    unadmitted: [...index.unadmitted],
    waiting: Object.fromEntries([...index.waiting].filter(([, line]) => line.length > 0)),
    queued: Object.fromEntries([...index.queued].filter(([, n]) => n > 0)),
    memberships: index.memberships,
    tables: index.tables,
    ringable: index.ringable,
  };
}

/** Compares two logs event by event (fast), then shows a readable diff of the first difference. */
function expectSameLog(actual: readonly LoggedEvent[], expected: readonly LoggedEvent[]): void {
  const first = expected.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(actual[i]));
  if (first >= 0) expect(actual[first], `first difference at index ${first}`).toEqual(expected[first]);
  expect(actual.length).toBe(expected.length);
}

describe("a long simulated day", () => {
  it("replays to the same state and re-running its inputs reproduces every engine event", {
    timeout: 120_000,
  }, () => {
    const { state, log, inputs } = liveDay();
    expect(inputs).toBe(INPUTS);
    const inputEvents = log.filter(isInputEvent);
    expect(inputEvents.length).toBeGreaterThanOrEqual(INPUTS);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));

    // The day exercised what it is meant to.
    const count = (predicate: (e: LoggedEvent) => boolean) => log.filter(predicate).length;
    const offered = log.filter(
      (e): e is Extract<LoggedEvent, { type: "call.offered" }> => e.type === "call.offered",
    );
    expect(offered.length).toBeGreaterThan(1_000);
    expect(offered.filter((e) => e.agentIds.length > 1).length).toBeGreaterThan(100); // ring-all
    expect(offered.filter((e) => e.decision.usedBackup).length).toBeGreaterThan(10);
    expect(new Set(offered.map((e) => e.decision.strategy))).toEqual(
      new Set(["random", "ring-all", "round-robin", "least-talk-time"]),
    );
    for (const outcome of ["closed", "timed_out", "rejected"]) {
      expect(
        count((e) => e.type === "call.finished" && e.outcome === outcome),
        outcome,
      ).toBeGreaterThan(0);
    }
    // Billing was closed before 08:00 and after 17:00, and open in between.
    const queueOf = new Map(
      log.flatMap((e) => (e.type === "call.arrived" ? [[e.callId, e.queueId] as const] : [])),
    );
    const billing = (what: "closed" | "queued", from: number, to: number) =>
      count((e) => {
        if (e.at < from || e.at >= to) return false;
        const hit =
          what === "closed" ? e.type === "call.finished" && e.outcome === "closed" : e.type === "call.queued";
        return hit && "callId" in e && queueOf.get(e.callId) === "billing";
      });
    const opening = MONDAY_0900_HCM - HOUR;
    const closing = MONDAY_0900_HCM + 8 * HOUR;
    expect(log.at(-1)!.at).toBeGreaterThan(closing);
    expect(billing("closed", DAY_START, opening)).toBeGreaterThan(0);
    expect(billing("queued", DAY_START, opening)).toBe(0);
    expect(billing("closed", opening, closing)).toBe(0);
    expect(billing("queued", opening, closing)).toBeGreaterThan(0);
    expect(billing("closed", closing, Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(billing("queued", closing, Number.POSITIVE_INFINITY)).toBe(0);
    expect(count((e) => e.type === "agent.wrap_up_ended")).toBeGreaterThan(1_000);
    expect(count((e) => e.type === "call.offer_ended" && e.reason === "TIMEOUT")).toBeGreaterThan(100);
    expect(count((e) => e.type === "call.offer_ended" && e.reason === "AGENT_UNAVAILABLE")).toBeGreaterThan(
      10,
    );
    expect(count((e) => e.type === "call.offer_ended" && e.autoNotAvailable.length > 0)).toBeGreaterThan(0);

    // (a) Recovery: folding the log rebuilds the live state exactly.
    expect(replay(emptyState(), log)).toEqual(state);

    // Offers, admissions and withdrawals are made at the time of the step that makes them (every step
    // of this day is at an input's time), never at a deadline that fell between two steps; only timers
    // carry their own deadline. Many were made by the bare tick before an input: a re-run needs it too.
    const stepTimes = new Set(log.filter(isInputEvent).map((e) => e.at));
    expect(count((e) => !isTimerEvent(e) && !stepTimes.has(e.at))).toBe(0);
    expect(count((e) => isTimerEvent(e) && !stepTimes.has(e.at))).toBeGreaterThan(1_000);
    let lastInputAt = Number.NEGATIVE_INFINITY;
    let routedByTicks = 0;
    for (const e of log) {
      if (isInputEvent(e)) lastInputAt = e.at;
      else if (!isTimerEvent(e) && e.at > lastInputAt) routedByTicks++;
    }
    expect(routedByTicks, "engine events made by the live run's bare ticks").toBeGreaterThan(100);

    // (b) Determinism: the inputs at their logged times, with a bare tick where the log shows the engine
    // routing on its own, give back every engine event: the same decisions, seqs and times.
    const again = emptyState();
    expectSameLog(rerunLog(again, log), log);
    expect(again).toEqual(state);

    // (d) The engine's index, kept current event by event, always equals one built afresh from the
    // state: incremental upkeep never drifts (checked every 25 events of the day).
    const folded = emptyState();
    for (const [i, e] of log.entries()) {
      centerIndex(folded); // rebuilt here after configuration changes drop it
      applyEvent(folded, e);
      if (i % 25 === 0 || i === log.length - 1) {
        expect(comparable(centerIndex(folded)), `after event ${i}`).toEqual(
          comparable(centerIndex(clone(folded))),
        );
        // …and so do its timers: the next wake-up is the same as a fresh build's.
        expect(nextDeadline(folded), `next deadline after event ${i}`).toBe(nextDeadline(clone(folded)));
      }
    }

    // (c) Restart mid-day while calls ring and agents wrap up: rebuild from the log, carry on with the
    // remaining inputs, and every timer resumes where it was — the same events, none lost or doubled.
    const restored = emptyState();
    let cut = -1;
    for (const [i, e] of log.entries()) {
      if (i >= log.length / 2 && isInputEvent(e)) {
        const calls = Object.values(restored.calls);
        const wrapping = Object.values(restored.agents).some((a) => a.wrapUpUntil !== null);
        if (
          calls.some((c) => c.status === "ringing") &&
          calls.some((c) => c.status === "waiting") &&
          wrapping
        ) {
          cut = i;
          break;
        }
      }
      applyEvent(restored, e);
    }
    expect(cut).toBeGreaterThan(0);
    const resumed = [...log.slice(0, cut), ...rerunLog(restored, log.slice(cut))];
    expectSameLog(resumed, log);
    expect(restored).toEqual(state);
  });
});
