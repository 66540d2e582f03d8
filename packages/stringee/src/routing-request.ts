import { callerNumberSchema, callIdSchema, describeZodError, queueIdSchema } from "@callboard/contracts";
import { z } from "zod";
import { opaqueId } from "./lenient.ts";

/** How many calls one get_list_agents_url request may carry before we refuse it. */
export const MAX_CALLS_PER_ROUTING_REQUEST = 100;

const text = z
  .union([z.string(), z.number()], { error: "must be a string" })
  .nullish()
  .transform((v) => (v === null || v === undefined ? "" : String(v)));

// The same limits as the contracts (call.arrived through tRPC or /api/events): ids ≤ 128, numbers ≤ 64.
const number = text.pipe(callerNumberSchema);
const routingCallSchema = z.object({ callId: opaqueId.pipe(callIdSchema), from: number, to: number });

/** What PCC asks our get_list_agents_url (§6, UNCONFIRMED protocol): which agents to try, per waiting call. */
export const routingRequestSchema = z.object({
  queueId: opaqueId.pipe(queueIdSchema),
  /** PCC sends a number; kept as an opaque string (null when absent). */
  projectId: z
    .union([z.string(), z.number()], { error: "must be a string or a number" })
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
  calls: z
    .array(routingCallSchema, { error: "must be an array of calls" })
    .min(1, "must list at least one call")
    .max(
      MAX_CALLS_PER_ROUTING_REQUEST,
      `must list at most ${MAX_CALLS_PER_ROUTING_REQUEST} calls per request`,
    ),
});
export type RoutingRequest = z.infer<typeof routingRequestSchema>;
export type RoutingCall = RoutingRequest["calls"][number];

/** An HTTP request as a web framework hands it over. */
export interface RawRoutingRequest {
  method: string;
  query?: Record<string, string | string[] | undefined> | URLSearchParams;
  /** Parsed JSON, or the raw JSON text. */
  body?: unknown;
}

/** The request in one shape, or a message naming the bad field. */
export type ParseRoutingResult = { ok: true; request: RoutingRequest } | { ok: false; error: string };

function queryValue(query: RawRoutingRequest["query"], key: string): string | undefined {
  if (!query) return undefined;
  const value = query instanceof URLSearchParams ? (query.get(key) ?? undefined) : query[key];
  return Array.isArray(value) ? value[0] : value;
}

/** The GET/query form: `calls` as a JSON string, or one call as `callId`/`from`/`to`. */
function fromQuery(
  query: RawRoutingRequest["query"],
): { ok: true; value: unknown } | { ok: false; error: string } {
  const calls = queryValue(query, "calls");
  let parsedCalls: unknown;
  if (calls !== undefined) {
    try {
      parsedCalls = JSON.parse(calls);
    } catch {
      return { ok: false, error: "calls: must be a JSON array of calls" };
    }
  } else if (queryValue(query, "callId") !== undefined) {
    parsedCalls = [
      { callId: queryValue(query, "callId"), from: queryValue(query, "from"), to: queryValue(query, "to") },
    ];
  }
  return {
    ok: true,
    value: {
      queueId: queryValue(query, "queueId"),
      projectId: queryValue(query, "projectId"),
      calls: parsedCalls,
    },
  };
}

/**
 * Reads a routing webhook call in its POST JSON or GET query form into one shape, or says which field is
 * wrong, so the HTTP edge can answer 400 with a useful message.
 */
export function parseRoutingRequest({ method, query, body }: RawRoutingRequest): ParseRoutingResult {
  let value: unknown;
  const hasBody = body !== undefined && body !== null && body !== "";
  if (method.toUpperCase() === "POST" && hasBody) {
    if (typeof body === "string" || Buffer.isBuffer(body)) {
      try {
        value = JSON.parse(body.toString());
      } catch {
        return { ok: false, error: "body: must be JSON" };
      }
    } else {
      value = body;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { ok: false, error: "body: must be a JSON object" };
    }
  } else {
    const q = fromQuery(query);
    if (!q.ok) return q;
    value = q.value;
  }
  const calls = (value as { calls?: unknown }).calls;
  if (Array.isArray(calls) && calls.length > MAX_CALLS_PER_ROUTING_REQUEST) {
    return {
      ok: false,
      error: `calls: must list at most ${MAX_CALLS_PER_ROUTING_REQUEST} calls per request (got ${calls.length})`,
    };
  }
  const parsed = routingRequestSchema.safeParse(value);
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, error: describeZodError(parsed.error) };
}
