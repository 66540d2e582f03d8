import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainRejectedError } from "@callboard/contracts";
import {
  callEventInputs,
  callEventKey,
  parseCallEvent,
  STRINGEE_SIGNATURE_HEADER,
  verifyStringeeSignature,
} from "@callboard/stringee";
import type { Logger } from "pino";
import type { Core } from "../core.ts";
import { answerErrors, HttpError, readBody, sendJson } from "../http.ts";
import type { ConnectorPanel } from "./status.ts";

export interface CallEventsDeps {
  core: Core;
  state: ConnectorPanel;
  signingSecret: string | null;
  logger: Logger;
  clock: () => number;
}

/**
 * PCC's event_url (callsettings): checks the signature over the raw body before anything else
 * (401, nothing recorded), then submits what the event means for the routed call. Each input is
 * keyed by (call_id, call_status, timestamp_ms), so a redelivered event is acknowledged, not
 * applied twice. Events for calls Callboard did not route are acknowledged and ignored.
 */
export function handleCallEvents(req: IncomingMessage, res: ServerResponse, deps: CallEventsDeps) {
  return answerErrors(res, async () => {
    const { core, state, clock } = deps;
    if (req.method !== "POST") throw new HttpError(405, "use POST");
    const raw = await readBody(req);
    if (deps.signingSecret !== null) {
      const header = req.headers[STRINGEE_SIGNATURE_HEADER.toLowerCase()];
      if (
        !verifyStringeeSignature(deps.signingSecret, raw, typeof header === "string" ? header : undefined)
      ) {
        state.status.events.refusedSignatures++;
        state.problem("events", "a call event had a missing or wrong X-STRINGEE-SIGNATURE; refused", clock());
        throw new HttpError(401, `missing or invalid ${STRINGEE_SIGNATURE_HEADER}`);
      }
    }
    const parsed = parseCallEvent(raw);
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const event = parsed.event;
    const events = state.status.events;
    events.received++;
    events.lastAt = clock();
    events.lastStatus = event.call_status;

    const { inputs, note } = callEventInputs(core.state, event);
    const key = callEventKey(event);
    let applied = 0;
    for (const [i, input] of inputs.entries()) {
      try {
        const result = await core.submit(input, `pcc-event:${key}:${i}`);
        if (!result.duplicate) applied++;
      } catch (error) {
        if (!(error instanceof DomainRejectedError)) throw error;
        // A late or repeated event the call has moved past: recorded as refused by the core, acknowledged here
        // so PCC does not retry it forever.
        state.problem("events", `${key}: ${error.message}`, clock());
      }
    }
    if (applied > 0) events.applied++;
    else events.ignored++;
    sendJson(res, 200, { ok: true, applied, note });
  });
}
