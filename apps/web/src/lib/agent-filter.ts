import { type Agent, explain, isOnline, type ManualStatus } from "@callboard/routing";

/** The board's activity buckets; every agent is in exactly one. */
export const ACTIVITIES = ["can_ring", "ringing", "on_call", "wrap_up", "not_eligible"] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const ACTIVITY_LABEL: Record<Activity, string> = {
  can_ring: "Can ring",
  ringing: "Ringing",
  on_call: "On call",
  wrap_up: "Wrap-up",
  not_eligible: "Cannot ring",
};

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
}

export const NO_FILTER: AgentFilter = { activity: "all", manualStatus: "all", online: "all", query: "" };

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

/** The agents matching a filter, sorted by name then id so rows don't jump around as states change. */
export function filterAgents(agents: Iterable<Agent>, filter: AgentFilter): Agent[] {
  const query = fold(filter.query.trim());
  const matches: Agent[] = [];
  for (const agent of agents) {
    if (filter.activity !== "all" && activityOf(agent) !== filter.activity) continue;
    if (filter.manualStatus !== "all" && agent.manualStatus !== filter.manualStatus) continue;
    if (filter.online !== "all" && isOnline(agent) !== (filter.online === "online")) continue;
    if (query && !fold(`${agent.name} ${agent.id} ${agent.phoneNumber ?? ""}`).includes(query)) continue;
    matches.push(agent);
  }
  return matches.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
