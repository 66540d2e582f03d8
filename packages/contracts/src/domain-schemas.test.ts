import { describe, expect, it } from "vitest";
import {
  inputEventSchema,
  queueConfigSchema,
  setManualStatusSchema,
  submitEventSchema,
} from "./domain-schemas.ts";
import { describeZodError } from "./errors.ts";

/** The message a client would read for this input, or null when it is valid. */
function problem(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? null : describeZodError(result.error as never);
}

describe("input event schema", () => {
  it("accepts every input event type", () => {
    const events = [
      {
        type: "agent.upserted",
        agent: { id: "a", name: "Lan", phoneNumber: "+84912345678", routingType: 2 },
      },
      { type: "agent.upserted", agent: { id: "a", name: "Lan", phoneNumber: null, routingType: 1 } },
      { type: "agent.presence_changed", agentId: "a", signal: "sip", online: true },
      { type: "agent.push_token_changed", agentId: "a", token: "fcm:abc", registered: false },
      { type: "agent.manual_status_set", agentId: "a", status: "SHORT_BREAK" },
      { type: "queue.upserted", queue: { id: "q", name: "Sales", members: ["a"], answerTimeoutSec: 3 } },
      { type: "call.arrived", callId: "c", queueId: "q", from: "84900000000" },
      { type: "call.answered", callId: "c", agentId: "a" },
      { type: "call.ended", callId: "c" },
      { type: "call.abandoned", callId: "c" },
    ];
    for (const event of events) expect(problem(inputEventSchema, event)).toBeNull();
  });

  it.each([
    [{ type: "call.offered", callId: "c" }, /^type: type must be one of the input event types/],
    [{ callId: "c" }, /^type: /],
    [
      { type: "agent.manual_status_set", agentId: "a", status: "available" },
      /^status: must be one of AVAILABLE, /,
    ],
    [
      { type: "agent.manual_status_set", agentId: "", status: "AVAILABLE" },
      /^agentId: agent id must not be empty$/,
    ],
    [
      { type: "agent.manual_status_set", agentId: 7, status: "AVAILABLE" },
      /^agentId: agent id must be a string$/,
    ],
    [
      { type: "agent.upserted", agent: { id: "a", name: "Lan", phoneNumber: "0912345678", routingType: 2 } },
      /^agent\.phoneNumber: must be country code first/,
    ],
    [
      { type: "agent.upserted", agent: { id: "a", name: "Lan", phoneNumber: null, routingType: 3 } },
      /^agent\.routingType: must be 1 \(App\/Web\/SIP phone\) or 2 \(phone number\)$/,
    ],
    [
      { type: "agent.presence_changed", agentId: "a", signal: "push", online: true },
      /^signal: must be "app" or "sip"$/,
    ],
    [
      { type: "agent.presence_changed", agentId: "a", signal: "app", online: "yes" },
      /^online: must be true or false$/,
    ],
    [{ type: "call.arrived", callId: "c", queueId: "q" }, /^from: /],
    [{ type: "call.ended", callId: "c", extra: 1 }, /extra/],
  ])("refuses %j naming the field", (event, message) => {
    expect(problem(inputEventSchema, event)).toMatch(message);
  });

  it("lists every bad field of one input", () => {
    const message = problem(inputEventSchema, {
      type: "agent.upserted",
      agent: { id: "", name: "", phoneNumber: "abc", routingType: 1 },
    });
    expect(message).toContain("agent.id: agent id must not be empty");
    expect(message).toContain("agent.name: must not be empty");
    expect(message).toContain("agent.phoneNumber: must be country code first");
  });
});

describe("queue config schema", () => {
  const queue = { id: "q", name: "Sales", members: [], answerTimeoutSec: 15 };
  it.each([
    [2, /^answerTimeoutSec: must be at least 3 seconds$/],
    [7.5, /^answerTimeoutSec: must be a whole number of seconds$/],
    ["15", /^answerTimeoutSec: must be a number of seconds$/],
  ])("refuses an answer timeout of %j", (answerTimeoutSec, message) => {
    expect(problem(queueConfigSchema, { ...queue, answerTimeoutSec })).toMatch(message);
  });
  it("accepts PCC's minimum of 3 seconds", () => {
    expect(problem(queueConfigSchema, { ...queue, answerTimeoutSec: 3 })).toBeNull();
  });
});

describe("command schemas", () => {
  it("bounds idempotency keys and refuses unknown fields", () => {
    const event = { type: "call.ended", callId: "c" };
    expect(problem(submitEventSchema, { event, idempotencyKey: "k" })).toBeNull();
    expect(problem(submitEventSchema, { event, idempotencyKey: "" })).toMatch(
      /^idempotencyKey: must not be empty$/,
    );
    expect(problem(submitEventSchema, { event, idempotencyKey: "k".repeat(201) })).toMatch(/at most 200/);
    expect(problem(submitEventSchema, { event, seq: 5 })).toMatch(/seq/);
    expect(problem(setManualStatusSchema, { agentId: "a" })).toMatch(/^status: must be one of/);
  });
});
