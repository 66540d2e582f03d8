import { AVAILABLE, type CenterState, own } from "@callboard/routing";
import { noticeMissesMs } from "./behaviour.ts";
import { type Action, type Batch, later, type SimContext } from "./context.ts";

/**
 * Spots agents the engine set Not available after missing too many offers in a row (a queue's
 * maxConsecutiveMisses) and schedules, once each, the agent noticing and going back to Available.
 * Without it a long demo would slowly lose its agents to that rule. A Not available set by someone
 * else on an agent without such misses is left alone.
 */
export function observeAgents(ctx: SimContext, state: CenterState, now: number): void {
  for (const agent of Object.values(state.agents)) {
    if (agent.manualStatus !== "NOT_AVAILABLE" || agent.consecutiveMisses === 0) continue;
    if (ctx.recovering.has(agent.id)) continue;
    const limit = missLimit(state, agent.id);
    if (limit === null || agent.consecutiveMisses < limit) continue;
    ctx.recovering.add(agent.id);
    ctx.schedule.push(later(ctx, now, noticeMissesMs(ctx.rng)), { kind: "recover", agentId: agent.id });
  }
}

/** Sets the agent back to Available if it is still Not available when it notices. */
export function runRecover(
  ctx: SimContext,
  batch: Batch,
  action: Extract<Action, { kind: "recover" }>,
): void {
  const { agentId } = action;
  if (batch.changedAgents.has(agentId)) {
    batch.deferred.push(action);
    return;
  }
  ctx.recovering.delete(agentId);
  if (batch.driven.has(agentId)) return;
  if (own(batch.state.agents, agentId)?.manualStatus !== "NOT_AVAILABLE") return;
  batch.events.push({ type: "agent.manual_status_set", agentId, status: AVAILABLE });
  batch.changedAgents.add(agentId);
}

/** The lowest maxConsecutiveMisses of the queues whose groups include the agent; null when none has one. */
function missLimit(state: CenterState, agentId: string): number | null {
  let limit: number | null = null;
  for (const queue of Object.values(state.queues)) {
    const max = queue.maxConsecutiveMisses;
    if (max === null || (limit !== null && max >= limit)) continue;
    if (queue.groups.some((g) => own(state.groups, g.groupId)?.members.includes(agentId))) limit = max;
  }
  return limit;
}
