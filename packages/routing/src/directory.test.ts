import { describe, expect, it } from "vitest";
import { center, clone, primary, profile, queueConfig } from "./center.test-helpers.ts";
import { checkEvent } from "./check.ts";
import { membersAfter } from "./directory.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent } from "./events.ts";
import { emptyState } from "./state.ts";

/** a1 a2 a3 (Available, online); g1 = a1 a2 routed by q1; g2 = a3, routed by nothing. */
function world() {
  const c = center();
  for (const id of ["a1", "a2", "a3"]) c.agent(id, 100);
  c.group("g1", ["a1", "a2"], 100);
  c.group("g2", ["a3"], 100);
  c.queue("q1", primary("g1"), 100);
  return c;
}

const refusal = (c: ReturnType<typeof world>, event: DomainEvent) => {
  const before = clone(c.state);
  const result = step(c.state, event, c.state.clock);
  // A refused input changes nothing but the timers that fell due (none here).
  expect(c.state).toEqual(before);
  return result.ok ? null : result.rejection;
};

describe("record versions", () => {
  it("are the seq of each record's last configuration change, not of its live state", () => {
    const c = world();
    const { versions } = c.state;
    const upsertSeq = c.log.find((e) => e.type === "agent.upserted" && e.agent.id === "a1")!.seq;
    expect(versions.agents.a1).toBe(upsertSeq);
    c.status("a1", "LUNCH_BREAK", 150);
    expect(c.state.versions.agents.a1).toBe(upsertSeq);
    const [renamed] = c.send(
      { type: "group.upserted", group: { id: "g1", name: "G", members: ["a1"] } },
      160,
    );
    expect(c.state.versions.groups.g1).toBe(renamed!.seq);
    const [q] = c.send({ type: "queue.upserted", queue: queueConfig("q1", primary("g1")) }, 170);
    expect(c.state.versions.queues.q1).toBe(q!.seq);
  });

  it("ifVersion 0 creates only: an id in use is refused (a duplicate stringee_user_id)", () => {
    const c = world();
    expect(refusal(c, { type: "agent.upserted", agent: profile("a1"), ifVersion: 0 })).toEqual({
      code: "CONFLICT",
      message: 'agent "a1" already exists',
    });
    expect(
      refusal(c, { type: "group.upserted", group: { id: "g1", name: "x", members: [] }, ifVersion: 0 }),
    ).toMatchObject({ code: "CONFLICT", message: 'group "g1" already exists' });
    expect(
      refusal(c, { type: "queue.upserted", queue: queueConfig("q1", primary("g1")), ifVersion: 0 }),
    ).toMatchObject({ code: "CONFLICT", message: 'queue "q1" already exists' });
    c.send({ type: "agent.upserted", agent: profile("a9"), ifVersion: 0 }, 200);
    expect(c.state.agents.a9).toBeDefined();
  });

  it("an edit made from an older version is refused, from the current one applied (two admins, one queue)", () => {
    const c = world();
    const opened = c.state.versions.queues.q1!;
    // The first admin saves: the queue moves to a new version.
    c.send(
      {
        type: "queue.upserted",
        queue: queueConfig("q1", primary("g1"), { waitAgentAnswerTimeout: 20 }),
        ifVersion: opened,
      },
      150,
    );
    // The second admin, who opened the same version, is refused: the first one's change stands.
    const second = refusal(c, {
      type: "queue.upserted",
      queue: queueConfig("q1", primary("g1"), { waitAgentAnswerTimeout: 30 }),
      ifVersion: opened,
    });
    expect(second?.code).toBe("CONFLICT");
    expect(second?.message).toMatch(/queue "q1" was changed by someone else/);
    expect(c.state.queues.q1?.waitAgentAnswerTimeout).toBe(20);
    const stale: [string, DomainEvent][] = [
      ["agent", { type: "agent.upserted", agent: profile("a1"), ifVersion: 9999 }],
      ["group", { type: "group.upserted", group: { id: "g2", name: "x", members: [] }, ifVersion: 9999 }],
      ["agent", { type: "agent.removed", agentId: "a3", ifVersion: 9999 }],
      ["group", { type: "group.removed", groupId: "g2", ifVersion: 9999 }],
      ["queue", { type: "queue.removed", queueId: "q1", ifVersion: 9999 }],
    ];
    for (const [kind, event] of stale) {
      expect(refusal(c, event)?.message, kind).toMatch(
        new RegExp(`^${kind} ".*" was changed by someone else`),
      );
    }
  });

  it("an edit of a record that no longer exists names it; a version that is no number is invalid", () => {
    const c = world();
    expect(refusal(c, { type: "agent.upserted", agent: profile("gone"), ifVersion: 4 })).toMatchObject({
      code: "UNKNOWN_AGENT",
    });
    expect(
      refusal(c, { type: "group.upserted", group: { id: "gone", name: "x", members: [] }, ifVersion: 4 }),
    ).toMatchObject({ code: "UNKNOWN_GROUP" });
    expect(
      refusal(c, { type: "queue.upserted", queue: queueConfig("gone", primary("g1")), ifVersion: 4 }),
    ).toMatchObject({ code: "UNKNOWN_QUEUE" });
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(refusal(c, { type: "agent.upserted", agent: profile("a1"), ifVersion: bad })?.code).toBe(
        "INVALID",
      );
    }
  });

  it("replay rebuilds the same versions as the live fold", () => {
    const c = world();
    c.send({ type: "group.members_changed", changes: [{ groupId: "g2", add: ["a1"], remove: [] }] }, 150);
    c.send({ type: "agent.removed", agentId: "a2" }, 160);
    expect(replay(emptyState(), c.log).versions).toEqual(c.state.versions);
  });
});

describe("a new agent's initial manual status", () => {
  it("is the one given, or Not available; an existing agent's status is left alone", () => {
    const c = center();
    c.send({ type: "agent.upserted", agent: profile("a1"), initialManualStatus: "AVAILABLE" }, 100);
    c.send({ type: "agent.upserted", agent: profile("a2") }, 100);
    expect(c.state.agents.a1?.manualStatus).toBe("AVAILABLE");
    expect(c.state.agents.a2?.manualStatus).toBe("NOT_AVAILABLE");
    c.send(
      { type: "agent.upserted", agent: profile("a2", { name: "New" }), initialManualStatus: "AVAILABLE" },
      110,
    );
    expect(c.state.agents.a2).toMatchObject({ name: "New", manualStatus: "NOT_AVAILABLE" });
    expect(
      checkEvent(c.state, {
        type: "agent.upserted",
        agent: profile("a3"),
        initialManualStatus: "NAP" as never,
      }),
    ).toMatchObject({ code: "INVALID" });
  });
});

describe("agent.removed", () => {
  it("removes the agent from the center and from every group, as one event", () => {
    const c = world();
    c.send({ type: "group.members_changed", changes: [{ groupId: "g2", add: ["a1"], remove: [] }] }, 150);
    const [removed] = c.send({ type: "agent.removed", agentId: "a1" }, 160);
    expect(c.state.agents.a1).toBeUndefined();
    expect(c.state.versions.agents.a1).toBeUndefined();
    expect(c.state.groups.g1?.members).toEqual(["a2"]);
    expect(c.state.groups.g2?.members).toEqual(["a3"]);
    expect(c.state.versions.groups.g1).toBe(removed!.seq);
    expect(c.state.versions.groups.g2).toBe(removed!.seq);
    // The agent may be created again (its id is free), and routing goes on without it.
    c.send({ type: "agent.upserted", agent: profile("a1"), ifVersion: 0 }, 170);
    c.arrive("c1", "q1", 180);
    expect(c.state.calls.c1?.ringing).toEqual(["a2"]);
  });

  it("is refused while the agent rings, talks or wraps up, and for an unknown agent", () => {
    const c = world();
    c.send(
      {
        type: "queue.upserted",
        queue: queueConfig("q1", primary("g1"), {
          agentWrapUpAfterCalls: true,
          wrapUpTimeLimit: 30,
          strategy: "top-down",
        }),
      },
      100,
    );
    c.arrive("c1", "q1", 110);
    expect(c.state.agents.a1?.ringingCallId).toBe("c1");
    const onCall = /agent "a1" is on a call \(ringing, talking or in wrap-up\); remove them when it is over/;
    expect(refusal(c, { type: "agent.removed", agentId: "a1" })?.message).toMatch(onCall);
    c.answer("c1", "a1", 120);
    expect(refusal(c, { type: "agent.removed", agentId: "a1" })?.message).toMatch(onCall);
    c.end("c1", 130);
    expect(c.state.agents.a1?.wrapUpUntil).not.toBeNull();
    expect(refusal(c, { type: "agent.removed", agentId: "a1" })?.code).toBe("CONFLICT");
    c.tick(31_000);
    c.send({ type: "agent.removed", agentId: "a1" }, 31_000);
    expect(refusal(c, { type: "agent.removed", agentId: "a1" })).toMatchObject({ code: "UNKNOWN_AGENT" });
  });
});

describe("group.removed", () => {
  it("is refused while a queue routes to the group, naming every such queue", () => {
    const c = world();
    c.send(
      { type: "queue.upserted", queue: { ...queueConfig("q2", primary("g2", "g1")), name: "Sales" } },
      110,
    );
    expect(refusal(c, { type: "group.removed", groupId: "g1" })).toEqual({
      code: "CONFLICT",
      message: 'group "g1" is used by queues "q1" (q1), "Sales" (q2); take it off the queues first',
    });
    expect(refusal(c, { type: "group.removed", groupId: "g2" })?.message).toBe(
      'group "g2" is used by queue "Sales" (q2); take it off the queue first',
    );
    expect(refusal(c, { type: "group.removed", groupId: "nope" })).toMatchObject({ code: "UNKNOWN_GROUP" });
  });

  it("removes an unused group; its members stay agents", () => {
    const c = world();
    c.send({ type: "group.removed", groupId: "g2" }, 110);
    expect(c.state.groups.g2).toBeUndefined();
    expect(c.state.versions.groups.g2).toBeUndefined();
    expect(c.state.agents.a3).toBeDefined();
  });
});

describe("queue.removed", () => {
  it("is refused while the queue holds calls, then removes the queue and its runtime", () => {
    const c = world();
    c.arrive("c1", "q1", 110);
    expect(refusal(c, { type: "queue.removed", queueId: "q1" })?.message).toBe(
      'queue "q1" has 1 call; remove it when they are over',
    );
    c.abandon("c1", 120);
    c.send({ type: "queue.removed", queueId: "q1" }, 130);
    expect(c.state.queues.q1).toBeUndefined();
    expect(c.state.queueRuntime.q1).toBeUndefined();
    expect(refusal(c, { type: "queue.removed", queueId: "q1" })).toMatchObject({ code: "UNKNOWN_QUEUE" });
    // Its group is free to go now.
    c.send({ type: "group.removed", groupId: "g1" }, 140);
    expect(
      checkEvent(c.state, { type: "call.arrived", callId: "c2", queueId: "q1", from: "1" }),
    ).toMatchObject({
      code: "UNKNOWN_QUEUE",
    });
  });
});

describe("group.members_changed", () => {
  it("adds and removes many members of several groups in one event (a move between groups)", () => {
    const c = world();
    const [event] = c.send(
      {
        type: "group.members_changed",
        changes: [
          { groupId: "g1", add: [], remove: ["a1"] },
          { groupId: "g2", add: ["a1", "a2"], remove: [] },
        ],
      },
      150,
    );
    expect(c.state.groups.g1?.members).toEqual(["a2"]);
    expect(c.state.groups.g2?.members).toEqual(["a3", "a1", "a2"]);
    expect(c.state.versions.groups.g1).toBe(event!.seq);
    expect(c.state.versions.groups.g2).toBe(event!.seq);
    // The moved agent no longer takes q1's calls.
    c.arrive("c1", "q1", 160);
    expect(c.state.calls.c1?.ringing).toEqual(["a2"]);
  });

  it("refuses unknown groups and agents, a group named twice, an agent added twice or both added and removed", () => {
    const c = world();
    const change = (changes: Parameters<typeof membersAfter>[1][]) =>
      refusal(c, { type: "group.members_changed", changes });
    expect(change([])).toMatchObject({ code: "INVALID" });
    expect(change([{ groupId: "nope", add: [], remove: [] }])).toMatchObject({ code: "UNKNOWN_GROUP" });
    expect(change([{ groupId: "g1", add: ["ghost"], remove: [] }])).toMatchObject({ code: "UNKNOWN_AGENT" });
    expect(
      change([
        { groupId: "g1", add: [], remove: [] },
        { groupId: "g1", add: [], remove: [] },
      ]),
    ).toMatchObject({ code: "INVALID", message: 'changes name group "g1" twice' });
    expect(change([{ groupId: "g2", add: ["a1", "a1"], remove: [] }])).toMatchObject({ code: "INVALID" });
    expect(change([{ groupId: "g2", add: ["a1"], remove: ["a1"] }])?.message).toBe(
      'group "g2": agent "a1" is both added and removed',
    );
  });

  it("membersAfter: removals leave, new members join at the end in order, members already in stay put", () => {
    expect(membersAfter(["a", "b", "c"], { groupId: "g", add: ["d", "a"], remove: ["b", "zz"] })).toEqual([
      "a",
      "c",
      "d",
    ]);
    expect(membersAfter([], { groupId: "g", add: [], remove: ["a"] })).toEqual([]);
  });
});

describe("record caps count removals", () => {
  it("a removed agent frees its place under maxAgents", () => {
    const c = center();
    const limits = { maxAgents: 1, maxQueues: 5, maxGroups: 5 };
    expect(step(c.state, { type: "agent.upserted", agent: profile("a1") }, 100, { limits }).ok).toBe(true);
    expect(step(c.state, { type: "agent.upserted", agent: profile("a2") }, 100, { limits }).ok).toBe(false);
    expect(step(c.state, { type: "agent.removed", agentId: "a1" }, 100, { limits }).ok).toBe(true);
    expect(step(c.state, { type: "agent.upserted", agent: profile("a2") }, 100, { limits }).ok).toBe(true);
  });
});
