import { PccWriteError } from "@callboard/contracts";
import {
  applyEvent,
  emptyState,
  type InputEvent,
  QUEUE_DEFAULTS,
  type QueueConfig,
} from "@callboard/routing";
import { describe, expect, it } from "vitest";
import type { PccHandle } from "./context.ts";
import { createCaller } from "./root.ts";
import { fakeContext } from "./test-context.ts";

/** A PCC that takes every write and remembers it, in order. */
function recordingPcc(): PccHandle & { writes: unknown[][] } {
  const writes: unknown[][] = [];
  return {
    writes,
    setManualStatus: async (...args) => void writes.push(["setManualStatus", ...args]),
    createAgent: async (...args) => void writes.push(["createAgent", ...args]),
    updateAgent: async (...args) => void writes.push(["updateAgent", ...args]),
  };
}
const sales: QueueConfig = {
  ...QUEUE_DEFAULTS,
  id: "sales",
  name: "Sales",
  groups: [{ groupId: "team", primary: true }],
};

/** A center with one agent, one group and one queue, folded as the core would. */
function center() {
  const state = emptyState();
  const inputs: InputEvent[] = [
    { type: "agent.upserted", agent: { id: "lan", name: "Lan", phoneNumber: null, routingType: 1 } },
    { type: "group.upserted", group: { id: "team", name: "Team", members: ["lan"] } },
    { type: "queue.upserted", queue: sales },
  ];
  for (const [i, event] of inputs.entries()) applyEvent(state, { ...event, seq: i + 1, at: 0 });
  return state;
}

describe("directory procedures", () => {
  it("standalone: each change is one event carrying the version it was made from, and is audited", async () => {
    const { ctx, submitted, auth } = fakeContext({ state: center() });
    const caller = createCaller(ctx);
    await caller.agents.create({
      agent: { id: "an", name: "An", phoneNumber: "84901234567", routingType: 2 },
      initialManualStatus: "AVAILABLE",
    });
    await caller.agents.update({
      agent: { id: "lan", name: "Lan N", phoneNumber: null, routingType: 1 },
      version: 1,
    });
    await caller.agents.remove({ agentId: "lan", version: 1 });
    await caller.groups.create({ group: { id: "vip", name: "VIP", members: ["lan"] } });
    await caller.groups.update({ group: { id: "team", name: "Team A", members: ["lan"] }, version: 2 });
    await caller.groups.changeMembers({ changes: [{ groupId: "team", add: ["an"], remove: [] }] });
    await caller.groups.remove({ groupId: "vip", version: 4 });
    await caller.queues.create({ queue: { ...sales, id: "b" } });
    await caller.queues.update({ queue: { ...sales, strategy: "random" }, version: 3 });
    await caller.queues.remove({ queueId: "b", version: 9 });
    expect(submitted.map((e) => [e.type, "ifVersion" in e ? e.ifVersion : "-"])).toEqual([
      ["agent.upserted", 0],
      ["agent.upserted", 1],
      ["agent.removed", 1],
      ["group.upserted", 0],
      ["group.upserted", 2],
      ["group.members_changed", "-"],
      ["group.removed", 4],
      ["queue.upserted", 0],
      ["queue.upserted", 3],
      ["queue.removed", 9],
    ]);
    expect(submitted[0]).toMatchObject({ initialManualStatus: "AVAILABLE" });
    expect(auth.audited.map((entry) => entry[0])).toEqual([
      "agent.created",
      "agent.updated",
      "agent.removed",
      "group.created",
      "group.updated",
      "group.members_changed",
      "group.removed",
      "queue.created",
      "queue.updated",
      "queue.removed",
    ]);
    // Before and after of an edit: the profile as it was, and as it is sent.
    expect(auth.audited[1]?.slice(3, 5)).toEqual([
      { id: "lan", name: "Lan", phoneNumber: null, routingType: 1 },
      { id: "lan", name: "Lan N", phoneNumber: null, routingType: 1 },
    ]);
  });

  it("lists agents a page at a time, with their groups and versions", async () => {
    const { ctx } = fakeContext({ state: center() });
    expect(await createCaller(ctx).agents.list({ search: "la" })).toEqual({
      total: 1,
      rows: [
        {
          id: "lan",
          name: "Lan",
          phoneNumber: null,
          routingType: 1,
          manualStatus: "NOT_AVAILABLE",
          version: 1,
          groupIds: ["team"],
          busy: false,
        },
      ],
    });
    expect((await createCaller(ctx).agents.list({ search: "nobody" })).total).toBe(0);
    expect(await createCaller(ctx).groups.list()).toEqual([
      expect.objectContaining({
        id: "team",
        memberNames: ["Lan"],
        version: 2,
        queues: [{ id: "sales", name: "Sales" }],
      }),
    ]);
    expect(await createCaller(ctx).queues.list()).toEqual([{ queue: sales, version: 3, calls: 0 }]);
  });

  it("refuses input over its limits before anything reaches the core", async () => {
    const { ctx, submitted } = fakeContext({ state: center() });
    const many = Array.from({ length: 10_001 }, (_, i) => `a${i}`);
    await expect(
      createCaller(ctx).groups.changeMembers({ changes: [{ groupId: "team", add: many, remove: [] }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createCaller(ctx).agents.list({ search: "x".repeat(121) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      createCaller(ctx).agents.moveToGroup({ agentId: "lan", fromGroupId: "team", toGroupId: "team" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(submitted).toEqual([]);
  });

  it("stringee mode: agents are written to PCC first; what Callboard cannot write there is refused, saying where to change it", async () => {
    const pcc = recordingPcc();
    const { ctx, submitted } = fakeContext({ state: center(), pcc });
    const caller = createCaller(ctx);
    const an = { id: "an", name: "An", phoneNumber: "84901234567", routingType: 2 as const };
    await caller.agents.create({ agent: an, initialManualStatus: "AVAILABLE" });
    await caller.agents.update({ agent: { ...an, id: "lan", name: "Lan N" }, version: 1 });
    expect(pcc.writes).toEqual([
      ["createAgent", an, "AVAILABLE"],
      ["updateAgent", { ...an, id: "lan", name: "Lan N" }],
    ]);
    expect(submitted.map((e) => e.type)).toEqual(["agent.upserted", "agent.upserted"]);
    // What the domain would refuse never reaches PCC: a duplicate id, a stale version.
    await expect(
      caller.agents.create({ agent: { ...an, id: "lan" }, initialManualStatus: "AVAILABLE" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: 'agent "lan" already exists' });
    await expect(caller.agents.update({ agent: { ...an, id: "lan" }, version: 99 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(pcc.writes).toHaveLength(2);
    const managed = {
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("managed in Stringee PCC"),
    };
    await expect(caller.agents.remove({ agentId: "lan", version: 1 })).rejects.toMatchObject(managed);
    await expect(
      caller.groups.changeMembers({ changes: [{ groupId: "team", add: [], remove: ["lan"] }] }),
    ).rejects.toMatchObject(managed);
    await expect(
      caller.agents.moveToGroup({ agentId: "lan", fromGroupId: "team", toGroupId: "x" }),
    ).rejects.toMatchObject(managed);
    await expect(caller.groups.create({ group: { id: "g", name: "G", members: [] } })).rejects.toMatchObject(
      managed,
    );
    await expect(caller.queues.create({ queue: { ...sales, id: "b" } })).rejects.toMatchObject(managed);
    await expect(
      caller.queues.update({ queue: { ...sales, name: "Renamed", waitAgentAnswerTimeout: 30 }, version: 3 }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "queue.name, queue.waitAgentAnswerTimeout managed in Stringee PCC: change them there, and the next sync brings them here",
    });
    expect(submitted).toHaveLength(2);
    await caller.queues.update({
      queue: { ...sales, strategy: "top-down", serviceLevelSec: 30 },
      version: 3,
    });
    expect(submitted.at(-1)).toEqual({
      type: "queue.upserted",
      queue: { ...sales, strategy: "top-down", serviceLevelSec: 30 },
      ifVersion: 3,
    });
  });

  it("stringee mode: a write PCC refuses records nothing", async () => {
    const { ctx, submitted } = fakeContext({
      state: center(),
      pcc: {
        setManualStatus: async () => {},
        createAgent: async () => {
          throw new PccWriteError("PCC_REFUSED", "PCC refused the change: stringee_user_id already exists");
        },
        updateAgent: async () => {
          throw new PccWriteError("NOT_SYNCED", 'agent "lan" is not synced from PCC yet');
        },
      },
    });
    const caller = createCaller(ctx);
    const an = { id: "an", name: "An", phoneNumber: null, routingType: 1 as const };
    await expect(caller.agents.create({ agent: an, initialManualStatus: "AVAILABLE" })).rejects.toMatchObject(
      {
        code: "BAD_GATEWAY",
        message: expect.stringContaining("already exists"),
      },
    );
    await expect(caller.agents.update({ agent: { ...an, id: "lan" }, version: 1 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(submitted).toEqual([]);
  });
});
