import { describe, expect, it } from "vitest";
import { backup, center, primary } from "./center.test-helpers.ts";
import { summarizeQueue, summarizeQueues } from "./queue-summary.ts";
import { emptyOutcomes } from "./state.ts";

describe("summarizeQueue", () => {
  it("counts waiting, ringing and talking calls, the longest wait, ringable members, wrap-ups and outcomes", () => {
    const c = center();
    c.agent("a", 0);
    c.agent("b", 0);
    c.agent("c", 0, { online: false, available: false });
    c.agent("d", 0, { online: false });
    c.group("team", ["a", "b", "c"], 0);
    // c is in both groups: one member, counted once.
    c.group("spare", ["c", "d"], 0);
    c.queue("q", [...primary("team"), ...backup("spare")], 0);

    expect(summarizeQueue(c.state, "q", 0)).toEqual({
      queueId: "q",
      waiting: 0,
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      eligible: 2,
      members: 4,
      wrapUp: [],
      outcomes: emptyOutcomes(),
    });
    c.arrive("c1", "q", 1_000); // rings a
    c.answer("c1", "a", 2_000);
    c.arrive("c2", "q", 3_000); // rings b
    c.arrive("c3", "q", 4_000); // waits: nobody else can ring
    expect(summarizeQueue(c.state, "q", 10_000)).toEqual({
      queueId: "q",
      waiting: 1,
      ringing: 1,
      talking: 1,
      longestWaitMs: 7_000,
      eligible: 0,
      members: 4,
      wrapUp: [],
      outcomes: { ...emptyOutcomes(), answered: 1 },
    });

    // a hangs up: 10 s of after-call work (PCC's default) before it can ring again.
    c.end("c1", 11_000);
    expect(summarizeQueue(c.state, "q", 12_000)).toMatchObject({
      waiting: 1,
      ringing: 1,
      talking: 0,
      longestWaitMs: 9_000,
      eligible: 0,
      wrapUp: [{ agentId: "a", until: 21_000 }],
    });
    c.answer("c2", "b", 13_000);
    c.end("c2", 14_000);
    // Soonest free first.
    expect(summarizeQueue(c.state, "q", 15_000)).toMatchObject({
      waiting: 1,
      ringing: 0,
      talking: 0,
      longestWaitMs: 11_000,
      wrapUp: [
        { agentId: "a", until: 21_000 },
        { agentId: "b", until: 24_000 },
      ],
      outcomes: { ...emptyOutcomes(), answered: 2 },
    });
    // a's wrap-up ends and it rings for c3 at once.
    c.tick(21_000);
    expect(summarizeQueue(c.state, "q", 21_000)).toMatchObject({
      waiting: 0,
      ringing: 1,
      eligible: 0,
      wrapUp: [{ agentId: "b", until: 24_000 }],
    });
    c.abandon("c3", 22_000);
    c.tick(24_000);
    expect(summarizeQueue(c.state, "q", 24_000)).toEqual({
      queueId: "q",
      waiting: 0,
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      eligible: 2,
      members: 4,
      wrapUp: [],
      outcomes: { ...emptyOutcomes(), answered: 2, abandoned: 1 },
    });
    expect(summarizeQueue(c.state, "unknown", 10_000)).toMatchObject({
      members: 0,
      outcomes: emptyOutcomes(),
    });
    expect(summarizeQueue(c.state, "toString", 10_000).members).toBe(0);
  });

  it("does not count a call before the engine admitted it, nor a call the engine turned away", () => {
    const c = center();
    c.agent("a", 0, { available: false });
    c.teamQueue("q", ["a"], 0, { maximumQueueSize: 1 });
    c.arrive("c1", "q", 1_000);
    c.arrive("c2", "q", 2_000); // rejected: queue full
    expect(summarizeQueue(c.state, "q", 3_000)).toMatchObject({
      waiting: 1,
      longestWaitMs: 2_000,
      outcomes: { ...emptyOutcomes(), rejected: 1 },
    });
  });

  it("summarizes many queues in one pass, each with its own calls only", () => {
    const c = center();
    c.agent("a", 0);
    c.agent("b", 0);
    c.teamQueue("q", ["a"], 0);
    c.teamQueue("r", ["b"], 0);
    c.arrive("c1", "q", 1_000); // rings a
    c.arrive("c2", "r", 2_000); // rings b
    c.arrive("c3", "r", 3_000); // waits behind it
    const all = summarizeQueues(c.state, ["r", "q", "r", "unknown"], 5_000);
    expect([...all.keys()]).toEqual(["r", "q", "unknown"]);
    expect(all.get("q")).toMatchObject({ waiting: 0, ringing: 1, longestWaitMs: 4_000, members: 1 });
    expect(all.get("r")).toMatchObject({ waiting: 1, ringing: 1, longestWaitMs: 3_000, members: 1 });
    expect(all.get("unknown")).toMatchObject({ waiting: 0, ringing: 0, members: 0 });
    for (const id of ["q", "r"]) expect(summarizeQueue(c.state, id, 5_000)).toEqual(all.get(id));
  });
});
