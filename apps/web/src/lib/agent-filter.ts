import { type Agent, type CenterState, explain, isOnline, type ManualStatus, own } from "@callboard/routing";

/** The board's activity buckets; every agent is in exactly one. */
export const ACTIVITIES = ["can_ring", "ringing", "on_call", "wrap_up", "not_eligible"] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Which bucket an agent is in, decided by the shared rules (never re-derived here). */
export function activityOf(agent: Agent): Activity {
  if (agent.activeCallId !== null) return "on_call";
  if (agent.wrapUpUntil !== null) return "wrap_up";
  if (agent.ringingCallId !== null) return "ringing";
  return explain(agent).length === 0 ? "can_ring" : "not_eligible";
}

export interface AgentFilter {
  activity: Activity | "all";
  manualStatus: ManualStatus | "all";
  online: "all" | "online" | "offline";
  /** Matched case- and accent-insensitively against name, stringee_user_id and phone number. */
  query: string;
  /** Members of this queue's groups (primary or backup) only; null: any. */
  queue: string | null;
  /** Members of this group only; null: any. */
  group: string | null;
}

export const NO_FILTER: AgentFilter = {
  activity: "all",
  manualStatus: "all",
  online: "all",
  query: "",
  queue: null,
  group: null,
};

/**
 * How the list is ordered: by name, longest in the current state first, longest idle first, or most
 * calls answered today first.
 */
export const AGENT_SORTS = ["name", "in-state", "idle", "calls-today"] as const;
export type AgentSort = (typeof AGENT_SORTS)[number];

/**
 * The agent ids the queue and group filters allow (both: the intersection), or null when neither is
 * set. A queue or group the center does not have allows nobody.
 */
export function scopeOf(
  state: Pick<CenterState, "queues" | "groups">,
  filter: AgentFilter,
): Set<string> | null {
  let scope: Set<string> | null = null;
  if (filter.queue !== null) {
    const queue = own(state.queues, filter.queue);
    scope = new Set();
    for (const { groupId } of queue?.groups ?? []) {
      for (const id of own(state.groups, groupId)?.members ?? []) scope.add(id);
    }
  }
  if (filter.group !== null) {
    const members = new Set(own(state.groups, filter.group)?.members ?? []);
    scope = scope === null ? members : new Set([...scope].filter((id) => members.has(id)));
  }
  return scope;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

/**
 * The agents matching a filter (and in `scope`, from scopeOf, when given), sorted by name then id
 * so rows don't jump around as states change — or, by `sort`, longest in state / idle first, or
 * most calls today first (`callsToday`: an agent's calls answered today; none counts 0).
 */
export function filterAgents(
  agents: Iterable<Agent>,
  filter: AgentFilter,
  scope: ReadonlySet<string> | null = null,
  sort: AgentSort = "name",
  callsToday: (agentId: string) => number = () => 0,
): Agent[] {
  const query = fold(filter.query.trim());
  const matches: Agent[] = [];
  for (const agent of agents) {
    if (scope !== null && !scope.has(agent.id)) continue;
    if (filter.activity !== "all" && activityOf(agent) !== filter.activity) continue;
    if (filter.manualStatus !== "all" && agent.manualStatus !== filter.manualStatus) continue;
    if (filter.online !== "all" && isOnline(agent) !== (filter.online === "online")) continue;
    if (query && !fold(`${agent.name} ${agent.id} ${agent.phoneNumber ?? ""}`).includes(query)) continue;
    matches.push(agent);
  }
  const byName = (a: Agent, b: Agent) =>
    a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === "in-state") return matches.sort((a, b) => a.since - b.since || byName(a, b));
  if (sort === "idle") return matches.sort((a, b) => a.idleSince - b.idleSince || byName(a, b));
  if (sort === "calls-today") {
    const calls = new Map(matches.map((a) => [a.id, callsToday(a.id)]));
    return matches.sort((a, b) => calls.get(b.id)! - calls.get(a.id)! || byName(a, b));
  }
  return matches.sort(byName);
}

/** How many agents are in each bucket, for the filter chips. */
export function countActivities(agents: Iterable<Agent>): Record<Activity, number> {
  const counts: Record<Activity, number> = {
    can_ring: 0,
    ringing: 0,
    on_call: 0,
    wrap_up: 0,
    not_eligible: 0,
  };
  for (const agent of agents) counts[activityOf(agent)]++;
  return counts;
}
