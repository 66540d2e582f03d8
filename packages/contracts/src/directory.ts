import type { QueueConfig } from "@callboard/routing";
import { z } from "zod";
import {
  agentIdSchema,
  agentProfileSchema,
  groupConfigSchema,
  groupIdSchema,
  groupMemberChangesSchema,
  manualStatusSchema,
  queueConfigSchema,
  queueIdSchema,
  versionSchema,
} from "./domain-schemas.ts";

// Inputs of the admin's directory pages (agents, groups, queues). The forms validate with these same
// schemas before sending, so a field's error shows beside it without a round trip.

/** The version an edit was made from: a record that changed since is refused (see RecordVersions). */
const editedVersion = versionSchema.min(1, "must be the version the record had when it was opened");

export const agentListQuerySchema = z.strictObject({
  /** Matches the id, name or phone number, case-insensitively. */
  search: z.string().trim().max(120, "must be at most 120 characters").default(""),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AgentListQuery = z.input<typeof agentListQuerySchema>;

export const createAgentSchema = z.strictObject({
  agent: agentProfileSchema,
  initialManualStatus: manualStatusSchema,
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

export const updateAgentSchema = z.strictObject({ agent: agentProfileSchema, version: editedVersion });
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

export const removeAgentSchema = z.strictObject({ agentId: agentIdSchema, version: editedVersion });

/** From the board: an agent leaves one group and joins another, as one event. */
export const moveAgentSchema = z
  .strictObject({ agentId: agentIdSchema, fromGroupId: groupIdSchema, toGroupId: groupIdSchema })
  .refine((m) => m.fromGroupId !== m.toGroupId, {
    message: "must be another group than the one the agent leaves",
    path: ["toGroupId"],
  });
export type MoveAgentInput = z.infer<typeof moveAgentSchema>;

export const createGroupSchema = z.strictObject({ group: groupConfigSchema });
export const updateGroupSchema = z.strictObject({ group: groupConfigSchema, version: editedVersion });
export const changeMembersSchema = z.strictObject({ changes: groupMemberChangesSchema });
export const removeGroupSchema = z.strictObject({ groupId: groupIdSchema, version: editedVersion });

export const createQueueSchema = z.strictObject({ queue: queueConfigSchema });
export const updateQueueSchema = z.strictObject({ queue: queueConfigSchema, version: editedVersion });
export const removeQueueSchema = z.strictObject({ queueId: queueIdSchema, version: editedVersion });

/**
 * Queue settings PCC holds (its /v1/queue fields and routings): in stringee mode they are edited in
 * PCC, and the sync brings them here. The rest — strategy, the misses limit, the random seed, the KPI
 * and wallboard settings — exist only in Callboard and are edited here in both modes.
 */
export const PCC_QUEUE_FIELDS = [
  "name",
  "groups",
  "waitAgentAnswerTimeout",
  "agentWrapUpAfterCalls",
  "wrapUpTimeLimit",
  "maximumQueueSize",
  "maximumQueueWaitTime",
  "routeToBackupAfterSec",
  "schedule",
] as const satisfies readonly (keyof QueueConfig)[];
export type PccQueueField = (typeof PCC_QUEUE_FIELDS)[number];

/** The PCC-held fields whose values differ between two versions of a queue (compared as JSON). */
export function changedPccFields(before: QueueConfig, after: QueueConfig): PccQueueField[] {
  return PCC_QUEUE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
