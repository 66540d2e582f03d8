import {
  agentListQuerySchema,
  createAgentSchema,
  DomainRejectedError,
  moveAgentSchema,
  removeAgentSchema,
  setManualStatusSchema,
  updateAgentSchema,
} from "@callboard/contracts";
import {
  type Agent,
  type AgentProfile,
  type CenterState,
  checkEvent,
  hasTrackedCall,
  type InputEvent,
  type ManualStatus,
  own,
} from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { submitAsPerson } from "../audited-submit.ts";
import { adminProcedure, supervisorProcedure } from "../trpc.ts";
import { refuseWhenPccManages, submitDirectoryChange } from "./directory-change.ts";

/** One row of the admin's agent list. */
export interface AgentRow extends AgentProfile {
  manualStatus: ManualStatus;
  /** Send it back with an edit: a record changed since is refused. */
  version: number;
  groupIds: string[];
  /** Ringing, talking or in wrap-up: cannot be removed now. */
  busy: boolean;
}

const profileOf = ({ id, name, phoneNumber, routingType }: AgentProfile): AgentProfile => ({
  id,
  name,
  phoneNumber,
  routingType,
});

/**
 * By name (case aside), then id, with plain string comparison: `localeCompare` over 10,000 names
 * costs seconds per page, this a few milliseconds.
 */
function sortByName(agents: Agent[]): Agent[] {
  const keyed = agents.map((agent) => ({ key: agent.name.toLowerCase(), agent }));
  keyed.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0,
  );
  return keyed.map((k) => k.agent);
}

function matches(agent: Agent, needle: string): boolean {
  if (needle === "") return true;
  return (
    agent.id.toLowerCase().includes(needle) ||
    agent.name.toLowerCase().includes(needle) ||
    (agent.phoneNumber ?? "").includes(needle)
  );
}

function groupsByAgent(state: CenterState): Map<string, string[]> {
  const byAgent = new Map<string, string[]>();
  for (const group of Object.values(state.groups)) {
    for (const id of group.members) {
      const list = byAgent.get(id);
      if (list) list.push(group.id);
      else byAgent.set(id, [group.id]);
    }
  }
  return byAgent;
}

/**
 * Before a write to PCC: the domain's own check, so a change it would refuse (a duplicate id, a
 * stale version) never reaches PCC. The core checks again when the event is submitted.
 */
function refuseAsTheDomainWould(state: CenterState, event: InputEvent): void {
  const rejection = checkEvent(state, event);
  if (rejection) throw new DomainRejectedError(rejection);
}

export const agentsRouter = {
  /** A supervisor changes an agent's manual status (at PCC too, in stringee mode); everyone sees it through the event stream. */
  setManualStatus: supervisorProcedure.input(setManualStatusSchema).mutation(async ({ ctx, input }) => {
    const before = own(ctx.core.state.agents, input.agentId)?.manualStatus ?? null;
    await ctx.pcc?.setManualStatus(input.agentId, input.status);
    return submitAsPerson(
      ctx,
      ctx.actor,
      { type: "agent.manual_status_set", agentId: input.agentId, status: input.status },
      {
        action: "agent.manual_status_set",
        before: { manualStatus: before },
        after: { manualStatus: input.status },
      },
    );
  }),

  /** Agents matching `search` (id, name or number), by name, one page at a time: built for 10,000+. */
  list: adminProcedure.input(agentListQuerySchema).query(({ ctx, input }) => {
    const state = ctx.core.state;
    const needle = input.search.toLowerCase();
    const found = sortByName(Object.values(state.agents).filter((a) => matches(a, needle)));
    const groups = groupsByAgent(state);
    const rows = found.slice(input.offset, input.offset + input.limit).map(
      (agent): AgentRow => ({
        ...profileOf(agent),
        manualStatus: agent.manualStatus,
        version: own(state.versions.agents, agent.id) ?? 0,
        groupIds: groups.get(agent.id) ?? [],
        busy: hasTrackedCall(agent),
      }),
    );
    return { total: found.length, rows };
  }),

  /** A new agent; an id (stringee_user_id) already in use is refused. */
  create: adminProcedure.input(createAgentSchema).mutation(async ({ ctx, input }) => {
    const event: InputEvent = {
      type: "agent.upserted",
      agent: input.agent,
      initialManualStatus: input.initialManualStatus,
      ifVersion: 0,
    };
    if (ctx.pcc) {
      // Stringee mode: PCC first (the sync would remove an agent PCC never heard of); a change the
      // domain would refuse anyway (a duplicate id) is refused before PCC is written.
      refuseAsTheDomainWould(ctx.core.state, event);
      await ctx.pcc.createAgent(input.agent, input.initialManualStatus);
    }
    return submitAsPerson(ctx, ctx.actor, event, { action: "agent.created", after: input });
  }),

  /** Name, number and routing type of an agent as it was at `version`. */
  update: adminProcedure.input(updateAgentSchema).mutation(async ({ ctx, input }) => {
    const before = own(ctx.core.state.agents, input.agent.id);
    const event: InputEvent = { type: "agent.upserted", agent: input.agent, ifVersion: input.version };
    if (ctx.pcc) {
      refuseAsTheDomainWould(ctx.core.state, event);
      await ctx.pcc.updateAgent(input.agent);
    }
    return submitAsPerson(ctx, ctx.actor, event, {
      action: "agent.updated",
      before: before ? profileOf(before) : null,
      after: input.agent,
    });
  }),

  /** The agent leaves the center and its groups; refused while it has a call. */
  remove: adminProcedure.input(removeAgentSchema).mutation(({ ctx, input }) => {
    const before = own(ctx.core.state.agents, input.agentId);
    return submitDirectoryChange(
      ctx,
      "removing agents is",
      { type: "agent.removed", agentId: input.agentId, ifVersion: input.version },
      { action: "agent.removed", before: before ? profileOf(before) : null, after: null },
    );
  }),

  /**
   * From the board: the agent leaves one group and joins another, in one event. Admins only: it
   * changes who takes which queue's calls, like editing the group.
   */
  moveToGroup: adminProcedure.input(moveAgentSchema).mutation(({ ctx, input }) => {
    refuseWhenPccManages(ctx, "group members are");
    const from = own(ctx.core.state.groups, input.fromGroupId);
    if (from && !from.members.includes(input.agentId)) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `agent "${input.agentId}" is not in group "${from.name}" (any more); reload and try again`,
      });
    }
    return submitAsPerson(
      ctx,
      ctx.actor,
      {
        type: "group.members_changed",
        changes: [
          { groupId: input.fromGroupId, add: [], remove: [input.agentId] },
          { groupId: input.toGroupId, add: [input.agentId], remove: [] },
        ],
      },
      { action: "group.members_changed", before: { groupId: input.fromGroupId }, after: input },
    );
  }),
} satisfies TRPCRouterRecord;
