import {
  changeMembersSchema,
  createGroupSchema,
  removeGroupSchema,
  updateGroupSchema,
} from "@callboard/contracts";
import { type GroupConfig, own } from "@callboard/routing";
import type { TRPCRouterRecord } from "@trpc/server";
import { adminProcedure } from "../trpc.ts";
import { submitDirectoryChange, versionedRows } from "./directory-change.ts";

/** One group for the admin: its members, its version, and the queues routing to it. */
export interface GroupRow extends GroupConfig {
  /** Each member's name, in the order of `members` (the id again for an agent that has none). */
  memberNames: string[];
  version: number;
  queues: { id: string; name: string }[];
}

export const groupsRouter = {
  list: adminProcedure.query(({ ctx }): GroupRow[] => {
    const state = ctx.core.state;
    const queues = Object.values(state.queues);
    return versionedRows(state.groups, state.versions.groups, (group, version) => ({
      ...group,
      memberNames: group.members.map((id) => own(state.agents, id)?.name ?? id),
      version,
      queues: queues
        .filter((q) => q.groups.some((g) => g.groupId === group.id))
        .map((q) => ({ id: q.id, name: q.name })),
    }));
  }),

  /** A new group with its members, in one event. */
  create: adminProcedure
    .input(createGroupSchema)
    .mutation(({ ctx, input }) =>
      submitDirectoryChange(
        ctx,
        "groups are",
        { type: "group.upserted", group: input.group, ifVersion: 0 },
        { action: "group.created", after: input.group },
      ),
    ),

  /** Rename a group (its members as they were at `version`). */
  update: adminProcedure.input(updateGroupSchema).mutation(({ ctx, input }) =>
    submitDirectoryChange(
      ctx,
      "groups are",
      { type: "group.upserted", group: input.group, ifVersion: input.version },
      {
        action: "group.updated",
        before: own(ctx.core.state.groups, input.group.id) ?? null,
        after: input.group,
      },
    ),
  ),

  /** Add and remove many members of one or more groups at once: one event. */
  changeMembers: adminProcedure
    .input(changeMembersSchema)
    .mutation(({ ctx, input }) =>
      submitDirectoryChange(
        ctx,
        "group members are",
        { type: "group.members_changed", changes: input.changes },
        { action: "group.members_changed", after: input.changes },
      ),
    ),

  /** Refused while a queue routes to the group (the refusal names the queues). */
  remove: adminProcedure
    .input(removeGroupSchema)
    .mutation(({ ctx, input }) =>
      submitDirectoryChange(
        ctx,
        "groups are",
        { type: "group.removed", groupId: input.groupId, ifVersion: input.version },
        { action: "group.removed", before: own(ctx.core.state.groups, input.groupId) ?? null, after: null },
      ),
    ),
} satisfies TRPCRouterRecord;
