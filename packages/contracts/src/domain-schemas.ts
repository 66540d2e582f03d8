import {
  type AgentProfile,
  DEFAULT_TIME_ZONE,
  type GroupConfig,
  type InputEvent,
  isClockTime,
  isKnownTimeZone,
  isValidPhoneNumber,
  KPI_WINDOW_MIN_MAX,
  MANUAL_STATUSES,
  MIN_ANSWER_TIMEOUT_SEC,
  PHONE_NUMBER_MAX_LENGTH,
  PHONE_NUMBER_RULE,
  QUEUE_DEFAULTS,
  type QueueConfig,
  STRATEGIES,
} from "@callboard/routing";
import { z } from "zod";

/**
 * The field limits every edge applies — tRPC, /api/events, PCC's routing webhook and call events
 * (packages/stringee reuses these schemas) — so the same input is refused the same way everywhere.
 */
export const ID_MAX_LENGTH = 128;

/** Ids are opaque strings (PCC mixes `AG_…` and 16-char ids); we only bound them. */
const id = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(ID_MAX_LENGTH, `${what} must be at most ${ID_MAX_LENGTH} characters`);

export const agentIdSchema = id("agent id");
export const groupIdSchema = id("group id");
export const queueIdSchema = id("queue id");

/**
 * A record's version (RecordVersions: the seq of its last configuration change) as an edit sends
 * it; 0 = "create only". The domain refuses the edit if the record is no longer at that version.
 */
export const versionSchema = z
  .number({ error: "must be a version number" })
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(Number.MAX_SAFE_INTEGER, "is too large");
export const callIdSchema = id("call id");

/** A caller's number as the telephony sends it (call.arrived's `from`): bounded like a phone number, any form. */
export const callerNumberSchema = z
  .string({ error: "must be a string" })
  .trim()
  .max(PHONE_NUMBER_MAX_LENGTH, `must be at most ${PHONE_NUMBER_MAX_LENGTH} characters`);

/** One end of a call in PCC's events: a phone number or a user id (an agent id), so bounded like an id. */
export const callPartySchema = z
  .string({ error: "must be a string" })
  .trim()
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`);

export const manualStatusSchema = z.enum(MANUAL_STATUSES, {
  error: `must be one of ${MANUAL_STATUSES.join(", ")}`,
});

/**
 * A phone number an operator or the board enters: country code first (PCC's form). The domain itself
 * accepts any configured number (PCC's rule only needs one; the sync keeps what PCC holds and the
 * board flags it), but Callboard's own inputs are held to the form PCC documents.
 */
export const phoneNumberSchema = z
  .string({ error: "must be a string or null" })
  .max(PHONE_NUMBER_MAX_LENGTH, `must be at most ${PHONE_NUMBER_MAX_LENGTH} characters`)
  .refine(isValidPhoneNumber, `must be ${PHONE_NUMBER_RULE}`);

export const agentProfileSchema = z.strictObject({
  id: agentIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  phoneNumber: phoneNumberSchema.nullable(),
  routingType: z.union([z.literal(1), z.literal(2)], {
    error: "must be 1 (App/Web/SIP phone) or 2 (phone number)",
  }),
}) satisfies z.ZodType<AgentProfile>;

const agentIdList = z.array(agentIdSchema).max(10_000, "must list at most 10,000 agents");

export const groupConfigSchema = z.strictObject({
  id: groupIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  members: agentIdList,
}) satisfies z.ZodType<GroupConfig>;

/** Members added to and removed from groups in one event (a bulk edit, or a move between groups). */
export const groupMemberChangesSchema = z
  .array(z.strictObject({ groupId: groupIdSchema, add: agentIdList, remove: agentIdList }))
  .min(1, "must name at least one group")
  .max(100, "must name at most 100 groups");

const seconds = (max: number) =>
  z
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(0, "must not be negative")
    .max(max, `must be at most ${max} seconds`);

const clockTime = z.string().refine(isClockTime, 'must be a time of day "HH:MM" (00:00–24:00)');

const scheduleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("always") }),
    z.strictObject({
      kind: z.literal("business-hours"),
      timeZone: z
        .string()
        .default(DEFAULT_TIME_ZONE)
        .refine(isKnownTimeZone, "must be an IANA time zone such as Asia/Ho_Chi_Minh"),
      hours: z
        .array(
          z
            .strictObject({
              days: z
                .array(
                  z
                    .number()
                    .int()
                    .min(0, "days are 0 (Sunday) to 6 (Saturday)")
                    .max(6, "days are 0 (Sunday) to 6 (Saturday)"),
                )
                .min(1, "must name at least one day"),
              open: clockTime,
              close: clockTime,
            })
            .refine((h) => h.open < h.close, { message: "close must be later than open", path: ["close"] }),
        )
        .min(1, "business hours need at least one opening"),
    }),
  ],
  { error: 'kind must be "always" or "business-hours"' },
);

/** A queue as PCC names its fields; anything omitted takes PCC's default (QUEUE_DEFAULTS). */
export const queueConfigSchema = z
  .strictObject({
    id: queueIdSchema,
    name: z.string().trim().min(1, "must not be empty").max(120),
    groups: z
      .array(
        z.strictObject({
          groupId: groupIdSchema,
          primary: z.boolean({ error: "must be true (primary) or false (backup)" }),
        }),
      )
      .min(1, "a queue must route to at least one group")
      .max(100),
    strategy: z
      .enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(", ")}` })
      .default(QUEUE_DEFAULTS.strategy),
    waitAgentAnswerTimeout: z
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(MIN_ANSWER_TIMEOUT_SEC, `must be at least ${MIN_ANSWER_TIMEOUT_SEC} seconds`)
      .max(600, "must be at most 600 seconds")
      .default(QUEUE_DEFAULTS.waitAgentAnswerTimeout),
    agentWrapUpAfterCalls: z
      .boolean({ error: "must be true or false" })
      .default(QUEUE_DEFAULTS.agentWrapUpAfterCalls),
    wrapUpTimeLimit: seconds(3600).default(QUEUE_DEFAULTS.wrapUpTimeLimit),
    maximumQueueSize: z
      .number({ error: "must be a number of calls" })
      .int("must be a whole number of calls")
      .min(0, "must not be negative")
      .max(100_000)
      .default(QUEUE_DEFAULTS.maximumQueueSize),
    maximumQueueWaitTime: seconds(86_400).default(QUEUE_DEFAULTS.maximumQueueWaitTime),
    routeToBackupAfterSec: seconds(86_400).nullable().default(QUEUE_DEFAULTS.routeToBackupAfterSec),
    maxConsecutiveMisses: z
      .number({ error: "must be a number of offers or null" })
      .int("must be a whole number")
      .min(1, "must be at least 1 (or null for never)")
      .nullable()
      .default(QUEUE_DEFAULTS.maxConsecutiveMisses),
    schedule: scheduleSchema.default(QUEUE_DEFAULTS.schedule),
    randomSeed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(QUEUE_DEFAULTS.randomSeed),
    // Callboard's KPI and wallboard settings (PCC has none): see QueueKpiSettings.
    // (describeZodError puts the field's path before each message.)
    serviceLevelSec: seconds(3600).default(QUEUE_DEFAULTS.serviceLevelSec),
    shortAbandonSec: seconds(600).default(QUEUE_DEFAULTS.shortAbandonSec),
    serviceLevelTarget: z
      .number({ error: "must be a percentage from 1 to 100" })
      .min(1, "must be at least 1 (percent)")
      .max(100, "must be at most 100 (percent)")
      .default(QUEUE_DEFAULTS.serviceLevelTarget),
    kpiWindowMin: z
      .number({ error: "must be a number of minutes" })
      .int("must be a whole number of minutes")
      .min(1, "must be at least 1 minute")
      .max(KPI_WINDOW_MIN_MAX, `must be at most ${KPI_WINDOW_MIN_MAX} minutes`)
      .default(QUEUE_DEFAULTS.kpiWindowMin),
    longestWaitAmberSec: seconds(86_400).default(QUEUE_DEFAULTS.longestWaitAmberSec),
    longestWaitRedSec: seconds(86_400).default(QUEUE_DEFAULTS.longestWaitRedSec),
  })
  .refine((q) => new Set(q.groups.map((g) => g.groupId)).size === q.groups.length, {
    message: "a group is assigned to the queue twice",
    path: ["groups"],
  })
  .refine((q) => q.longestWaitAmberSec <= q.longestWaitRedSec, {
    message: "must not be above longestWaitRedSec (amber comes before red)",
    path: ["longestWaitAmberSec"],
  }) satisfies z.ZodType<QueueConfig>;

/** Every event an outside source may submit; engine events (offers, timeouts) are never accepted from outside. */
export const inputEventSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("agent.upserted"),
      agent: agentProfileSchema,
      initialManualStatus: manualStatusSchema.optional(),
      ifVersion: versionSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("agent.removed"),
      agentId: agentIdSchema,
      ifVersion: versionSchema.optional(),
    }),
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
    z.strictObject({
      type: z.literal("agent.system_status_reported"),
      agentId: agentIdSchema,
      // Any whole number PCC reports is kept; only 1 is free (0 = on a call; 2 = after-call work?).
      systemStatus: z
        .number({ error: "must be a whole number (1 = free, 0 = on a call; any other is not free)" })
        .int("must be a whole number (1 = free, 0 = on a call; any other is not free)")
        .min(0, "must not be negative")
        .max(1_000, "must be at most 1000"),
    }),
    z.strictObject({
      type: z.literal("group.upserted"),
      group: groupConfigSchema,
      ifVersion: versionSchema.optional(),
    }),
    z.strictObject({ type: z.literal("group.members_changed"), changes: groupMemberChangesSchema }),
    z.strictObject({
      type: z.literal("group.removed"),
      groupId: groupIdSchema,
      ifVersion: versionSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("queue.upserted"),
      queue: queueConfigSchema,
      ifVersion: versionSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("queue.removed"),
      queueId: queueIdSchema,
      ifVersion: versionSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("call.arrived"),
      callId: callIdSchema,
      queueId: queueIdSchema,
      from: callerNumberSchema.min(1, "must not be empty"),
    }),
    z.strictObject({ type: z.literal("call.answered"), callId: callIdSchema, agentId: agentIdSchema }),
    z.strictObject({ type: z.literal("call.declined"), callId: callIdSchema, agentId: agentIdSchema }),
    z.strictObject({
      type: z.literal("call.ended"),
      callId: callIdSchema,
      talkSec: z
        .number({ error: "must be a number of seconds" })
        .min(0, "must not be negative")
        .max(86_400 * 7)
        .optional(),
      cause: z.string().trim().min(1, "must not be empty").max(200).optional(),
      answered: z.boolean({ error: "must be true or false" }).optional(),
    }),
    z.strictObject({ type: z.literal("call.abandoned"), callId: callIdSchema }),
  ],
  { error: "type must be one of the input event types (agent.*, group.*, queue.*, call.*)" },
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
