import { emptyState, type InputEvent, type LoggedEvent, QUEUE_DEFAULTS, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics.ts";

function center() {
  const state = emptyState();
  const inputs: InputEvent[] = [
    { type: "agent.upserted", agent: { id: "a1", name: "A", phoneNumber: null, routingType: 1 } },
    { type: "group.upserted", group: { id: "g1", name: "G", members: ["a1"] } },
    {
      type: "queue.upserted",
      queue: { ...QUEUE_DEFAULTS, id: "q1", name: "Q", groups: [{ groupId: "g1", primary: true }] },
    },
    { type: "call.arrived", callId: "c1", queueId: "q1", from: "84900000001" },
  ];
  for (const input of inputs) step(state, input, 1_000);
  return state;
}

describe("/metrics labels", () => {
  it("labels only the center's queues, event types and rejection codes; anything else is 'other'", async () => {
    const state = center();
    const metrics = createMetrics(
      state,
      () => 2_000,
      () => 0,
    );
    // A queue id that exists only in a (refused) request never becomes a label.
    const refused = step(
      state,
      { type: "call.arrived", callId: "c2", queueId: "q-from-a-request", from: "1" },
      2_000,
    );
    expect(refused.ok).toBe(false);
    metrics.onRejected("UNKNOWN_QUEUE");
    metrics.onRejected("<script>q-from-a-request</script>");
    metrics.onAppended([{ type: "call.arrived", seq: 9, at: 1 } as LoggedEvent]);
    metrics.onAppended([{ type: "made.up", seq: 10, at: 1 } as unknown as LoggedEvent]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('callboard_calls_waiting{queue="q1"} 1');
    expect(text).not.toContain("q-from-a-request");
    expect(text).toContain('callboard_events_rejected_total{code="UNKNOWN_QUEUE"} 1');
    expect(text).toContain('callboard_events_rejected_total{code="other"} 1');
    expect(text).not.toContain("<script>");
    expect(text).toContain('callboard_events_total{type="call.arrived"} 1');
    expect(text).toContain('callboard_events_total{type="other"} 1');
    expect(text).not.toContain("made.up");
  });
});
