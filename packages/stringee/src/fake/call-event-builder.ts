import type { CallEventStatus } from "../call-event.ts";

/** A call party: a phone number or user id, with the details Stringee adds. */
export interface FakeParty {
  number: string;
  alias?: string;
  isOnline?: boolean;
  type?: "internal" | "external";
}

/** A call event in test-friendly names; `callEvent` turns it into Stringee's wire shape. */
export interface CallEventInput {
  callId: string;
  status: CallEventStatus;
  timestampMs: number;
  from: string | FakeParty;
  to: string | FakeParty;
  projectId?: number;
  /** Only on `ended` in Stringee's samples. */
  endCallCause?: string;
  endedBy?: "EXTERNAL" | "INTERNAL";
  duration?: number;
  answerDuration?: number;
  /** Any other field to put on the wire as is. */
  extra?: Record<string, unknown>;
}

function party(p: string | FakeParty) {
  const value = typeof p === "string" ? { number: p } : p;
  return {
    number: value.number,
    alias: value.alias ?? value.number,
    is_online: value.isOnline ?? false,
    type: value.type ?? (/^\+?\d+$/.test(value.number) ? "external" : "internal"),
  };
}

/** A call event in Stringee's wire shape (§9), so tests post exactly what PCC would. */
export function callEvent(input: CallEventInput): Record<string, unknown> {
  const ended = input.status === "ended";
  return {
    call_status: input.status,
    project_id: input.projectId ?? 1,
    request_from_user_id: "",
    account_sid: "AC_FAKE",
    timestamp_ms: input.timestampMs,
    from: party(input.from),
    to: party(input.to),
    type: "stringee_call",
    call_id: input.callId,
    clientCustomData: "",
    ...(ended
      ? {
          callCreatedReason: "EXTERNAL_CALL_IN",
          endCallCause: input.endCallCause ?? "NORMAL_CLEARING",
          endedBy: input.endedBy ?? "EXTERNAL",
          callType: "CALL",
          duration: input.duration ?? 0,
          answerDuration: input.answerDuration ?? 0,
        }
      : {}),
    ...(!ended && input.endCallCause !== undefined ? { endCallCause: input.endCallCause } : {}),
    ...(!ended && input.duration !== undefined ? { duration: input.duration } : {}),
    ...input.extra,
  };
}
