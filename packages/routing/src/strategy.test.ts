import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { candidatesOf } from "./candidate-table.ts";
import {
  agentRecord,
  type Center,
  center,
  fnv1a,
  PLAIN,
  primary,
  type QueueOverrides,
  waitingCall,
} from "./center.test-helpers.ts";
import { STRATEGIES, type Strategy } from "./queue.ts";
import { decide } from "./route.ts";
import { type KeyContext, STRATEGY_KEY, strategyKey } from "./strategy.ts";

const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({
  roster: ["a", "b", "c", "d"],
  lastOfferedIndex: -1,
  callId: "c1",
  attempt: 1,
  seed: 7,
  ...over,
});

describe("STRATEGY_KEY and strategyKey", () => {
  it("there are exactly the seven strategies of the issue, each stating its key", () => {
    expect([...STRATEGIES]).toEqual([
      "longest-idle",
      "round-robin",
      "fewest-calls",
      "least-talk-time",
      "top-down",
      "random",
      "ring-all",
    ]);
    for (const s of STRATEGIES) expect(STRATEGY_KEY[s].length, s).toBeGreaterThan(0);
  });

  it("each key reads the field its text names", () => {
    const agent: Agent = agentRecord({ id: "b", idleSince: 5_000, answeredCalls: 4, talkTimeMs: 90_000 });
    expect(strategyKey("longest-idle", agent, 1, ctx())).toBe(5_000);
    expect(strategyKey("ring-all", agent, 1, ctx())).toBe(5_000);
    expect(strategyKey("fewest-calls", agent, 1, ctx())).toBe(4);
    expect(strategyKey("least-talk-time", agent, 1, ctx())).toBe(90_000);
    expect(strategyKey("top-down", agent, 1, ctx())).toBe(1);
  });

  it("round-robin counts turns after the agent offered last, wrapping around", () => {
    const agent = (id: string) => agentRecord({ id });
    const turns = (last: number) =>
      ["a", "b", "c", "d"].map((id, i) =>
        strategyKey("round-robin", agent(id), i, ctx({ lastOfferedIndex: last })),
      );
    expect(turns(-1)).toEqual([0, 1, 2, 3]);
    expect(turns(0)).toEqual([3, 0, 1, 2]);
    expect(turns(2)).toEqual([1, 2, 3, 0]);
    expect(turns(3)).toEqual([0, 1, 2, 3]);
  });

  it("random is a stable FNV-1a hash of seed, call, attempt and agent", () => {
    const agent = agentRecord({ id: "b" });
    expect(strategyKey("random", agent, 1, ctx())).toBe(fnv1a("7|c1|1|b"));
    expect(strategyKey("random", agent, 1, ctx({ seed: 8 }))).toBe(fnv1a("8|c1|1|b"));
    expect(strategyKey("random", agent, 1, ctx({ attempt: 2 }))).toBe(fnv1a("7|c1|2|b"));
    // Known FNV-1a test vectors, so the function is FNV-1a and not merely self-consistent.
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

/** Agents s1..s4 created in that order one second apart (s1 idle longest), all free, in one group "g". */
function staff(strategy: Strategy, overrides: QueueOverrides = {}) {
  const c = center();
  for (const [i, id] of ["s1", "s2", "s3", "s4"].entries()) c.agent(id, 1_000 * (i + 1));
  c.group("g", ["s3", "s1", "s4", "s2"], 5_000);
  c.queue("q", primary("g"), 5_000, { ...PLAIN, strategy, ...overrides });
  return c;
}

const patch = (c: Center, id: string, fields: Partial<Agent>) => {
  c.state.agents[id] = { ...c.state.agents[id]!, ...fields };
};

const order = (c: Center, missedBy: string[] = []) => {
  const d = decide(c.state, waitingCall("x", "q", 9_000, missedBy), 9_000);
  return d
    ? candidatesOf(d)
        .filter((k) => k.rank !== null)
        .map((k) => `${k.agentId}:${k.key}`)
    : undefined;
};

describe("decide: each strategy's order (tie: missed this call last, then key, then lower id)", () => {
  it("longest-idle: earliest free first", () => {
    expect(order(staff("longest-idle"))).toEqual(["s1:1000", "s2:2000", "s3:3000", "s4:4000"]);
  });

  it("fewest-calls: fewest answered calls first; ties by id", () => {
    const c = staff("fewest-calls");
    patch(c, "s1", { answeredCalls: 3 });
    patch(c, "s3", { answeredCalls: 1 });
    expect(order(c)).toEqual(["s2:0", "s4:0", "s3:1", "s1:3"]);
    expect(order(c, ["s2"])).toEqual(["s4:0", "s3:1", "s1:3", "s2:0"]);
  });

  it("least-talk-time: least total talk time first", () => {
    const c = staff("least-talk-time");
    patch(c, "s1", { talkTimeMs: 30_000 });
    patch(c, "s2", { talkTimeMs: 90_000 });
    patch(c, "s3", { talkTimeMs: 0 });
    patch(c, "s4", { talkTimeMs: 30_000 });
    expect(order(c)).toEqual(["s3:0", "s1:30000", "s4:30000", "s2:90000"]);
  });

  it("top-down: the queue's groups in queue order, members in group order, whatever idle time or id", () => {
    const c = staff("top-down");
    c.agent("z0", 6_000);
    c.group("first", ["z0"], 6_000);
    c.queue("q", [...primary("first"), ...primary("g")], 6_000, { ...PLAIN, strategy: "top-down" });
    expect(order(c)).toEqual(["z0:0", "s3:1", "s1:2", "s4:3", "s2:4"]);
    expect(order(c, ["z0", "s3"])).toEqual(["s1:2", "s4:3", "s2:4", "z0:0", "s3:1"]);
  });

  it("round-robin: turns after the agent offered last, in the queue's fixed order", () => {
    const c = staff("round-robin");
    expect(order(c)).toEqual(["s3:0", "s1:1", "s4:2", "s2:3"]);
    c.state.queueRuntime.q = { ...c.state.queueRuntime.q!, lastOfferedAgentId: "s1" };
    expect(order(c)).toEqual(["s4:0", "s2:1", "s3:2", "s1:3"]);
    // An agent no longer in the queue's groups: start from the top again.
    c.state.queueRuntime.q = { ...c.state.queueRuntime.q!, lastOfferedAgentId: "gone" };
    expect(order(c)).toEqual(["s3:0", "s1:1", "s4:2", "s2:3"]);
  });

  it("random: by the seeded hash", () => {
    const c = staff("random", { randomSeed: 42 });
    const expected = ["s1", "s2", "s3", "s4"]
      .map((id) => ({ id, key: fnv1a(`42|x|1|${id}`) }))
      .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1))
      .map(({ id, key }) => `${id}:${key}`);
    expect(order(c)).toEqual(expected);
  });

  it("ring-all: everyone who can ring is chosen, listed longest idle first", () => {
    const c = staff("ring-all");
    const d = decide(c.state, waitingCall("x", "q", 9_000, ["s1"]), 9_000);
    expect(d?.agentIds).toEqual(["s2", "s3", "s4", "s1"]);
    expect(candidatesOf(d!).every((k) => k.verdict === "CHOSEN")).toBe(true);
  });

  it("every strategy ranks an agent that missed this call after one that did not, whatever the key", () => {
    for (const strategy of STRATEGIES) {
      const c = staff(strategy, { randomSeed: 3 });
      const first = decide(c.state, waitingCall("x", "q", 9_000), 9_000)!.agentIds[0]!;
      const d = decide(c.state, waitingCall("x", "q", 9_000, [first]), 9_000)!;
      expect(candidatesOf(d).find((k) => k.agentId === first)?.rank, strategy).toBe(4);
      expect(candidatesOf(d).at(3), strategy).toMatchObject({ agentId: first, missedThisCall: true });
    }
  });
});

/** Sends `n` calls into q one after another; each is answered by whoever rings and ended at once. */
function serve(c: Center, n: number, start: number, talkMs: (agentId: string) => number = () => 1_000) {
  const chosen: string[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    const id = `call${start}-${i}`;
    c.arrive(id, "q", t);
    const agentId = c.state.calls[id]!.ringing[0]!;
    chosen.push(agentId);
    c.answer(id, agentId, t + 1);
    t += 1 + talkMs(agentId);
    c.end(id, t);
    t += 1_000;
  }
  return chosen;
}

describe("strategies across calls (through step)", () => {
  it("round-robin: the cursor continues from call to call, and skips an agent that cannot ring", () => {
    const c = staff("round-robin");
    expect(serve(c, 5, 10_000)).toEqual(["s3", "s1", "s4", "s2", "s3"]);
    c.status("s4", "LUNCH_BREAK", 100_000);
    // Last offered s3; s1 next, then s4 is skipped, then s2.
    expect(serve(c, 3, 200_000)).toEqual(["s1", "s2", "s3"]);
    // Re-offers move the cursor too: s1 misses (timeout), s2 rings next for the same call.
    c.arrive("miss", "q", 300_000);
    expect(c.state.calls.miss!.ringing).toEqual(["s1"]);
    c.tick(315_000);
    expect(c.state.calls.miss!.ringing).toEqual(["s2"]);
    expect(c.state.queueRuntime.q!.lastOfferedAgentId).toBe("s2");
  });

  it("fewest-calls: calls spread to whoever has answered the fewest", () => {
    const c = staff("fewest-calls");
    // 0,0,0,0 → s1 (id); then s2, s3, s4; then everyone has 1 → s1 again.
    expect(serve(c, 6, 10_000)).toEqual(["s1", "s2", "s3", "s4", "s1", "s2"]);
    expect(["s1", "s2", "s3", "s4"].map((id) => c.state.agents[id]!.answeredCalls)).toEqual([2, 2, 1, 1]);
  });

  it("least-talk-time: the next call goes to whoever has talked least", () => {
    const c = staff("least-talk-time");
    const talk: Record<string, number> = { s1: 50_000, s2: 10_000, s3: 30_000, s4: 5_000 };
    const chosen = serve(c, 6, 10_000, (id) => talk[id]!);
    // 0s for all → s1 (50 s); s2 (10 s); s3 (30 s); s4 (5 s); then s4 (least: 5 s → 10 s); then s2 and s4 tie at 10 s → s2.
    expect(chosen).toEqual(["s1", "s2", "s3", "s4", "s4", "s2"]);
    expect(c.state.agents.s4!.talkTimeMs).toBe(10_000);
  });

  it("top-down: always the first agent in the fixed order who can ring", () => {
    const c = staff("top-down");
    expect(serve(c, 3, 10_000)).toEqual(["s3", "s3", "s3"]);
    c.arrive("busy", "q", 100_000); // s3 rings
    c.arrive("next", "q", 100_001);
    expect(c.state.calls.next!.ringing).toEqual(["s1"]);
  });

  it("random: reproducible from the seed, different for another seed, and fair enough to reach everyone", () => {
    const run = (seed: number) => serve(staff("random", { randomSeed: seed }), 40, 10_000);
    const a = run(1);
    expect(run(1)).toEqual(a);
    const b = run(2);
    expect(b).not.toEqual(a);
    for (const picks of [a, b]) expect(new Set(picks)).toEqual(new Set(["s1", "s2", "s3", "s4"]));
  });
});
