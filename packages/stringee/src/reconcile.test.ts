import {
  applyEvent,
  type CenterState,
  checkEvent,
  emptyState,
  type InputEvent,
  QUEUE_DEFAULTS,
} from "@callboard/routing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePcc, startFakePcc } from "./fake/index.ts";
import { pccAgentSchema, pccQueueSchema } from "./pcc-records.ts";
import { type PulledCenter, pullCenter } from "./pull-center.ts";
import { reconcile } from "./reconcile.ts";
import { createPccClient } from "./rest-client.ts";

const KEY = { keySid: "SK_RECONCILE", keySecret: "reconcile-secret" };

/** Folds events into the state the way the core does, failing on any event the domain would refuse. */
function fold(state: CenterState, events: InputEvent[]): CenterState {
  for (const event of events) {
    const rejection = checkEvent(state, event);
    if (rejection) throw new Error(`${event.type} refused: ${rejection.message}`);
    applyEvent(state, { ...event, seq: state.seq + 1, at: 1_000 });
  }
  return state;
}

const agent = (fields: Record<string, unknown>) =>
  pccAgentSchema.parse({
    name: "A",
    manual_status: "AVAILABLE",
    routing_type: 1,
    system_status: 1,
    ...fields,
  });
const queue = (fields: Record<string, unknown>) => pccQueueSchema.parse({ name: "Q", ...fields });

function center(partial: Partial<PulledCenter>): PulledCenter {
  return { agents: [], groups: [], members: {}, queues: [], routings: {}, ...partial };
}

describe("reconcile against the fake PCC", () => {
  let pcc: FakePcc;
  beforeEach(async () => {
    pcc = await startFakePcc({ ...KEY, projectId: 9 });
  });
  afterEach(async () => {
    await pcc.close();
  });

  it("turns a full pull into domain events, then nothing on a second run, then only the changes", async () => {
    const { store } = pcc;
    const lan = store.addAgent({ stringeeUserId: "lan", name: "Lan", manualStatus: "AVAILABLE" });
    const minh = store.addAgent({
      stringeeUserId: "minh",
      name: "Minh",
      manualStatus: "LUNCH BREAK",
      routingType: 2,
      phoneNumber: "84912345678",
      systemStatus: 0,
    });
    const sales = store.addGroup("Sales");
    const backup = store.addGroup("Backup");
    store.addMember(sales, lan);
    store.addMember(backup, minh);
    const hotline = store.addQueue({
      name: "Hotline",
      wait_agent_answer_timeout: 20,
      wrap_up_time_limit: 15,
    });
    store.routeQueueToGroup(hotline, backup, false);
    store.routeQueueToGroup(hotline, sales, true);
    const client = createPccClient({ ...KEY, baseUrl: pcc.url });

    const state = emptyState();
    const first = reconcile(await pullCenter(client), state, { strategies: { [hotline]: "round-robin" } });
    expect(first.warnings).toEqual([]);
    expect(first.events).toEqual([
      { type: "agent.upserted", agent: { id: "lan", name: "Lan", phoneNumber: null, routingType: 1 } },
      {
        type: "agent.upserted",
        agent: { id: "minh", name: "Minh", phoneNumber: "84912345678", routingType: 2 },
      },
      // PCC has minh on a call: said right after the agent is created, not a sync later.
      { type: "agent.system_status_reported", agentId: "minh", systemStatus: 0 },
      { type: "group.upserted", group: { id: sales, name: "Sales", members: ["lan"] } },
      { type: "group.upserted", group: { id: backup, name: "Backup", members: ["minh"] } },
      {
        type: "queue.upserted",
        queue: {
          ...QUEUE_DEFAULTS,
          id: hotline,
          name: "Hotline",
          groups: [
            { groupId: sales, primary: true },
            { groupId: backup, primary: false },
          ],
          strategy: "round-robin",
          waitAgentAnswerTimeout: 20,
          wrapUpTimeLimit: 15,
        },
      },
      { type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" },
      { type: "agent.manual_status_set", agentId: "minh", status: "LUNCH_BREAK" },
    ]);
    // Statuses of agents Callboard did not have yet are in the events; this list is for existing ones.
    expect(first.systemStatuses).toEqual([]);
    fold(state, first.events);
    expect(state.agents.minh?.systemStatus).toBe(0);

    const second = reconcile(await pullCenter(client), state);
    expect(second.events).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(second.systemStatuses).toEqual([
      { agentId: "lan", systemStatus: 1 },
      { agentId: "minh", systemStatus: 0 },
    ]);

    store.setManualStatus(minh, "Available");
    store.addMember(sales, minh);
    const third = reconcile(await pullCenter(client), state);
    expect(third.events).toEqual([
      { type: "group.upserted", group: { id: sales, name: "Sales", members: ["lan", "minh"] } },
      { type: "agent.manual_status_set", agentId: "minh", status: "AVAILABLE" },
    ]);
    fold(state, third.events);
    expect(reconcile(await pullCenter(client), state).events).toEqual([]);
  });
});

describe("reconcile", () => {
  it("translates PCC agent ids to stringee_user_ids and drops unknown members with a warning", () => {
    const pulled = center({
      agents: [
        agent({ id: "AG_1", stringee_user_id: "u1" }),
        agent({ id: "2QAX0YOR5D55HH0N", stringee_user_id: "u2" }),
      ],
      groups: [{ id: "GR_1", name: "G", number_of_agent: 3 }],
      members: { GR_1: ["2QAX0YOR5D55HH0N", "AG_GONE", "AG_1", "AG_1"] },
    });
    const { events, warnings } = reconcile(pulled, emptyState());
    expect(events.find((e) => e.type === "group.upserted")).toEqual({
      type: "group.upserted",
      group: { id: "GR_1", name: "G", members: ["u2", "u1"] },
    });
    expect(warnings).toEqual(["group GR_1: member AG_GONE is not a known PCC agent; dropped"]);
  });

  it("maps manual statuses and warns about unknown ones (they cannot ring)", () => {
    const statuses = [
      "AVAILABLE",
      "NOT AVAILABLE",
      "NOT_AVAILABLE",
      "LUNCH BREAK",
      "SHORT BREAK",
      "Invisible",
      "ACW",
      "BUSY",
    ];
    const pulled = center({
      agents: statuses.map((s, i) => agent({ id: `AG_${i}`, stringee_user_id: `u${i}`, manual_status: s })),
    });
    const { events, warnings } = reconcile(pulled, emptyState());
    const set = events.flatMap((e) => (e.type === "agent.manual_status_set" ? [[e.agentId, e.status]] : []));
    // NOT_AVAILABLE is a new agent's status already, so those need no event.
    expect(set).toEqual([
      ["u0", "AVAILABLE"],
      ["u3", "LUNCH_BREAK"],
      ["u4", "SHORT_BREAK"],
      ["u5", "INVISIBLE"],
      ["u6", "ACW"],
    ]);
    expect(warnings).toEqual(['agent u7: manual status "BUSY" is unknown; treated as NOT_AVAILABLE']);
  });

  it("skips a queue without groups, clamps the answer timeout and reads backup delay and schedule", () => {
    const pulled = center({
      groups: [{ id: "GR_1", name: "G", number_of_agent: 0 }],
      queues: [
        queue({ id: "QU_EMPTY" }),
        queue({ id: "QU_GHOST" }),
        queue({ id: "QU_1", wait_agent_answer_timeout: 1, route_to_backup_groups_after: 15, schedule: 2 }),
        queue({ id: "QU_2", route_to_backup_groups_after: 0 }),
      ],
      routings: {
        QU_EMPTY: [],
        QU_GHOST: [{ groupId: "GR_UNLISTED", primary: true }],
        QU_1: [{ groupId: "GR_1", primary: true }],
        QU_2: [{ groupId: "GR_1", primary: false }],
      },
    });
    const { events, warnings } = reconcile(pulled, emptyState());
    const queues = events.flatMap((e) => (e.type === "queue.upserted" ? [e.queue] : []));
    expect(queues.map((q) => q.id)).toEqual(["QU_1", "QU_2"]);
    expect(queues[0]).toMatchObject({
      waitAgentAnswerTimeout: 3,
      routeToBackupAfterSec: 15,
      schedule: { kind: "always" },
    });
    expect(queues[1]).toMatchObject({
      routeToBackupAfterSec: null,
      groups: [{ groupId: "GR_1", primary: false }],
    });
    expect(warnings).toEqual([
      "queue QU_EMPTY routes to no group; skipped (Callboard needs at least one)",
      "queue QU_GHOST: routes to group GR_UNLISTED, which PCC did not list; dropped",
      "queue QU_GHOST routes to no group; skipped (Callboard needs at least one)",
      "queue QU_1: PCC routes it in business hours (schedule 2), which the REST API does not expose; routing always",
      "queue QU_1: wait_agent_answer_timeout 1 is below 3; using 3",
    ]);
  });

  it("keeps what only Callboard knows: member order, strategy, business hours, misses limit, seed", () => {
    const state = fold(emptyState(), [
      { type: "agent.upserted", agent: { id: "u1", name: "A", phoneNumber: null, routingType: 1 } },
      { type: "agent.upserted", agent: { id: "u2", name: "A", phoneNumber: null, routingType: 1 } },
      { type: "group.upserted", group: { id: "GR_1", name: "G", members: ["u2", "u1"] } },
      {
        type: "queue.upserted",
        queue: {
          ...QUEUE_DEFAULTS,
          id: "QU_1",
          name: "Q",
          groups: [{ groupId: "GR_1", primary: true }],
          strategy: "top-down",
          maxConsecutiveMisses: 2,
          randomSeed: 7,
          schedule: {
            kind: "business-hours",
            timeZone: "Asia/Ho_Chi_Minh",
            hours: [{ days: [1], open: "08:00", close: "17:00" }],
          },
        },
      },
      { type: "agent.manual_status_set", agentId: "u1", status: "AVAILABLE" },
      { type: "agent.manual_status_set", agentId: "u2", status: "AVAILABLE" },
    ]);
    const pulled = center({
      agents: [agent({ id: "AG_1", stringee_user_id: "u1" }), agent({ id: "AG_2", stringee_user_id: "u2" })],
      groups: [{ id: "GR_1", name: "G", number_of_agent: 2 }],
      members: { GR_1: ["AG_1", "AG_2"] },
      queues: [queue({ id: "QU_1", schedule: 2 })],
      routings: { QU_1: [{ groupId: "GR_1", primary: true }] },
    });
    expect(reconcile(pulled, state)).toEqual({
      events: [],
      warnings: [],
      systemStatuses: [
        { agentId: "u1", systemStatus: 1 },
        { agentId: "u2", systemStatus: 1 },
      ],
    });
    // An explicit override still wins.
    const overridden = reconcile(pulled, state, { strategies: { QU_1: "ring-all" } });
    expect(overridden.events).toMatchObject([
      { type: "queue.upserted", queue: { strategy: "ring-all", randomSeed: 7 } },
    ]);
  });

  it("an agent first seen with a system status other than 1 gets it at creation, whatever the number", () => {
    const pulled = center({
      agents: [
        agent({ id: "AG_1", stringee_user_id: "u1", system_status: 2 }),
        agent({ id: "AG_2", stringee_user_id: "u2", system_status: 1 }),
        agent({ id: "AG_3", stringee_user_id: "u3", system_status: null }),
      ],
    });
    const state = emptyState();
    const { events } = reconcile(pulled, state);
    expect(events.filter((e) => e.type === "agent.system_status_reported")).toEqual([
      { type: "agent.system_status_reported", agentId: "u1", systemStatus: 2 },
    ]);
    // Before the manual status that would make it Available.
    const order = events.map((e) => `${e.type}:${"agentId" in e ? e.agentId : ""}`);
    expect(order.indexOf("agent.system_status_reported:u1")).toBeLessThan(
      order.indexOf("agent.manual_status_set:u1"),
    );
    fold(state, events);
    expect(state.agents.u1?.systemStatus).toBe(2);
  });

  it("warns about duplicate user ids, bad phone numbers and records PCC no longer has", () => {
    const state = fold(emptyState(), [
      { type: "agent.upserted", agent: { id: "gone", name: "Gone", phoneNumber: null, routingType: 1 } },
    ]);
    const pulled = center({
      agents: [
        agent({ id: "AG_1", stringee_user_id: "u1", phone_number: "0912345678", routing_type: 2 }),
        agent({ id: "AG_2", stringee_user_id: "u1" }),
        agent({ id: "AG_3", stringee_user_id: "u3", phone_number: "8".repeat(65), routing_type: 2 }),
      ],
    });
    const { events, warnings } = reconcile(pulled, state);
    // PCC's rule only needs a number configured: a national-format number is kept, not dropped.
    expect(events[0]).toEqual({
      type: "agent.upserted",
      agent: { id: "u1", name: "A", phoneNumber: "0912345678", routingType: 2 },
    });
    expect(events[1]).toEqual({
      type: "agent.upserted",
      agent: { id: "u3", name: "A", phoneNumber: null, routingType: 2 },
    });
    expect(warnings).toEqual([
      'agent u1: phone number "0912345678" is not in international format (country code first); kept, PCC may not reach it',
      'agent AG_2: stringee_user_id "u1" is used by another PCC agent; only the first is synced',
      "agent u3: phone number is longer than 64 characters; not a number, ignored",
      "agent gone is not in PCC; left unchanged (no removal event)",
    ]);
    fold(state, events);
  });
});
