import type { APIRequestContext } from "@playwright/test";

export const CORE_URL = "http://127.0.0.1:3101";
/** Machines feed the core with the operator token; people sign in (see auth.setup.ts). */
export const E2E_OPERATOR_TOKEN = "e2e-standalone-operator-token";
/** The first admin of both e2e cores (CALLBOARD_ADMIN_PASSWORD). */
export const E2E_ADMIN = { username: "admin", password: "e2e admin password" };

/** Sends one event to the core the way any outside source does (POST /api/events) and fails loudly if refused. */
export async function send(request: APIRequestContext, event: Record<string, unknown>): Promise<number> {
  const res = await request.post(`${CORE_URL}/api/events`, {
    data: { event },
    headers: { authorization: `Bearer ${E2E_OPERATOR_TOKEN}` },
  });
  if (!res.ok()) throw new Error(`event ${String(event.type)} refused: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { seq: number }).seq;
}

/** A fresh queue with two agents logged in on the App: `first` Available, `second` not yet. */
export async function seedQueue(request: APIRequestContext, prefix: string) {
  const first = `${prefix}-lan`;
  const second = `${prefix}-minh`;
  await send(request, {
    type: "agent.upserted",
    agent: { id: first, name: `Lan ${prefix}`, phoneNumber: null, routingType: 1 },
  });
  await send(request, {
    type: "agent.upserted",
    agent: { id: second, name: `Minh ${prefix}`, phoneNumber: null, routingType: 1 },
  });
  const group = `${prefix}-team`;
  await send(request, {
    type: "group.upserted",
    group: { id: group, name: `Team ${prefix}`, members: [first, second] },
  });
  const queue = `${prefix}-queue`;
  // Omitted settings take PCC's defaults; a short wrap-up keeps the test quick.
  await send(request, {
    type: "queue.upserted",
    queue: {
      id: queue,
      name: `Queue ${prefix}`,
      groups: [{ groupId: group, primary: true }],
      wrapUpTimeLimit: 3,
    },
  });
  for (const id of [first, second])
    await send(request, { type: "agent.presence_changed", agentId: id, signal: "app", online: true });
  await send(request, { type: "agent.manual_status_set", agentId: first, status: "AVAILABLE" });
  return { first, second, queue };
}
