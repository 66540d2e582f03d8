import { callerNumberSchema, callPartySchema } from "@callboard/contracts";
import { type CenterState, own } from "@callboard/routing";
import { z } from "zod";

/**
 * PCC's `get_customer_info_url` (call settings; PCC doc §15): when a call rings an agent, PCC asks
 * with `GET ?from=&to=&project=` and hands the answer body, as a string, to the agent's SDK call
 * as `customDataFromYourServer`. PCC documents the request and the 2000 ms default timeout only;
 * the answer's shape is ours — this is the contract Callboard assumes and writes:
 *
 * - 200, `application/json`, at most a few hundred bytes:
 *   `{ version: 1, customer: { number }, queue: { id, name, callId, arrivedAt } | null }`
 * - `queue` is the call from `from` that Callboard is routing now (its newest), null when none
 *   (a direct call, or PCC asked before the routing webhook).
 * - Callboard keeps no CRM: `customer` carries the number only; a center that has one merges its
 *   own fields in front of this responder.
 * - unknown `project` or a malformed query: 400 naming the field (the page then shows the call
 *   without context, as it would after a timeout).
 */
export const customerInfoQuerySchema = z.object({
  from: callerNumberSchema.min(1, "must not be empty"),
  to: callPartySchema.optional(),
  project: z.string().max(32).optional(),
});
export type CustomerInfoQuery = z.infer<typeof customerInfoQuerySchema>;

export interface CustomerInfo {
  version: 1;
  customer: { number: string };
  queue: { id: string; name: string; callId: string; arrivedAt: number } | null;
}

/** What the agent's page is told about a caller: the number and the queue its live call waits in. */
export function customerInfo(state: CenterState, query: CustomerInfoQuery): CustomerInfo {
  let newest: { id: string; queueId: string; arrivedAt: number } | null = null;
  for (const call of Object.values(state.calls)) {
    if (call.from !== query.from) continue;
    if (!newest || call.arrivedAt > newest.arrivedAt) newest = call;
  }
  const queue = newest ? own(state.queues, newest.queueId) : undefined;
  return {
    version: 1,
    customer: { number: query.from },
    queue:
      newest && queue
        ? { id: queue.id, name: queue.name, callId: newest.id, arrivedAt: newest.arrivedAt }
        : null,
  };
}
