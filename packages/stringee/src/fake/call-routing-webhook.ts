import { type RoutingAnswer, routingAnswerSchema } from "../routing-answer.ts";

/** What PCC sends to get_list_agents_url (§6), before our parsing. */
export interface RoutingWebhookRequest {
  queueId: string;
  projectId?: number | string;
  calls: { callId: string; from: string; to: string }[];
}

/**
 * Calls a get_list_agents_url the way PCC does (POST JSON, or GET with `calls` as JSON in the query)
 * and returns the parsed `version: 2` answer; throws with status and body when the answer is not one.
 */
export async function callRoutingWebhook(
  url: string,
  request: RoutingWebhookRequest,
  { method = "POST" }: { method?: "POST" | "GET" } = {},
): Promise<RoutingAnswer> {
  let response: Response;
  if (method === "POST") {
    response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
  } else {
    const target = new URL(url);
    target.searchParams.set("queueId", request.queueId);
    if (request.projectId !== undefined) target.searchParams.set("projectId", String(request.projectId));
    target.searchParams.set("calls", JSON.stringify(request.calls));
    response = await fetch(target);
  }
  const text = await response.text();
  if (!response.ok)
    throw new Error(`routing webhook answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`routing webhook answered non-JSON: ${text.slice(0, 200)}`);
  }
  const parsed = routingAnswerSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`routing webhook answer is not PCC's version 2 shape: ${parsed.error.message}`);
  return parsed.data;
}
