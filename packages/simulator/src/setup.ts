import { AVAILABLE, type InputEvent } from "@callboard/routing";
import { loginEvents } from "./agents.ts";
import type { SimContext } from "./context.ts";

/**
 * The events that create the simulated center, in an order the core accepts: agents, then groups
 * (their members must exist), then queues (their groups must exist), then logins, then manual
 * statuses. Agents not logged in yet keep Available from "yesterday", so the board shows them OFFLINE
 * and nothing else.
 */
export function setupEvents(ctx: SimContext): InputEvent[] {
  const { agents, groups, queues } = ctx.roster;
  const events: InputEvent[] = [];
  for (const agent of agents) events.push({ type: "agent.upserted", agent: agent.profile });
  for (const group of groups) events.push({ type: "group.upserted", group });
  for (const queue of queues) events.push({ type: "queue.upserted", queue });
  for (const agent of agents) {
    if (agent.start !== "OFFLINE") events.push(...loginEvents(ctx, agent));
  }
  for (const agent of agents) {
    const status = agent.start === "OFFLINE" ? AVAILABLE : agent.start;
    events.push({ type: "agent.manual_status_set", agentId: agent.profile.id, status });
  }
  return events;
}
