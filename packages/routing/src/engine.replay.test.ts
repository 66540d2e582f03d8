// Determinism and robustness: the same inputs give the same log, the log rebuilds the state, any id is safe.
import { describe, expect, it } from "vitest";
import { backup, center, clone, isTimerEvent, offers, primary, rerunLog } from "./center.test-helpers.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent } from "./events.ts";
import { emptyOutcomes, emptyState, own } from "./state.ts";

describe("step: determinism", () => {
  it("is deterministic and replayable: the same inputs give the same log, and the log rebuilds the state", () => {
    const run = () => {
      const c = center();
      c.agent("a1", 100);
      c.agent("a2", 200);
      c.agent("a3", 300, { profile: { routingType: 2, phoneNumber: "+84912345678" } });
      c.group("g1", ["a1", "a2"], 300);
      c.group("g2", ["a3"], 300);
      c.queue("q1", [...primary("g1"), ...backup("g2")], 300, {
        waitAgentAnswerTimeout: 5,
        routeToBackupAfterSec: 3,
      });
      c.queue("q2", primary("g2"), 300, { waitAgentAnswerTimeout: 5, strategy: "ring-all" });
      c.arrive("c1", "q1", 1_000);
      c.arrive("c2", "q2", 1_100);
      c.arrive("c3", "q1", 1_200);
      c.tick(6_000);
      // c3's offer expired at 6 200: the tick (as the live core makes before every batch) re-offers it
      // at 6 500, and the answer goes to whoever rings then.
      c.tick(6_500);
      c.answer("c3", c.state.calls.c3!.ringing[0] ?? "?", 6_500);
      c.status("a1", "SHORT_BREAK", 7_000);
      c.tick(20_000);
      c.end("c3", 21_000);
      c.tick(90_000);
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
    // Re-running the inputs, with the ticks the log shows (and the last one), gives back every engine event.
    const again = emptyState();
    expect(rerunLog(again, one.log, 90_000)).toEqual(one.log);
    expect(again).toEqual(one.state);
    // The run did route at ticks of its own, and fired timers at their deadlines: both were reproduced.
    expect(one.log.some((e) => e.type === "call.offered" && e.at === 6_500)).toBe(true);
    expect(one.log.filter((e) => isTimerEvent(e)).length).toBeGreaterThan(5);
  });
});

describe("step: ids that are also names on Object.prototype", () => {
  it("never throws and never poisons the state", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q1", ["a1"], 100);
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      const before = clone(c.state);
      for (const event of [
        { type: "agent.presence_changed", agentId: name, signal: "app", online: true },
        { type: "call.arrived", callId: "c1", queueId: name, from: "1" },
        { type: "call.ended", callId: name },
        { type: "agent.wrap_up_ended", agentId: name },
        { type: "group.upserted", group: { id: "g2", name: "G", members: [name] } },
        {
          type: "queue.upserted",
          queue: { ...c.state.queues.q1!, id: "q2", groups: primary(name) },
        },
      ] satisfies DomainEvent[]) {
        expect(step(c.state, event, 1_000).ok, `${event.type} ${name}`).toBe(false);
      }
      expect(c.state).toEqual(before);
    }
    // The center still routes afterwards.
    expect(offers(c.arrive("constructor", "q1", 2_000))).toEqual(["offered constructor→a1"]);
  });

  it("routes an agent, a group and a queue named like Object.prototype members, and counts their outcomes", () => {
    const c = center();
    c.agent("toString", 100);
    c.agent("constructor", 200);
    c.group("__defineGetter__", ["constructor", "toString"], 200);
    c.queue("valueOf", primary("__defineGetter__"), 200);
    expect(offers(c.arrive("hasOwnProperty", "valueOf", 1_000))).toEqual(["offered hasOwnProperty→toString"]);
    expect(offers(c.tick(16_000))).toEqual([
      "TIMEOUT hasOwnProperty←toString",
      "offered hasOwnProperty→constructor",
    ]);
    c.answer("hasOwnProperty", "constructor", 17_000);
    expect(own(c.state.queueRuntime, "valueOf")).toEqual({
      lastOfferedAgentId: "constructor",
      outcomes: { ...emptyOutcomes(), answered: 1 },
    });
    expect(replay(emptyState(), c.log)).toEqual(c.state);
  });
});
