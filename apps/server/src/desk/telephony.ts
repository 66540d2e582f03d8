import type { TelephonyPort } from "@callboard/api";
import { DomainRejectedError } from "@callboard/contracts";
import { CallStatus, own } from "@callboard/routing";
import type { Core } from "../core.ts";

/**
 * The telephony port's one implementation over Callboard's engine (decision 0012). In standalone
 * mode it *is* the telephony: an answer is the `call.answered` event, a hang-up the `call.ended`.
 * In stringee mode the page's Stringee SDK has already answered, rejected or hung up with PCC, and
 * the same calls record it — PCC's call events name no agent, so the desk's word is how Callboard
 * knows who took the call; when PCC's own event got there first, the report changes nothing.
 */
export function createTelephony(core: Core, kind: TelephonyPort["kind"]): TelephonyPort {
  /** The agent's live call, or a refusal that says why it is not theirs to act on. */
  const callOf = (callId: string) => {
    const call = own(core.state.calls, callId);
    if (!call)
      throw new DomainRejectedError({
        code: "UNKNOWN_CALL",
        message: `call "${callId}" has ended or was withdrawn`,
      });
    return call;
  };
  const alreadyRecorded = { seq: 0, duplicate: true } as const;
  return {
    kind,
    async answer(agentId, callId) {
      const call = callOf(callId);
      if (kind === "stringee" && call.status === CallStatus.TALKING && call.agentId === agentId)
        return alreadyRecorded;
      if (call.status === CallStatus.TALKING && call.agentId !== agentId)
        throw new DomainRejectedError({
          code: "CONFLICT",
          message: `call "${callId}" was already answered by another agent`,
        });
      return core.submit({ type: "call.answered", callId, agentId });
    },
    decline(agentId, callId) {
      callOf(callId);
      return core.submit({ type: "call.declined", callId, agentId });
    },
    async hangUp(agentId, callId) {
      const call = own(core.state.calls, callId);
      if (!call && kind === "stringee") return alreadyRecorded;
      if (!call || call.status !== CallStatus.TALKING || call.agentId !== agentId)
        throw new DomainRejectedError({
          code: "CONFLICT",
          message: `call "${callId}" is not a call you are on`,
        });
      return core.submit({ type: "call.ended", callId, cause: "hung up by the agent" });
    },
  };
}
