import { type CenterState, emptyState, type InputEvent, QUEUE_DEFAULTS, step } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { type CallEvent, parseCallEvent } from "./call-event.ts";
import { callEventInputs } from "./call-event-inputs.ts";

/** A center where call c1 of queue q1 rings `ringing` (ring-all when several). */
function centerRinging(ringing: string[]): CenterState {
  const state = emptyState();
  const send = (event: InputEvent | null, at = 1_000) => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(result.rejection.message);
  };
  for (const id of [...ringing, "idle"]) {
    send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
    if (id !== "idle") {
      send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
      send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" });
    }
  }
  send({ type: "group.upserted", group: { id: "g", name: "g", members: [...ringing, "idle"] } });
  const strategy = ringing.length > 1 ? "ring-all" : "longest-idle";
  send({
    type: "queue.upserted",
    queue: { ...QUEUE_DEFAULTS, id: "q1", name: "q1", groups: [{ groupId: "g", primary: true }], strategy },
  });
  send({ type: "call.arrived", callId: "c1", queueId: "q1", from: "84900000001" });
  expect(state.calls.c1?.ringing).toEqual(ringing);
  return state;
}

const pcc = (call_status: CallEvent["call_status"], extra: Record<string, unknown> = {}): CallEvent => {
  const parsed = parseCallEvent({ call_id: "c1", call_status, timestamp_ms: 5_000, ...extra });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
};

/** Submits what each PCC event maps to, the way the connector does (refusals are not expected here). */
function deliver(state: CenterState, events: CallEvent[], at = 2_000): void {
  for (const event of events) {
    for (const input of callEventInputs(state, event).inputs) {
      const result = step(state, input, at);
      if (!result.ok) throw new Error(result.rejection.message);
    }
  }
}

describe("callEventInputs: PCC call events → Callboard inputs", () => {
  it("answered: the agent named in to.number, else the one agent ringing; several ringing and none named → nothing", () => {
    const state = centerRinging(["a1"]);
    expect(callEventInputs(state, pcc("answered", { to: { number: "a1" } })).inputs).toEqual([
      { type: "call.answered", callId: "c1", agentId: "a1" },
    ]);
    expect(callEventInputs(state, pcc("answered", { to: { number: "84911111111" } })).inputs).toEqual([
      { type: "call.answered", callId: "c1", agentId: "a1" },
    ]);
    const ringAll = centerRinging(["a1", "a2"]);
    expect(callEventInputs(ringAll, pcc("answered", { to: { number: "84911111111" } }))).toEqual({
      inputs: [],
      note: "answered, but by which agent cannot be told",
    });
    expect(callEventInputs(ringAll, pcc("answered", { to: { number: "a2" } })).inputs).toEqual([
      { type: "call.answered", callId: "c1", agentId: "a2" },
    ]);
  });

  it("ended: while talking → ended with PCC's talk time and cause; while ringing → abandoned, unless answerDuration says it was answered", () => {
    const state = centerRinging(["a1"]);
    expect(callEventInputs(state, pcc("ended")).inputs).toEqual([{ type: "call.abandoned", callId: "c1" }]);
    expect(callEventInputs(state, pcc("ended", { answerDuration: 12 })).inputs).toEqual([
      { type: "call.answered", callId: "c1", agentId: "a1" },
      { type: "call.ended", callId: "c1", talkSec: 12, answered: true },
    ]);
    deliver(state, [pcc("answered")]);
    expect(
      callEventInputs(state, pcc("ended", { answerDuration: 30, endCallCause: "NORMAL_CLEARING" })).inputs,
    ).toEqual([{ type: "call.ended", callId: "c1", talkSec: 30, cause: "NORMAL_CLEARING" }]);
    expect(callEventInputs(state, pcc("agentEnded")).inputs).toEqual([{ type: "call.ended", callId: "c1" }]);
  });

  it("an answered call whose agent cannot be told (ring-all, no to.number) still ends as answered", () => {
    const state = centerRinging(["a1", "a2"]);
    deliver(state, [
      pcc("answered", { to: { number: "84911111111" } }),
      pcc("ended", { answerDuration: 40 }),
    ]);
    expect(state.calls).toEqual({});
    expect(state.queueRuntime.q1?.outcomes).toMatchObject({ answered: 1, abandoned: 0 });
  });

  it("agentEnded before an answer changes nothing: the caller may still be waiting", () => {
    const state = centerRinging(["a1"]);
    expect(callEventInputs(state, pcc("agentEnded")).inputs).toEqual([]);
  });

  it("a late answer (Callboard's offer timed out a moment before PCC's): the agent who missed it last", () => {
    const state = centerRinging(["a1"]);
    const timedOut = step(state, null, 1_000 + 15_000); // a1 misses; a1 is the only one: rung again
    expect(timedOut.ok && state.calls.c1?.ringing).toEqual(["a1"]);
    // Offer withdrawn (a1 went offline for a moment): nobody rings, a1 missed it.
    step(state, { type: "agent.presence_changed", agentId: "a1", signal: "app", online: false }, 16_500);
    expect(state.calls.c1).toMatchObject({ status: "waiting", missedBy: ["a1"] });
    expect(callEventInputs(state, pcc("answered", { to: { number: "84911111111" } })).inputs).toEqual([
      { type: "call.answered", callId: "c1", agentId: "a1" },
    ]);
  });

  it("created, started, ringing, repeats and unknown calls change nothing", () => {
    const state = centerRinging(["a1"]);
    for (const status of ["created", "started", "ringing"] as const) {
      expect(callEventInputs(state, pcc(status)).inputs).toEqual([]);
    }
    expect(callEventInputs(state, { ...pcc("answered"), call_id: "other" }).inputs).toEqual([]);
    deliver(state, [pcc("answered")]);
    expect(callEventInputs(state, pcc("answered")).inputs).toEqual([]);
  });

  it("out-of-order delivery converges: answered then ended, or ended (answered 12 s) then answered", () => {
    const inOrder = centerRinging(["a1"]);
    deliver(inOrder, [pcc("answered"), pcc("ended", { answerDuration: 12 })]);
    const reversed = centerRinging(["a1"]);
    deliver(reversed, [pcc("ended", { answerDuration: 12 }), pcc("answered")]);
    expect(reversed).toEqual(inOrder);
    expect(inOrder.calls).toEqual({});
    expect(inOrder.queueRuntime.q1?.outcomes.answered).toBe(1);
    expect(inOrder.agents.a1?.answeredCalls).toBe(1);
    expect(inOrder.agents.a1?.talkTimeMs).toBe(12_000); // PCC's answerDuration, whichever order
  });
});
