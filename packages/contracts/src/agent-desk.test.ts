import { type CenterState, type DomainEvent, emptyState, QUEUE_DEFAULTS, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import {
  agentDeskView,
  deskCallSchema,
  deskPresenceSchema,
  deskStatusSchema,
  deskWhyFor,
} from "./agent-desk.ts";
import { describeZodError } from "./errors.ts";

const EXTRAS = { today: null, statusNote: null, telephony: "standalone", sip: null } as const;

function centerWithOffer(): CenterState {
  const state = emptyState();
  const send = (event: DomainEvent, at: number) => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(result.rejection.message);
  };
  for (const id of ["lan", "minh", "hoa"]) {
    send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } }, 1_000);
    send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, 1_000);
  }
  send({ type: "group.upserted", group: { id: "g", name: "G", members: ["lan", "minh", "hoa"] } }, 1_000);
  send(
    {
      type: "queue.upserted",
      queue: { ...QUEUE_DEFAULTS, id: "q", name: "Sales", groups: [{ groupId: "g", primary: true }] },
    },
    1_000,
  );
  send({ type: "agent.manual_status_set", agentId: "minh", status: "AVAILABLE" }, 2_000);
  send({ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" }, 3_000);
  send({ type: "call.arrived", callId: "c1", queueId: "q", from: "84901234567" }, 10_000);
  return state;
}

describe("the agent desk view", () => {
  it("shows the ringing agent its offer: caller, queue, arrival and its own line of the decision", () => {
    const view = agentDeskView(centerWithOffer(), "lan", 12_000, EXTRAS);
    expect(view?.offer).toEqual({
      callId: "c1",
      from: "84901234567",
      queueId: "q",
      queueName: "Sales",
      arrivedAt: 10_000,
      expiresAt: expect.any(Number),
      why: { strategy: "longest-idle", rank: 1, pool: 2, backup: false, missedThisCall: false },
    });
    expect(view?.call).toBeNull();
  });

  it("says where the agent stood: a lower rank, out of the pool, a call it missed before", () => {
    const state = centerWithOffer();
    const first = state.decisions.find((d) => d.callId === "c1")!;
    expect(deskWhyFor(first, "minh")).toEqual({
      strategy: "longest-idle",
      rank: 2,
      pool: 2,
      backup: false,
      missedThisCall: false,
    });
    // hoa was not Available: not in the ranked pool.
    expect(deskWhyFor(first, "hoa")).toMatchObject({ rank: null, pool: 2 });
    // lan declines: the next offer ranks lan after minh, as one who missed this call.
    const declined = step(state, { type: "call.declined", callId: "c1", agentId: "lan" }, 13_000);
    expect(declined.ok).toBe(true);
    const second = state.decisions.find((d) => d.callId === "c1" && d !== first)!;
    expect(deskWhyFor(second, "lan")).toMatchObject({ missedThisCall: true });
    expect(agentDeskView(state, "minh", 13_000, EXTRAS)?.offer?.why).toMatchObject({ rank: 1 });
  });

  it("carries only the agent's own record: no other agent, no push token, no offer for someone else", () => {
    const view = agentDeskView(centerWithOffer(), "minh", 12_000, EXTRAS);
    expect(view?.offer).toBeNull();
    const text = JSON.stringify(view);
    expect(text).not.toContain("lan");
    expect(text).not.toContain("hoa");
    expect(view?.agent.online).toEqual(["app"]);
    expect(view?.agent).not.toHaveProperty("presence");
  });

  it("is null for an agent that does not exist", () => {
    expect(agentDeskView(emptyState(), "ghost", 0, EXTRAS)).toBeNull();
  });
});

describe("the desk's inputs", () => {
  it("never take an agent id: an agent acts only as itself", () => {
    const parsed = deskStatusSchema.safeParse({ status: "AVAILABLE", agentId: "someone-else" });
    expect(parsed.success).toBe(false);
    expect(deskCallSchema.safeParse({ callId: "c1", deviceId: "tab-12345", agentId: "x" }).success).toBe(
      false,
    );
  });

  it("refuse a status outside the set, oversized ids and odd device ids, naming the field", () => {
    const status = deskStatusSchema.safeParse({ status: "DANCING" });
    expect(status.success || describeZodError(status.error)).toMatch(/status: must be one of AVAILABLE/);
    const call = deskCallSchema.safeParse({ callId: "c".repeat(129), deviceId: "tab-12345" });
    expect(call.success || describeZodError(call.error)).toMatch(/callId/);
    const device = deskPresenceSchema.safeParse({ deviceId: "<script>", online: true });
    expect(device.success || describeZodError(device.error)).toMatch(/deviceId/);
  });
});
