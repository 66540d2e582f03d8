import type { Agent } from "./agent.ts";
import { type CenterState, own } from "./state.ts";

/**
 * Which agents are in after-call work, kept beside the state (never in it) so timers need not scan
 * every agent on every step. Built on first use from the state itself, then kept current by
 * applyEvent through noteAgent — a state built any other way (a JSON snapshot) simply builds anew.
 */
const inWrapUp = new WeakMap<CenterState["agents"], Set<string>>();

export function agentsInWrapUp(state: CenterState): Agent[] {
  let ids = inWrapUp.get(state.agents);
  if (!ids) {
    ids = new Set(Object.values(state.agents).flatMap((a) => (a.wrapUpUntil === null ? [] : [a.id])));
    inWrapUp.set(state.agents, ids);
  }
  const agents: Agent[] = [];
  for (const id of ids) {
    const agent = own(state.agents, id);
    if (agent?.wrapUpUntil != null) agents.push(agent);
  }
  return agents;
}

/** Keeps the index current after applyEvent replaced an agent's record. */
export function noteAgent(state: CenterState, agentId: string): void {
  const ids = inWrapUp.get(state.agents);
  if (!ids) return;
  if (own(state.agents, agentId)?.wrapUpUntil != null) ids.add(agentId);
  else ids.delete(agentId);
}
