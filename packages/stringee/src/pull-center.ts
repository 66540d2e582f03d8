import { createLimiter } from "./limiter.ts";
import type { PccAgent, PccGroup, PccQueue } from "./pcc-records.ts";
import type { PccClient } from "./rest-client.ts";

/** A routing of a queue to a group, as pulled. */
export interface PulledRouting {
  groupId: string;
  primary: boolean;
}

/** Everything Callboard mirrors from PCC, read in one pass. */
export interface PulledCenter {
  agents: PccAgent[];
  groups: PccGroup[];
  /** Group id → PCC agent ids (`AG_…`, not stringee_user_ids), in PCC's order. */
  members: Record<string, string[]>;
  queues: PccQueue[];
  /** Queue id → its group routings, in PCC's order. */
  routings: Record<string, PulledRouting[]>;
}

/** Reads the whole center from PCC with at most `concurrency` requests in flight, so a sync is fast but polite. */
export async function pullCenter(
  client: PccClient,
  { concurrency = 4 }: { concurrency?: number } = {},
): Promise<PulledCenter> {
  const limit = createLimiter(concurrency);
  const [agents, groups, queues] = await Promise.all([
    limit(() => client.listAgents()),
    limit(() => client.listGroups()),
    limit(() => client.listQueues()),
  ]);
  const [memberLists, routingLists] = await Promise.all([
    Promise.all(groups.map((g) => limit(() => client.listGroupMembers(g.id)))),
    Promise.all(queues.map((q) => limit(() => client.listGroupRoutings(q.id)))),
  ]);
  return {
    agents,
    groups,
    members: Object.fromEntries(groups.map((g, i) => [g.id, (memberLists[i] ?? []).map((m) => m.agent_id)])),
    queues,
    routings: Object.fromEntries(
      queues.map((q, i) => [
        q.id,
        (routingLists[i] ?? []).map((r) => ({ groupId: r.group_id, primary: r.primary_group === 1 })),
      ]),
    ),
  };
}
