import { callIdSchema, callPartySchema, describeZodError } from "@callboard/contracts";
import { z } from "zod";
import { boolLike, numberLike, opaqueId } from "./lenient.ts";

/** The call_status values Stringee posts to the event URL (§9). */
export const CALL_EVENT_STATUSES = [
  "created",
  "started",
  "ringing",
  "answered",
  "ended",
  "agentEnded",
] as const;
export type CallEventStatus = (typeof CALL_EVENT_STATUSES)[number];

const optionalString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** A call leg's end: `number` is a phone number or a user id (bounded like an id, as the contracts do). */
const partySchema = z.object({
  number: z
    .union([z.string(), z.number()], { error: "must be a string" })
    .transform(String)
    .pipe(callPartySchema),
  alias: optionalString,
  is_online: boolLike.nullish().transform((v) => v ?? undefined),
  type: optionalString,
});

/** A Stringee call event (§9). Unknown fields are dropped; PCC-specific extras are UNCONFIRMED. */
export const callEventSchema = z.object({
  /** Bounded like the contracts' call ids: the same call refused through tRPC is refused here. */
  call_id: opaqueId.pipe(callIdSchema),
  call_status: z.enum(CALL_EVENT_STATUSES, { error: `must be one of ${CALL_EVENT_STATUSES.join(", ")}` }),
  timestamp_ms: numberLike,
  project_id: optionalString,
  type: optionalString,
  request_from_user_id: optionalString,
  from: partySchema.nullish().transform((v) => v ?? undefined),
  to: partySchema.nullish().transform((v) => v ?? undefined),
  clientCustomData: optionalString,
  callCreatedReason: optionalString,
  endCallCause: optionalString,
  endedBy: optionalString,
  callType: optionalString,
  duration: numberLike.nullish().transform((v) => v ?? undefined),
  answerDuration: numberLike.nullish().transform((v) => v ?? undefined),
});
export type CallEvent = z.infer<typeof callEventSchema>;

/** The event, or a message naming the bad field. */
export type ParseCallEventResult = { ok: true; event: CallEvent } | { ok: false; error: string };

/** Reads a call event from parsed JSON or raw JSON text, or says which field is wrong. */
export function parseCallEvent(json: unknown): ParseCallEventResult {
  let value = json;
  if (typeof json === "string" || Buffer.isBuffer(json)) {
    try {
      value = JSON.parse(json.toString());
    } catch {
      return { ok: false, error: "body: must be JSON" };
    }
  }
  const parsed = callEventSchema.safeParse(value);
  return parsed.success
    ? { ok: true, event: parsed.data }
    : { ok: false, error: describeZodError(parsed.error) };
}

/** The idempotency key of an event: Stringee may retry a post, and the same status at the same instant is one fact. */
export function callEventKey(event: Pick<CallEvent, "call_id" | "call_status" | "timestamp_ms">): string {
  return `${event.call_id}|${event.call_status}|${event.timestamp_ms}`;
}
