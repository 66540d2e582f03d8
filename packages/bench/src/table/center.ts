/**
 * The small center the routing rows use, the same on the core (through POST /api/events) and in the
 * bench process (through `step`): AGENTS agents online and Available in one group, one queue routed
 * to it with room for every caller.
 */
import { type InputEvent, QUEUE_DEFAULTS } from "@callboard/routing";

export const ROUTING_AGENTS = 200;
export const QUEUE_ID = "bench-queue";

export function routingCenter(): InputEvent[] {
  const ids = Array.from({ length: ROUTING_AGENTS }, (_, i) => `agent-${i}`);
  return [
    ...ids.map(
      (id): InputEvent => ({
        type: "agent.upserted",
        agent: { id, name: `Agent ${id}`, phoneNumber: null, routingType: 1 },
      }),
    ),
    { type: "group.upserted", group: { id: "floor", name: "Floor", members: ids } },
    {
      type: "queue.upserted",
      queue: {
        ...QUEUE_DEFAULTS,
        id: QUEUE_ID,
        name: "Bench",
        groups: [{ groupId: "floor", primary: true }],
        maximumQueueSize: 10_000,
      },
    },
    ...ids.flatMap((agentId): InputEvent[] => [
      { type: "agent.presence_changed", agentId, signal: "app", online: true },
      { type: "agent.manual_status_set", agentId, status: "AVAILABLE" },
    ]),
  ];
}
