import {
  type AgentProfile,
  type InputEvent,
  isValidPhoneNumber,
  MANUAL_STATUSES,
  MIN_ANSWER_TIMEOUT_SEC,
  PHONE_NUMBER_RULE,
  type QueueConfig,
} from "@callboard/routing";
import { z } from "zod";

/** Ids are opaque strings (PCC mixes `AG_…` and 16-char ids); we only bound them. */
const id = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(128, `${what} must be at most 128 characters`);

export const agentIdSchema = id("agent id");
export const queueIdSchema = id("queue id");
export const callIdSchema = id("call id");

export const manualStatusSchema = z.enum(MANUAL_STATUSES, {
  error: `must be one of ${MANUAL_STATUSES.join(", ")}`,
});

export const phoneNumberSchema = z
  .string({ error: "must be a string or null" })
  .refine(isValidPhoneNumber, `must be ${PHONE_NUMBER_RULE}`);

export const agentProfileSchema = z.strictObject({
  id: agentIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  phoneNumber: phoneNumberSchema.nullable(),
  routingType: z.union([z.literal(1), z.literal(2)], {
    error: "must be 1 (App/Web/SIP phone) or 2 (phone number)",
  }),
}) satisfies z.ZodType<AgentProfile>;

export const queueConfigSchema = z.strictObject({
  id: queueIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(120),
  members: z.array(agentIdSchema).max(10_000),
  answerTimeoutSec: z
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(MIN_ANSWER_TIMEOUT_SEC, `must be at least ${MIN_ANSWER_TIMEOUT_SEC} seconds`)
    .max(600, "must be at most 600 seconds"),
}) satisfies z.ZodType<QueueConfig>;

/** Every event an outside source may submit; engine events (offers, timeouts) are never accepted from outside. */
export const inputEventSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("agent.upserted"), agent: agentProfileSchema }),
    z.strictObject({
      type: z.literal("agent.presence_changed"),
      agentId: agentIdSchema,
      signal: z.enum(["app", "sip"], { error: 'must be "app" or "sip"' }),
      online: z.boolean({ error: "must be true or false" }),
    }),
    z.strictObject({
      type: z.literal("agent.push_token_changed"),
      agentId: agentIdSchema,
      token: id("push token").max(4096),
      registered: z.boolean({ error: "must be true or false" }),
    }),
    z.strictObject({
      type: z.literal("agent.manual_status_set"),
      agentId: agentIdSchema,
      status: manualStatusSchema,
    }),
    z.strictObject({ type: z.literal("queue.upserted"), queue: queueConfigSchema }),
    z.strictObject({
      type: z.literal("call.arrived"),
      callId: callIdSchema,
      queueId: queueIdSchema,
      from: z.string().trim().min(1, "must not be empty").max(64),
    }),
    z.strictObject({ type: z.literal("call.answered"), callId: callIdSchema, agentId: agentIdSchema }),
    z.strictObject({ type: z.literal("call.ended"), callId: callIdSchema }),
    z.strictObject({ type: z.literal("call.abandoned"), callId: callIdSchema }),
  ],
  { error: "type must be one of the input event types (agent.*, queue.upserted, call.*)" },
) satisfies z.ZodType<InputEvent>;

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");

/** Body of POST /api/events and input of the events.submit mutation. */
export const submitEventSchema = z.strictObject({
  event: inputEventSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type SubmitEventInput = z.infer<typeof submitEventSchema>;

export const setManualStatusSchema = z.strictObject({
  agentId: agentIdSchema,
  status: manualStatusSchema,
});
export type SetManualStatusInput = z.infer<typeof setManualStatusSchema>;
