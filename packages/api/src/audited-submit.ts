import type { Actor, AuditAction, SubmitResult } from "@callboard/contracts";
import type { InputEvent } from "@callboard/routing";
import type { AuthHandle, CoreHandle } from "./context.ts";

/** What an input event is about, for the audit trail's target column. */
function subjectOf(event: InputEvent): string {
  switch (event.type) {
    case "agent.upserted":
      return event.agent.id;
    case "group.upserted":
      return event.group.id;
    case "queue.upserted":
      return event.queue.id;
    case "group.removed":
      return event.groupId;
    case "queue.removed":
      return event.queueId;
    case "group.members_changed":
      return event.changes.map((c) => c.groupId).join(",");
    default:
      return "agentId" in event ? event.agentId : event.callId;
  }
}

/** Push tokens are credentials of the agent's device: the trail says one changed, not what it is. */
function redacted(event: InputEvent): InputEvent {
  return event.type === "agent.push_token_changed" ? { ...event, token: "[redacted]" } : event;
}

/**
 * A change made by a person: submitted to the core and, once durable, recorded in the audit trail
 * with who, from where, before and after, and the seq it became in the event log. A refused or
 * duplicate submission changes nothing and is not recorded as a change; a machine's (operator
 * token) is recorded only in the log.
 */
export async function submitAsPerson(
  deps: { core: CoreHandle; auth: AuthHandle },
  actor: Actor,
  event: InputEvent,
  options: { idempotencyKey?: string | null; action?: AuditAction; before?: unknown; after?: unknown } = {},
): Promise<SubmitResult> {
  const result = await deps.core.submit(event, options.idempotencyKey ?? null);
  // Machines' feeds (the operator token) are in the log already; the trail is for people, and a
  // feed's volume must not push their entries out of it.
  if (!result.duplicate && actor.principal?.kind !== "operator") {
    deps.auth.audit(
      options.action ?? "center.event_submitted",
      actor,
      subjectOf(event),
      options.before ?? null,
      options.after ?? redacted(event),
      result.seq,
    );
  }
  return result;
}
