import { z } from "zod";
import { boolLike, intLike, opaqueId, withDefault } from "./lenient.ts";

/** PCC's routing_type: 1 rings App/Web/SIP phone (default), 2 rings the agent's phone_number. */
const routingType = intLike.pipe(
  z.union([z.literal(1), z.literal(2)], { error: "must be 1 (App/Web/SIP phone) or 2 (phone number)" }),
);

/** Optional string field that PCC may send as "", null or a number; "" means unset. */
const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v).trim() || null));

/** A number PCC may omit; null when absent. */
const optionalInt = intLike.nullish().transform((v) => v ?? null);

/** An agent as `GET /v1/agent` lists it (§3); unknown fields are dropped. */
export const pccAgentSchema = z.object({
  id: opaqueId,
  name: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  stringee_user_id: opaqueId,
  /** A free string, not an enforced enum (§3.2); only "AVAILABLE" rings. */
  manual_status: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  routing_type: withDefault(routingType, 1),
  phone_number: optionalText,
  /**
   * 0 = on a call, 1 = not on a call [DOC]; 2 = after-call work (UNCONFIRMED); null when absent. Any
   * whole number is kept as PCC reported it: only 1 is free, so an unknown value cannot ring anyone.
   */
  system_status: intLike
    .pipe(z.number().min(0, "must not be negative").max(1_000, "must be at most 1000"))
    .nullish()
    .transform((v) => v ?? null),
  /** Undocumented; kept for an explicit presence mapping later. */
  device_status: optionalInt,
  last_time_pickup: optionalInt,
  last_time_support_call_ended: optionalInt,
});
export type PccAgent = z.infer<typeof pccAgentSchema>;

/** A group as `GET /v1/group` lists it (§4). */
export const pccGroupSchema = z.object({
  id: opaqueId,
  name: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  number_of_agent: optionalInt,
});
export type PccGroup = z.infer<typeof pccGroupSchema>;

/** One membership row of `GET /v1/manage-agents-in-group?group=…` (§4); ids are PCC agent ids, not user ids. */
export const pccGroupMemberSchema = z.object({ agent_id: opaqueId, group_id: opaqueId });
export type PccGroupMember = z.infer<typeof pccGroupMemberSchema>;

/** PCC's queue defaults (§5.1), applied when a listed queue omits a field. */
export const PCC_QUEUE_DEFAULTS = {
  agent_wrap_up_after_calls: true,
  wrap_up_time_limit: 10,
  schedule: 1,
  wait_agent_answer_timeout: 15,
  maximum_queue_size: 5,
  maximum_queue_wait_time: 60,
  record_calls: true,
} as const;

/** PCC's queue schedule: 1 = always route, 2 = business hours. */
export const PccSchedule = { ALWAYS: 1, BUSINESS_HOURS: 2 } as const;
export type PccSchedule = (typeof PccSchedule)[keyof typeof PccSchedule];

/** A queue as `GET /v1/queue` lists it (§5.1). */
export const pccQueueSchema = z.object({
  id: opaqueId,
  name: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  agent_wrap_up_after_calls: withDefault(boolLike, PCC_QUEUE_DEFAULTS.agent_wrap_up_after_calls),
  wrap_up_time_limit: withDefault(intLike, PCC_QUEUE_DEFAULTS.wrap_up_time_limit),
  schedule: withDefault(
    intLike.pipe(
      z.union([z.literal(1), z.literal(2)], { error: "must be 1 (always) or 2 (business hours)" }),
    ),
    PCC_QUEUE_DEFAULTS.schedule,
  ),
  wait_agent_answer_timeout: withDefault(intLike, PCC_QUEUE_DEFAULTS.wait_agent_answer_timeout),
  maximum_queue_size: withDefault(intLike, PCC_QUEUE_DEFAULTS.maximum_queue_size),
  maximum_queue_wait_time: withDefault(intLike, PCC_QUEUE_DEFAULTS.maximum_queue_wait_time),
  record_calls: withDefault(boolLike, PCC_QUEUE_DEFAULTS.record_calls),
  get_list_agents_url: optionalText,
  from_number_callout_to_agent: optionalText,
  /** Seen in real integrations, semantics UNCONFIRMED (probably seconds before backup groups ring). */
  route_to_backup_groups_after: optionalInt,
});
export type PccQueue = z.infer<typeof pccQueueSchema>;

/** One row of `GET /v1/routing-call-to-groups?queue=…` (§5.2); primary_group 1 rings before 0. */
export const pccGroupRoutingSchema = z.object({
  id: opaqueId,
  queue_id: opaqueId,
  group_id: opaqueId,
  primary_group: boolLike.transform((v): 0 | 1 => (v ? 1 : 0)),
});
export type PccGroupRouting = z.infer<typeof pccGroupRoutingSchema>;

/** Paging fields of every PCC list (`limit` defaults to 50); counts may be strings. */
const page = {
  totalPages: withDefault(intLike, 1),
  currentPage: withDefault(intLike, 1),
  limit: optionalInt,
};

/** `data` of `GET /v1/agent`. */
export const pccAgentListSchema = z.object({
  ...page,
  totalAgents: optionalInt,
  agents: z.array(pccAgentSchema),
});
/** `data` of `GET /v1/group`. */
export const pccGroupListSchema = z.object({
  ...page,
  totalGroups: optionalInt,
  groups: z.array(pccGroupSchema),
});
/** `data` of `GET /v1/manage-agents-in-group`. */
export const pccGroupMemberListSchema = z.object({
  ...page,
  totalCount: optionalInt,
  groupAgents: z.array(pccGroupMemberSchema),
});
/** `data` of `GET /v1/queue` (the total's key is not documented, so none is read). */
export const pccQueueListSchema = z.object({ ...page, queues: z.array(pccQueueSchema) });
/** `data` of `GET /v1/routing-call-to-groups`. */
export const pccGroupRoutingListSchema = z.object({
  ...page,
  totalCount: optionalInt,
  groupRoutings: z.array(pccGroupRoutingSchema),
});
