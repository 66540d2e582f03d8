import { type Agent, newAgent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { activityOf, countActivities, filterAgents, NO_FILTER, scopeOf } from "./agent-filter.ts";

const agent = (patch: Partial<Agent> & Pick<Agent, "id" | "name">): Agent => ({
  ...newAgent({ id: patch.id, name: patch.name, phoneNumber: null, routingType: 1 }, 0),
  manualStatus: "AVAILABLE",
  presence: { app: true, pushTokens: [], sip: false },
  ...patch,
});

const lan = agent({ id: "agent-01", name: "Nguyễn Thị Lan" });
const minh = agent({ id: "agent-02", name: "Trần Minh", ringingCallId: "c1" });
const duc = agent({ id: "agent-03", name: "Đỗ Đức", activeCallId: "c2", systemStatus: 0 });
const hoa = agent({
  id: "agent-04",
  name: "Lê Hoa",
  manualStatus: "LUNCH_BREAK",
  presence: { app: false, pushTokens: [], sip: false },
  phoneNumber: "84912345678",
});
const tuan = agent({ id: "agent-05", name: "Vũ Tuấn", systemStatus: 0, wrapUpUntil: 5_000 });
const all = [minh, duc, lan, hoa, tuan];

describe("activityOf", () => {
  it("puts every agent in one bucket", () => {
    expect(all.map(activityOf)).toEqual(["ringing", "on_call", "can_ring", "not_eligible", "wrap_up"]);
  });
});

describe("filterAgents", () => {
  it("sorts by name with no filter", () => {
    expect(filterAgents(all, NO_FILTER).map((a) => a.id)).toEqual([
      "agent-03",
      "agent-04",
      "agent-01",
      "agent-02",
      "agent-05",
    ]);
  });
  it("filters by activity, manual status and online", () => {
    expect(filterAgents(all, { ...NO_FILTER, activity: "can_ring" })).toEqual([lan]);
    expect(filterAgents(all, { ...NO_FILTER, manualStatus: "LUNCH_BREAK" })).toEqual([hoa]);
    expect(filterAgents(all, { ...NO_FILTER, online: "offline" })).toEqual([hoa]);
    expect(filterAgents(all, { ...NO_FILTER, online: "online", activity: "not_eligible" })).toEqual([]);
  });
  it("searches name without accents, id and phone number", () => {
    expect(filterAgents(all, { ...NO_FILTER, query: "nguyen thi" })).toEqual([lan]);
    expect(filterAgents(all, { ...NO_FILTER, query: "do duc" })).toEqual([duc]);
    expect(filterAgents(all, { ...NO_FILTER, query: "AGENT-02" })).toEqual([minh]);
    expect(filterAgents(all, { ...NO_FILTER, query: " 8491234 " })).toEqual([hoa]);
    expect(filterAgents(all, { ...NO_FILTER, query: "zzz" })).toEqual([]);
  });
});

describe("queue and group scope", () => {
  const state = {
    groups: {
      sales: { id: "sales", name: "Sales", members: ["agent-01", "agent-02"] },
      care: { id: "care", name: "Care", members: ["agent-02", "agent-03"] },
    },
    queues: {
      q1: {
        id: "q1",
        name: "Q1",
        groups: [
          { groupId: "sales", primary: true },
          { groupId: "care", primary: false },
        ],
      },
      q2: { id: "q2", name: "Q2", groups: [{ groupId: "care", primary: true }] },
    },
  } as unknown as Parameters<typeof scopeOf>[0];

  it("is everyone without a queue or group filter", () => {
    expect(scopeOf(state, NO_FILTER)).toBeNull();
  });
  it("is the members of the queue's groups, backup included; of the group; or both", () => {
    expect([...scopeOf(state, { ...NO_FILTER, queue: "q1" })!].sort()).toEqual([
      "agent-01",
      "agent-02",
      "agent-03",
    ]);
    expect([...scopeOf(state, { ...NO_FILTER, group: "sales" })!].sort()).toEqual(["agent-01", "agent-02"]);
    expect([...scopeOf(state, { ...NO_FILTER, queue: "q2", group: "sales" })!]).toEqual(["agent-02"]);
    expect(scopeOf(state, { ...NO_FILTER, queue: "nope" })!.size).toBe(0);
  });
  it("narrows the list", () => {
    const scope = scopeOf(state, { ...NO_FILTER, group: "care" });
    expect(filterAgents(all, NO_FILTER, scope).map((a) => a.id)).toEqual(["agent-03", "agent-02"]);
  });
});

describe("sort", () => {
  const early = agent({ id: "x1", name: "Zed", since: 100, idleSince: 900 });
  const late = agent({ id: "x2", name: "Amy", since: 500, idleSince: 200 });
  it("by name, longest in state first, or longest idle first", () => {
    expect(filterAgents([early, late], NO_FILTER).map((a) => a.id)).toEqual(["x2", "x1"]);
    expect(filterAgents([early, late], NO_FILTER, null, "in-state").map((a) => a.id)).toEqual(["x1", "x2"]);
    expect(filterAgents([early, late], NO_FILTER, null, "idle").map((a) => a.id)).toEqual(["x2", "x1"]);
  });
  it("most calls today first, then by name; an agent with none counts 0", () => {
    const third = agent({ id: "x3", name: "Bob" });
    const calls = (id: string) => ({ x1: 4, x3: 4 })[id] ?? 0;
    const ids = filterAgents([early, late, third], NO_FILTER, null, "calls-today", calls).map((a) => a.id);
    expect(ids).toEqual(["x3", "x1", "x2"]);
  });
});

describe("countActivities", () => {
  it("counts each bucket", () => {
    expect(countActivities(all)).toEqual({
      can_ring: 1,
      ringing: 1,
      on_call: 1,
      wrap_up: 1,
      not_eligible: 1,
    });
  });
});
