import type { Agent } from "./agent.ts";
import type { GroupConfig } from "./group.ts";
import type { QueueConfig } from "./queue.ts";
import { type CenterState, own } from "./state.ts";

export interface RosterEntry {
  agent: Agent;
  /** Primary if the agent is in any of the queue's primary groups. */
  tier: "primary" | "backup";
  /** Position in the queue's fixed order (groups in queue order, members in group order). */
  index: number;
}

interface CachedRoster {
  /** The group records the roster was built from; records are replaced on change, so identity tells. */
  groups: (GroupConfig | undefined)[];
  entries: { id: string; tier: RosterEntry["tier"] }[];
}

/** Rosters by queue record: rebuilt only when the queue or one of its groups is replaced. */
const rosters = new WeakMap<QueueConfig, CachedRoster>();

/** Every agent a queue can ring, once each, in the queue's fixed order. */
export function queueRoster(state: CenterState, queue: QueueConfig): RosterEntry[] {
  const groups = queue.groups.map((link) => own(state.groups, link.groupId));
  let cached = rosters.get(queue);
  if (!cached || cached.groups.some((g, i) => g !== groups[i])) {
    cached = { groups, entries: buildEntries(queue, groups) };
    rosters.set(queue, cached);
  }
  const roster: RosterEntry[] = [];
  for (const { id, tier } of cached.entries) {
    // Agents are looked up now: agent records change far more often than group membership.
    const agent = own(state.agents, id);
    if (agent) roster.push({ agent, tier, index: roster.length });
  }
  return roster;
}

function buildEntries(queue: QueueConfig, groups: (GroupConfig | undefined)[]): CachedRoster["entries"] {
  const primary = new Set<string>();
  queue.groups.forEach((link, i) => {
    if (link.primary) for (const id of groups[i]?.members ?? []) primary.add(id);
  });
  const seen = new Set<string>();
  const entries: CachedRoster["entries"] = [];
  for (const group of groups) {
    for (const id of group?.members ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push({ id, tier: primary.has(id) ? "primary" : "backup" });
    }
  }
  return entries;
}
