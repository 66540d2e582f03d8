import type { Agent } from "./agent.ts";
import type { QueueConfig } from "./queue.ts";
import { type CenterState, own } from "./state.ts";

export interface RosterEntry {
  agent: Agent;
  /** Primary if the agent is in any of the queue's primary groups. */
  tier: "primary" | "backup";
  /** Position in the queue's fixed order (groups in queue order, members in group order). */
  index: number;
}

/** Every agent a queue can ring, once each, in the queue's fixed order. */
export function queueRoster(state: CenterState, queue: QueueConfig): RosterEntry[] {
  const primary = new Set<string>();
  for (const link of queue.groups) {
    if (!link.primary) continue;
    for (const id of own(state.groups, link.groupId)?.members ?? []) primary.add(id);
  }
  const seen = new Set<string>();
  const roster: RosterEntry[] = [];
  for (const link of queue.groups) {
    for (const id of own(state.groups, link.groupId)?.members ?? []) {
      const agent = own(state.agents, id);
      if (!agent || seen.has(id)) continue;
      seen.add(id);
      roster.push({ agent, tier: primary.has(id) ? "primary" : "backup", index: roster.length });
    }
  }
  return roster;
}
