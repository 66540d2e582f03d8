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
      { type: "group.upserted", group: { id: "g", name: "Sales team", members: ["a"] } },
      {
        type: "queue.upserted",
        queue: { id: "q", name: "Sales", groups: [{ groupId: "g", primary: true }] },
      },
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
  const queue = { id: "q", name: "Sales", groups: [{ groupId: "g", primary: true }] };

  it("fills in PCC's defaults", () => {
    expect(queueConfigSchema.parse(queue)).toEqual({
      ...queue,
      strategy: "longest-idle",
      waitAgentAnswerTimeout: 15,
      agentWrapUpAfterCalls: true,
      wrapUpTimeLimit: 10,
      maximumQueueSize: 5,
      maximumQueueWaitTime: 60,
      routeToBackupAfterSec: null,
      maxConsecutiveMisses: null,
      schedule: { kind: "always" },
      randomSeed: 0,
      serviceLevelSec: 20,
      shortAbandonSec: 5,
      serviceLevelTarget: 80,
      kpiWindowMin: 15,
      longestWaitAmberSec: 60,
      longestWaitRedSec: 120,
    });
  });

  it("defaults business hours to Vietnam's time zone", () => {
    const hours = [{ days: [1, 2, 3, 4, 5], open: "08:00", close: "17:30" }];
    const parsed = queueConfigSchema.parse({ ...queue, schedule: { kind: "business-hours", hours } });
    expect(parsed.schedule).toEqual({ kind: "business-hours", timeZone: "Asia/Ho_Chi_Minh", hours });
  });

  it.each([
    [{ waitAgentAnswerTimeout: 2 }, /^waitAgentAnswerTimeout: must be at least 3 seconds$/],
    [{ waitAgentAnswerTimeout: 7.5 }, /^waitAgentAnswerTimeout: must be a whole number of seconds$/],
    [{ waitAgentAnswerTimeout: "15" }, /^waitAgentAnswerTimeout: must be a number of seconds$/],
    [{ maximumQueueSize: -1 }, /^maximumQueueSize: must not be negative$/],
    [{ wrapUpTimeLimit: -5 }, /^wrapUpTimeLimit: must not be negative$/],
    [{ strategy: "fastest" }, /^strategy: must be one of longest-idle, round-robin/],
    [{ groups: [] }, /^groups: a queue must route to at least one group$/],
    [
      {
        groups: [
          { groupId: "g", primary: true },
          { groupId: "g", primary: false },
        ],
      },
      /^groups: a group is assigned to the queue twice$/,
    ],
    [{ maxConsecutiveMisses: 0 }, /^maxConsecutiveMisses: must be at least 1/],
    [
      {
        schedule: {
          kind: "business-hours",
          timeZone: "Mars/Olympus",
          hours: [{ days: [1], open: "08:00", close: "17:00" }],
        },
      },
      /^schedule\.timeZone: must be an IANA time zone/,
    ],
    [
      { schedule: { kind: "business-hours", hours: [{ days: [7], open: "08:00", close: "17:00" }] } },
      /^schedule\.hours\.0\.days\.0: days are 0 \(Sunday\) to 6 \(Saturday\)$/,
    ],
    [
      { schedule: { kind: "business-hours", hours: [{ days: [1], open: "18:00", close: "08:00" }] } },
      /^schedule\.hours\.0\.close: close must be later than open$/,
    ],
    [
      { schedule: { kind: "business-hours", hours: [{ days: [1], open: "8am", close: "17:00" }] } },
      /^schedule\.hours\.0\.open: must be a time of day/,
    ],
    [{ schedule: { kind: "sometimes" } }, /^schedule\.kind: kind must be "always" or "business-hours"$/],
    [{ serviceLevelSec: -1 }, /^serviceLevelSec: must not be negative$/],
    [{ shortAbandonSec: -1 }, /^shortAbandonSec: must not be negative$/],
    [{ serviceLevelTarget: 0 }, /^serviceLevelTarget: must be at least 1 \(percent\)$/],
    [{ serviceLevelTarget: 120 }, /^serviceLevelTarget: must be at most 100 \(percent\)$/],
    [{ kpiWindowMin: 0 }, /^kpiWindowMin: must be at least 1 minute$/],
    [{ kpiWindowMin: 241 }, /^kpiWindowMin: must be at most 240 minutes$/],
    [{ kpiWindowMin: 2.5 }, /^kpiWindowMin: must be a whole number of minutes$/],
    [{ longestWaitAmberSec: -3 }, /^longestWaitAmberSec: must not be negative$/],
    [{ longestWaitRedSec: -3 }, /^longestWaitRedSec: must not be negative/],
    [
      { longestWaitAmberSec: 200, longestWaitRedSec: 100 },
      /^longestWaitAmberSec: must not be above longestWaitRedSec \(amber comes before red\)$/,
    ],
  ])("refuses %j naming the field", (patch, message) => {
    expect(problem(queueConfigSchema, { ...queue, ...patch })).toMatch(message);
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
