import { describe, expect, it } from "vitest";
import { step } from "./engine.ts";
import type { InputEvent } from "./events.ts";
import { summarizeQueue } from "./queue-summary.ts";
import { emptyState } from "./state.ts";

describe("summarizeQueue", () => {
  it("counts waiting, ringing and talking calls, the longest wait and ringable members", () => {
    const state = emptyState();
    const run = (event: InputEvent, now: number) => {
      const result = step(state, event, now);
      if (!result.ok) throw new Error(result.rejection.message);
    };
    for (const id of ["a", "b", "c"]) {
      run({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } }, 0);
    }
    run(
      {
        type: "queue.upserted",
        queue: { id: "q", name: "Q", members: ["a", "b", "c"], answerTimeoutSec: 15 },
      },
      0,
    );
    for (const id of ["a", "b"]) {
      run({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, 0);
      run({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, 0);
    }
    expect(summarizeQueue(state, "q", 0)).toEqual({
      queueId: "q",
      waiting: 0,
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      eligible: 2,
      members: 3,
    });
    run({ type: "call.arrived", callId: "c1", queueId: "q", from: "84900000001" }, 1_000); // rings a
    run({ type: "call.answered", callId: "c1", agentId: "a" }, 2_000);
    run({ type: "call.arrived", callId: "c2", queueId: "q", from: "84900000002" }, 3_000); // rings b
    run({ type: "call.arrived", callId: "c3", queueId: "q", from: "84900000003" }, 4_000); // waits
    expect(summarizeQueue(state, "q", 10_000)).toEqual({
      queueId: "q",
      waiting: 1,
      ringing: 1,
      talking: 1,
      longestWaitMs: 7_000,
      eligible: 0,
      members: 3,
    });
    expect(summarizeQueue(state, "unknown", 10_000).members).toBe(0);
    expect(summarizeQueue(state, "toString", 10_000).members).toBe(0);
  });
});
