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

const pcc: PccHandle = { setManualStatus: async () => {} };
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

  it("stringee mode: what PCC holds is refused here, saying to change it in PCC; Callboard's own queue settings are not", async () => {
    const { ctx, submitted } = fakeContext({ state: center(), pcc });
    const caller = createCaller(ctx);
    const managed = {
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("managed in Stringee PCC"),
    };
    await expect(
      caller.agents.create({
        agent: { id: "x", name: "X", phoneNumber: null, routingType: 1 },
        initialManualStatus: "AVAILABLE",
      }),
    ).rejects.toMatchObject(managed);
    await expect(caller.agents.remove({ agentId: "lan", version: 1 })).rejects.toMatchObject(managed);
    await expect(
      caller.groups.changeMembers({ changes: [{ groupId: "team", add: [], remove: ["lan"] }] }),
    ).rejects.toMatchObject(managed);
    await expect(
      caller.agents.moveToGroup({ agentId: "lan", fromGroupId: "team", toGroupId: "x" }),
    ).rejects.toMatchObject(managed);
    await expect(caller.queues.create({ queue: { ...sales, id: "b" } })).rejects.toMatchObject(managed);
    await expect(
      caller.queues.update({ queue: { ...sales, name: "Renamed", waitAgentAnswerTimeout: 30 }, version: 3 }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "queue.name, queue.waitAgentAnswerTimeout managed in Stringee PCC: change them there, and the next sync brings them here",
    });
    expect(submitted).toEqual([]);
    await caller.queues.update({
      queue: { ...sales, strategy: "top-down", serviceLevelSec: 30 },
      version: 3,
    });
    expect(submitted).toEqual([
      {
        type: "queue.upserted",
        queue: { ...sales, strategy: "top-down", serviceLevelSec: 30 },
        ifVersion: 3,
      },
    ]);
  });
});
