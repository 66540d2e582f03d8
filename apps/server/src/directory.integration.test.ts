import { LIVE_PROTOCOL_VERSION } from "@callboard/contracts";
import { EVENT_FORMAT, QUEUE_DEFAULTS } from "@callboard/routing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootServer, nextDelta, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

const queue = (id: string, groupIds: string[]) => ({
  ...QUEUE_DEFAULTS,
  id,
  name: `Queue ${id}`,
  groups: groupIds.map((groupId) => ({ groupId, primary: true })),
});

describe("the admin's directory over real HTTP", () => {
  let server: Booted;
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it("creates an agent once: a duplicate stringee_user_id and a bad number are refused, nothing written", async () => {
    const { trpc } = server;
    await trpc.agents.create.mutate({
      agent: { id: "an", name: "An Pham", phoneNumber: "84901234567", routingType: 2 },
      initialManualStatus: "AVAILABLE",
    });
    expect(server.app.core.state.agents.an).toMatchObject({ name: "An Pham", manualStatus: "AVAILABLE" });
    const seq = server.app.core.state.seq;
    await expect(
      trpc.agents.create.mutate({
        agent: { id: "an", name: "Another An", phoneNumber: null, routingType: 1 },
        initialManualStatus: "NOT_AVAILABLE",
      }),
    ).rejects.toMatchObject({ message: 'agent "an" already exists', data: { code: "CONFLICT" } });
    await expect(
      trpc.agents.create.mutate({
        agent: { id: "bao", name: "Bao", phoneNumber: "0901234567", routingType: 2 },
        initialManualStatus: "NOT_AVAILABLE",
      }),
    ).rejects.toMatchObject({ message: /^agent\.phoneNumber: must be/, data: { code: "BAD_REQUEST" } });
    expect(server.app.core.state.seq).toBe(seq);
    expect(server.app.core.state.agents.bao).toBeUndefined();
    const [entry] = await trpc.audit.list.query({ action: "agent.created", limit: 1 });
    expect(entry).toMatchObject({ actor: "test-admin", target: "an" });
  });

  it("pages and searches agents on the server", async () => {
    for (let i = 0; i < 30; i++) {
      await server.submit({
        type: "agent.upserted",
        agent: {
          id: `bulk-${String(i).padStart(2, "0")}`,
          name: `Bulk ${String(i).padStart(2, "0")}`,
          phoneNumber: null,
          routingType: 1,
        },
      });
    }
    const page = await server.trpc.agents.list.query({ search: "bulk", offset: 20, limit: 20 });
    expect(page.total).toBe(30);
    expect(page.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk-${20 + i}`));
    const lan = await server.trpc.agents.list.query({ search: "LAN NG" });
    expect(lan.rows).toEqual([
      expect.objectContaining({
        id: "lan",
        groupIds: ["sales-team"],
        busy: false,
        version: expect.any(Number),
      }),
    ]);
  });

  it("a group with its members and a queue with its groups are each one event, seen live as one", async () => {
    const observer = server.socket();
    await new Promise<void>((resolve) =>
      observer.emit(
        "board:subscribe",
        { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
        () => resolve(),
      ),
    );
    // The delta of the batch holding the members change: both groups changed in it, so no board
    // ever shows Minh in both groups or in neither.
    const seen = nextDelta(observer, (d) =>
      (d.groups ?? []).some((g) => g.id === "vip" && g.members.includes("minh")),
    );
    await server.trpc.groups.create.mutate({ group: { id: "vip", name: "VIP", members: ["lan", "hoa"] } });
    await server.trpc.queues.create.mutate({ queue: queue("vip-q", ["vip", "sales-team"]) });
    await server.trpc.groups.changeMembers.mutate({
      changes: [
        { groupId: "vip", add: ["minh"], remove: ["lan", "hoa"] },
        { groupId: "sales-team", add: [], remove: ["minh"] },
      ],
    });
    const delta = await seen;
    const groups = Object.fromEntries((delta.groups ?? []).map((g) => [g.id, g.members]));
    expect(groups).toMatchObject({ vip: ["minh"], "sales-team": ["lan", "hoa"] });
    const state = server.app.core.state;
    expect(state.groups.vip?.members).toEqual(["minh"]);
    expect(state.groups["sales-team"]?.members).toEqual(["lan", "hoa"]);
  });

  it("refuses to delete a group a queue uses (naming it), an agent on a call, a queue holding calls", async () => {
    const { trpc } = server;
    const [group] = await trpc.groups.list.query();
    await expect(
      trpc.groups.remove.mutate({ groupId: "sales-team", version: group!.version }),
    ).rejects.toMatchObject({
      message: 'group "sales-team" is used by queue "Sales" (sales); take it off the queue first',
      data: { code: "CONFLICT" },
    });
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    const ringing = Object.values(server.app.core.state.agents).find((a) => a.ringingCallId === "c1")!;
    const [row] = (await trpc.agents.list.query({ search: ringing.id })).rows;
    expect(row?.busy).toBe(true);
    await expect(
      trpc.agents.remove.mutate({ agentId: ringing.id, version: row!.version }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("is on a call"),
      data: { code: "CONFLICT" },
    });
    const [q] = await trpc.queues.list.query();
    await expect(trpc.queues.remove.mutate({ queueId: "sales", version: q!.version })).rejects.toMatchObject({
      message: 'queue "sales" has 1 call; remove it when they are over',
    });
  });

  it("two admins edit the same queue: the second save, made from the old version, is refused", async () => {
    const other = await server.signedIn("admin", "second-admin");
    const [opened] = await server.trpc.queues.list.query();
    await server.trpc.queues.update.mutate({
      queue: { ...opened!.queue, waitAgentAnswerTimeout: 25 },
      version: opened!.version,
    });
    await expect(
      other.trpc.queues.update.mutate({
        queue: { ...opened!.queue, strategy: "random" },
        version: opened!.version,
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("was changed by someone else"),
      data: { code: "CONFLICT" },
    });
    expect(server.app.core.state.queues.sales).toMatchObject({
      waitAgentAnswerTimeout: 25,
      strategy: "longest-idle",
    });
  });

  it("moves an agent between groups from the board in one event; supervisors may not", async () => {
    await server.trpc.groups.create.mutate({ group: { id: "support", name: "Support", members: [] } });
    await server.trpc.agents.moveToGroup.mutate({
      agentId: "hoa",
      fromGroupId: "sales-team",
      toGroupId: "support",
    });
    expect(server.app.core.state.groups.support?.members).toEqual(["hoa"]);
    expect(server.app.core.state.groups["sales-team"]?.members).toEqual(["lan", "minh"]);
    await expect(
      server.trpc.agents.moveToGroup.mutate({
        agentId: "hoa",
        fromGroupId: "sales-team",
        toGroupId: "support",
      }),
    ).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    const sue = await server.signedIn("supervisor");
    await expect(
      sue.trpc.agents.moveToGroup.mutate({ agentId: "hoa", fromGroupId: "support", toGroupId: "sales-team" }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});
