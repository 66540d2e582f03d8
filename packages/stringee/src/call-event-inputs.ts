import { CallStatus, type CenterState, type InputEvent, own } from "@callboard/routing";
import type { CallEvent } from "./call-event.ts";

/** What one PCC call event means for Callboard: the inputs to submit (maybe none) and why. */
export interface CallEventInputs {
  inputs: InputEvent[];
  note: string;
}

/**
 * Maps a PCC call event onto the call Callboard routed (correlated by call_id, the id PCC sent to
 * the routing webhook). PCC's events carry no agent id: the agent who answered is `to.number` when
 * that is a known agent (UNCONFIRMED), else the one agent Callboard is ringing for the call, else —
 * nobody ringing — the agent whose offer timed out last (PCC rings on a moment after Callboard's
 * timer; the engine accepts such a late answer while the call is still queued).
 * Delivery may be out of order: an `ended` whose answerDuration says the call was answered stands
 * in for an `answered` not yet seen, so both orders end in the same state.
 */
export function callEventInputs(state: CenterState, event: CallEvent): CallEventInputs {
  const call = own(state.calls, event.call_id);
  if (!call) return { inputs: [], note: "not a call Callboard is routing (never routed, or already over)" };
  const callId = call.id;
  switch (event.call_status) {
    case "created":
    case "started":
    case "ringing":
      return { inputs: [], note: `${event.call_status}: Callboard already knows the call is ${call.status}` };
    case "answered": {
      if (call.status === CallStatus.TALKING) return { inputs: [], note: "already answered" };
      const agentId = answeringAgent(state, call.ringing, call.missedBy, event);
      if (agentId === null) return { inputs: [], note: "answered, but by which agent cannot be told" };
      return { inputs: [{ type: "call.answered", callId, agentId }], note: `answered by ${agentId}` };
    }
    case "agentEnded":
      // The agent's leg ended (UNCONFIRMED meaning). Only a call being talked on ends with it; before an
      // answer it says nothing about the caller, who may still be waiting: PCC's "ended" will tell.
      if (call.status !== CallStatus.TALKING)
        return { inputs: [], note: "agentEnded before an answer: waiting for ended" };
      return { inputs: [ended(callId, event)], note: "the agent ended the call" };
    case "ended": {
      if (call.status === CallStatus.TALKING) return { inputs: [ended(callId, event)], note: "ended" };
      if ((event.answerDuration ?? 0) <= 0) {
        return { inputs: [{ type: "call.abandoned", callId }], note: "caller left before an answer" };
      }
      // Answered, though the answered event came late, never, or was refused: the call still counts
      // as answered (`answered: true`) even if the agent cannot be told or Callboard had moved it on.
      const agentId = answeringAgent(state, call.ringing, call.missedBy, event);
      const end = { ...ended(callId, event), answered: true };
      if (agentId === null)
        return { inputs: [end], note: "ended after an answer by an agent PCC did not name" };
      return {
        inputs: [{ type: "call.answered", callId, agentId }, end],
        note: `ended after ${agentId} answered (the answered event came late or never)`,
      };
    }
  }
}

/** PCC's measurements on the end of a call: talk time (answerDuration, seconds) and the end cause. */
function ended(callId: string, event: CallEvent): Extract<InputEvent, { type: "call.ended" }> {
  return {
    type: "call.ended",
    callId,
    ...(event.answerDuration !== undefined && event.answerDuration >= 0
      ? { talkSec: event.answerDuration }
      : {}),
    ...(event.endCallCause ? { cause: event.endCallCause.slice(0, 200) } : {}),
  };
}

function answeringAgent(
  state: CenterState,
  ringing: readonly string[],
  missedBy: readonly string[],
  event: CallEvent,
): string | null {
  const named = event.to?.number;
  if (named !== undefined && own(state.agents, named)) return named;
  if (ringing.length === 1) return ringing[0]!;
  return ringing.length === 0 ? (missedBy.at(-1) ?? null) : null;
}
