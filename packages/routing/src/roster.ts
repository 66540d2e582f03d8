import type { Agent } from "./agent.ts";
import type { GroupConfig } from "./group.ts";
import type { QueueConfig } from "./queue.ts";
import { type CenterRecords, own } from "./state.ts";

export interface RosterEntry {
  agent: Agent;
  /** Primary if the agent is in any of the queue's primary groups. */
  tier: "primary" | "backup";
  /** Position in the queue's fixed order (groups in queue order, members in group order). */
  index: number;
}

/** A queue's member: an agent id (whether or not that agent exists yet) and its tier in the queue. */
export interface QueueMember {
  id: string;
  tier: RosterEntry["tier"];
}

interface CachedRoster {
  /** The group records the roster was built from; records are replaced on change, so identity tells. */
  groups: (GroupConfig | undefined)[];
  members: QueueMember[];
}

/** Rosters by queue record: rebuilt only when the queue or one of its groups is replaced. */
const rosters = new WeakMap<QueueConfig, CachedRoster>();

/** Every agent id of a queue's groups, once each, in the queue's fixed order. Cached: do not mutate. */
export function queueMembers(state: CenterRecords, queue: QueueConfig): readonly QueueMember[] {
  const groups = queue.groups.map((link) => own(state.groups, link.groupId));
  let cached = rosters.get(queue);
  if (!cached || cached.groups.some((g, i) => g !== groups[i])) {
    cached = { groups, members: buildMembers(queue, groups) };
    rosters.set(queue, cached);
  }
  return cached.members;
}

/** Every agent a queue can ring, once each, in the queue's fixed order. */
export function queueRoster(state: CenterRecords, queue: QueueConfig): RosterEntry[] {
  const roster: RosterEntry[] = [];
  for (const { id, tier } of queueMembers(state, queue)) {
    // Agents are looked up now: agent records change far more often than group membership.
    const agent = own(state.agents, id);
    if (agent) roster.push({ agent, tier, index: roster.length });
  }
  return roster;
}

function buildMembers(queue: QueueConfig, groups: (GroupConfig | undefined)[]): QueueMember[] {
  const primary = new Set<string>();
  queue.groups.forEach((link, i) => {
    if (link.primary) for (const id of groups[i]?.members ?? []) primary.add(id);
  });
  const seen = new Set<string>();
  const members: QueueMember[] = [];
  for (const group of groups) {
    for (const id of group?.members ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      members.push({ id, tier: primary.has(id) ? "primary" : "backup" });
    }
  }
  return members;
}
