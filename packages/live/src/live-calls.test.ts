import { type Call, emptyState, newAgent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { liveCallsByQueue } from "./live-calls.ts";

const T0 = 1_800_000_000_000;

function call(id: string, over: Partial<Call> = {}): Call {
  return {
    id,
    queueId: "sales",
    from: `+8490000000${id.length}`,
    arrivedAt: T0,
    arrivedSeq: 1,
    admitted: true,
    status: "waiting",
    ringing: [],
    agentId: null,
    offerExpiresAt: null,
    answeredAt: null,
    missedBy: [],
    offers: 0,
    ...over,
  };
}

describe("liveCallsByQueue", () => {
  it("lists each queue's waiting and ringing calls in line order, with position and who it rings", () => {
    const state = emptyState();
    state.agents.lan = newAgent({ id: "lan", name: "Lan", phoneNumber: null, routingType: 1 }, T0);
    state.calls = {
      late: call("late", { arrivedAt: T0 + 5_000, arrivedSeq: 9 }),
      ringing: call("ringing", {
        arrivedAt: T0,
        arrivedSeq: 3,
        status: "ringing",
        ringing: ["lan", "ghost"],
        offers: 2,
      }),
      tie: call("tie", { arrivedAt: T0, arrivedSeq: 4 }),
      talking: call("talking", { status: "talking", agentId: "lan", answeredAt: T0 + 1 }),
      support: call("support", { queueId: "support", arrivedAt: T0 + 9_000 }),
      arriving: call("arriving", { admitted: false }),
    };
    const lines = liveCallsByQueue(state.calls, state.agents);
    expect(lines.get("sales")?.map((c) => [c.id, c.position, c.status])).toEqual([
      ["ringing", 1, "ringing"],
      ["tie", 2, "waiting"],
      ["late", 3, "waiting"],
    ]);
    expect(lines.get("sales")?.[0]).toMatchObject({
      ringing: [
        { id: "lan", name: "Lan" },
        { id: "ghost", name: "ghost" },
      ],
      offers: 2,
      arrivedAt: T0,
    });
    expect(lines.get("support")?.map((c) => c.position)).toEqual([1]);
    expect([...lines.keys()].sort()).toEqual(["sales", "support"]);
  });

  it("has no entry for a queue whose calls are all answered", () => {
    const calls = { c: call("c", { status: "talking", agentId: "x", answeredAt: T0 }) };
    expect(liveCallsByQueue(calls, {}).size).toBe(0);
  });
});
