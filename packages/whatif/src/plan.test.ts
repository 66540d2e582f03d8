import { type CenterState, emptyState, type InputEvent, QUEUE_DEFAULTS, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { changedQueue } from "./change.ts";
import { planChange } from "./plan.ts";

function center(): CenterState {
  const state = emptyState();
  const put = (e: InputEvent) => {
    const r = step(state, e, 1_000);
    if (!r.ok) throw new Error(r.rejection.message);
  };
  for (const id of ["lan", "minh"])
    put({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
  put({ type: "agent.presence_changed", agentId: "lan", signal: "app", online: true });
  put({ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" });
  put({ type: "group.upserted", group: { id: "g", name: "g", members: ["lan", "minh"] } });
  put({
    type: "queue.upserted",
    queue: { ...QUEUE_DEFAULTS, id: "q", name: "Q", groups: [{ groupId: "g", primary: true }] },
  });
  return state;
}

describe("planning a change", () => {
  it("no change: nothing before, every input as recorded", () => {
    const plan = planChange(center(), [], "q", { kind: "none" });
    const e: InputEvent = { type: "queue.upserted", queue: center().queues.q!, ifVersion: 5 };
    expect(plan.prelude).toEqual([]);
    expect(plan.transform(e)).toEqual([e]);
  });

  it("a setting: the queue takes it at the start and keeps it through its own edits, versions dropped", () => {
    const state = center();
    const plan = planChange(state, [], "q", { kind: "answer-timeout", seconds: 8 });
    expect(plan.prelude).toEqual([
      { type: "queue.upserted", queue: { ...state.queues.q!, waitAgentAnswerTimeout: 8 } },
    ]);
    const edit = { ...state.queues.q!, waitAgentAnswerTimeout: 20, wrapUpTimeLimit: 3 };
    expect(plan.transform({ type: "queue.upserted", queue: edit, ifVersion: 9 })).toEqual([
      { type: "queue.upserted", queue: { ...edit, waitAgentAnswerTimeout: 8 } },
    ]);
    expect(plan.transform({ type: "agent.removed", agentId: "minh", ifVersion: 3 })).toEqual([
      { type: "agent.removed", agentId: "minh" },
    ]);
    expect(changedQueue(edit, { kind: "backup-delay", seconds: null }).routeToBackupAfterSec).toBeNull();
    expect(changedQueue(edit, { kind: "strategy", strategy: "top-down" }).strategy).toBe("top-down");
  });

  it("+N: copies join the model's groups with its status and presence, and follow its changes", () => {
    const plan = planChange(center(), [], "q", { kind: "agents", delta: 3 });
    expect(plan.agents.added).toEqual([
      { id: "lan+whatif1", copies: "lan" },
      { id: "minh+whatif1", copies: "minh" },
      { id: "lan+whatif2", copies: "lan" },
    ]);
    const state = center();
    for (const e of plan.prelude) expect(step(state, e, 2_000).ok).toBe(true);
    expect(state.groups.g!.members).toEqual(["lan", "minh", "lan+whatif1", "lan+whatif2", "minh+whatif1"]);
    expect(state.agents["lan+whatif2"]).toMatchObject({ manualStatus: "AVAILABLE", presence: { app: true } });
    expect(state.agents["minh+whatif1"]).toMatchObject({
      manualStatus: "NOT_AVAILABLE",
      presence: { app: false },
    });
    expect(
      plan.transform({ type: "agent.manual_status_set", agentId: "minh", status: "LUNCH_BREAK" }),
    ).toEqual([
      { type: "agent.manual_status_set", agentId: "minh", status: "LUNCH_BREAK" },
      { type: "agent.manual_status_set", agentId: "minh+whatif1", status: "LUNCH_BREAK" },
    ]);
    expect(
      plan.transform({ type: "group.upserted", group: { id: "g", name: "g", members: ["minh"] } }),
    ).toEqual([{ type: "group.upserted", group: { id: "g", name: "g", members: ["minh", "minh+whatif1"] } }]);
    expect(plan.behaviourOf("lan+whatif2")).toBe("lan");
    expect(plan.behaviourOf("minh")).toBe("minh");
  });

  it("−N: the busiest sit out, their own status changes ignored", () => {
    const plan = planChange(center(), [], "q", { kind: "agents", delta: -1 });
    expect(plan.agents.removed).toEqual(["lan"]);
    expect(plan.prelude).toEqual([
      { type: "agent.manual_status_set", agentId: "lan", status: "NOT_AVAILABLE" },
    ]);
    expect(plan.transform({ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" })).toEqual(
      [],
    );
    expect(
      plan.transform({ type: "agent.manual_status_set", agentId: "minh", status: "AVAILABLE" }),
    ).toHaveLength(1);
  });
});
