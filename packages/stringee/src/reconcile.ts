import { isDeepStrictEqual } from "node:util";
import {
  type AgentProfile,
  type GroupConfig,
  type InputEvent,
  isValidPhoneNumber,
  type ManualStatus,
  MIN_ANSWER_TIMEOUT_SEC,
  PHONE_NUMBER_MAX_LENGTH,
  QUEUE_DEFAULTS,
  type QueueConfig,
  type QueueGroup,
  type Schedule,
  type Strategy,
} from "@callboard/routing";
import { fromPccManualStatus } from "./pcc-manual-status.ts";
import type { PccQueue } from "./pcc-records.ts";
import type { PulledCenter } from "./pull-center.ts";

/** An agent as Callboard holds it: its profile and manual status (a full routing Agent fits). */
export type CurrentAgent = AgentProfile & { manualStatus: ManualStatus };

/** The parts of Callboard's state a PCC pull is compared with (a routing CenterState fits). */
export interface CurrentCenter {
  agents: Record<string, CurrentAgent>;
  groups: Record<string, GroupConfig>;
  queues: Record<string, QueueConfig>;
}

/** Settings PCC cannot tell reconcile. */
export interface ReconcileOptions {
  /** Ring strategy per queue id; PCC has none. Otherwise the queue keeps its current one, else longest-idle. */
  strategies?: Record<string, Strategy>;
}

/**
 * PCC's system_status of an agent Callboard already has, for the caller to decide what to do with
 * (it knows which calls Callboard tracks): 0 on a call, 1 free, anything else (2 = ACW?) not free.
 */
export interface PulledSystemStatus {
  agentId: string;
  systemStatus: number | null;
}

/** The events to submit, what could not be mirrored, and PCC's system statuses. */
export interface ReconcileResult {
  /**
   * Only what changed, in apply order: agents (an agent this pull creates is followed by PCC's
   * system status for it when that is not 1, so it is never taken for free), groups, queues, then
   * manual statuses.
   */
  events: InputEvent[];
  warnings: string[];
  /** For agents that already exist in Callboard only; new agents get theirs in `events`. */
  systemStatuses: PulledSystemStatus[];
}

/** The manual status applyEvent gives an agent it creates. */
const NEW_AGENT_STATUS: ManualStatus = "NOT_AVAILABLE";
/** The system status applyEvent gives an agent it creates (free). */
const NEW_AGENT_SYSTEM_STATUS = 1;

const own = <T>(records: Record<string, T>, id: string): T | undefined =>
  Object.hasOwn(records, id) ? records[id] : undefined;

/** Ids the domain refuses as record keys. */
const badId = (id: string) => id === "__proto__";

/**
 * Turns a PCC pull into the input events that bring Callboard's state in line with it, emitting only
 * changes, so re-running a sync on unchanged data is a no-op. Callboard's agent id is PCC's
 * stringee_user_id; group members are translated from PCC agent ids. What cannot be expressed
 * (unknown members, queues without groups, business hours) is skipped or approximated with a warning.
 */
export function reconcile(
  pulled: PulledCenter,
  current: CurrentCenter,
  options: ReconcileOptions = {},
): ReconcileResult {
  const warnings: string[] = [];
  const agentEvents: InputEvent[] = [];
  const statusEvents: InputEvent[] = [];
  const systemStatuses: PulledSystemStatus[] = [];

  // Agents. PCC agent id → Callboard agent id (stringee_user_id).
  const userIdOf = new Map<string, string>();
  const seenUsers = new Set<string>();
  for (const agent of pulled.agents) {
    const id = agent.stringee_user_id;
    if (badId(id)) {
      warnings.push(`agent ${agent.id}: stringee_user_id "${id}" cannot be used as an id; skipped`);
      continue;
    }
    userIdOf.set(agent.id, id);
    if (seenUsers.has(id)) {
      warnings.push(
        `agent ${agent.id}: stringee_user_id "${id}" is used by another PCC agent; only the first is synced`,
      );
      continue;
    }
    seenUsers.add(id);
    // PCC rings whatever number it holds: keep it (the board flags one not country code first).
    let phoneNumber = agent.phone_number;
    if (phoneNumber !== null && phoneNumber.length > PHONE_NUMBER_MAX_LENGTH) {
      warnings.push(
        `agent ${id}: phone number is longer than ${PHONE_NUMBER_MAX_LENGTH} characters; not a number, ignored`,
      );
      phoneNumber = null;
    } else if (phoneNumber !== null && !isValidPhoneNumber(phoneNumber)) {
      warnings.push(
        `agent ${id}: phone number "${phoneNumber}" is not in international format (country code first); kept, PCC may not reach it`,
      );
    }
    const profile: AgentProfile = {
      id,
      name: agent.name.trim() || id,
      phoneNumber,
      routingType: agent.routing_type,
    };
    const existing = own(current.agents, id);
    if (!existing || !sameProfile(existing, profile))
      agentEvents.push({ type: "agent.upserted", agent: profile });
    const systemStatus = agent.system_status;
    if (existing) {
      systemStatuses.push({ agentId: id, systemStatus });
    } else if (systemStatus !== null && systemStatus !== NEW_AGENT_SYSTEM_STATUS) {
      // Right after its creation, before it can become Available: an agent PCC has on a call (or
      // in any state but 1) must not look free until the next sync.
      agentEvents.push({ type: "agent.system_status_reported", agentId: id, systemStatus });
    }

    const mapped = fromPccManualStatus(agent.manual_status);
    if (!mapped.known) {
      warnings.push(
        `agent ${id}: manual status "${agent.manual_status}" is unknown; treated as NOT_AVAILABLE`,
      );
    }
    if ((existing?.manualStatus ?? NEW_AGENT_STATUS) !== mapped.status) {
      statusEvents.push({ type: "agent.manual_status_set", agentId: id, status: mapped.status });
    }
  }
  for (const id of Object.keys(current.agents)) {
    if (!seenUsers.has(id)) warnings.push(`agent ${id} is not in PCC; left unchanged (no removal event)`);
  }

  // Groups.
  const groupEvents: InputEvent[] = [];
  const pulledGroupIds = new Set<string>();
  for (const group of pulled.groups) {
    if (badId(group.id)) {
      warnings.push(`group "${group.id}" cannot be used as an id; skipped`);
      continue;
    }
    pulledGroupIds.add(group.id);
    const members: string[] = [];
    for (const pccAgentId of own(pulled.members, group.id) ?? []) {
      const userId = userIdOf.get(pccAgentId);
      if (userId === undefined) {
        warnings.push(`group ${group.id}: member ${pccAgentId} is not a known PCC agent; dropped`);
      } else if (!members.includes(userId)) {
        members.push(userId);
      }
    }
    const existing = own(current.groups, group.id);
    const next: GroupConfig = {
      id: group.id,
      name: group.name.trim() || group.id,
      members: keepOrder(existing?.members ?? [], members),
    };
    if (!existing || !isDeepStrictEqual(existing, next))
      groupEvents.push({ type: "group.upserted", group: next });
  }
  for (const id of Object.keys(current.groups)) {
    if (!pulledGroupIds.has(id))
      warnings.push(`group ${id} is not in PCC; left unchanged (no removal event)`);
  }

  // Queues.
  const queueEvents: InputEvent[] = [];
  const pulledQueueIds = new Set<string>();
  for (const queue of pulled.queues) {
    if (badId(queue.id)) {
      warnings.push(`queue "${queue.id}" cannot be used as an id; skipped`);
      continue;
    }
    pulledQueueIds.add(queue.id);
    const existing = own(current.queues, queue.id);
    const groups = queueGroups(queue.id, own(pulled.routings, queue.id) ?? [], pulledGroupIds, warnings);
    if (groups.length === 0) {
      warnings.push(`queue ${queue.id} routes to no group; skipped (Callboard needs at least one)`);
      continue;
    }
    const next = queueConfig(queue, groups, existing, options.strategies, warnings);
    if (!existing || !isDeepStrictEqual(existing, next))
      queueEvents.push({ type: "queue.upserted", queue: next });
  }
  for (const id of Object.keys(current.queues)) {
    if (!pulledQueueIds.has(id))
      warnings.push(`queue ${id} is not in PCC; left unchanged (no removal event)`);
  }

  return {
    events: [...agentEvents, ...groupEvents, ...queueEvents, ...statusEvents],
    warnings,
    systemStatuses,
  };
}

function sameProfile(a: AgentProfile, b: AgentProfile): boolean {
  return a.name === b.name && a.phoneNumber === b.phoneNumber && a.routingType === b.routingType;
}

/** Members Callboard already ordered keep their order (top-down rings by it); new ones follow in PCC's order. */
function keepOrder(current: readonly string[], pulled: readonly string[]): string[] {
  const wanted = new Set(pulled);
  const kept = current.filter((id) => wanted.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...pulled.filter((id) => !keptSet.has(id))];
}

/** Primary groups first, then backups, each in PCC's order; a group routed twice counts once (primary wins). */
function queueGroups(
  queueId: string,
  routings: readonly { groupId: string; primary: boolean }[],
  knownGroups: ReadonlySet<string>,
  warnings: string[],
): QueueGroup[] {
  const primary = new Map<string, boolean>();
  for (const { groupId, primary: isPrimary } of routings) {
    if (!knownGroups.has(groupId)) {
      warnings.push(`queue ${queueId}: routes to group ${groupId}, which PCC did not list; dropped`);
      continue;
    }
    if (primary.has(groupId)) warnings.push(`queue ${queueId}: group ${groupId} is routed twice; merged`);
    primary.set(groupId, (primary.get(groupId) ?? false) || isPrimary);
  }
  const all = [...primary].map(([groupId, isPrimary]) => ({ groupId, primary: isPrimary }));
  return [...all.filter((g) => g.primary), ...all.filter((g) => !g.primary)];
}

function atLeast(queueId: string, field: string, value: number, min: number, warnings: string[]): number {
  if (value >= min) return value;
  warnings.push(`queue ${queueId}: ${field} ${value} is below ${min}; using ${min}`);
  return min;
}

/**
 * PCC's queue settings in Callboard's names. Fields PCC does not have (strategy, misses limit, seed) keep
 * Callboard's current values. Business hours are not readable over REST: a queue on schedule 2 keeps
 * the business hours Callboard already has, or routes always with a warning.
 */
function queueConfig(
  queue: PccQueue,
  groups: QueueGroup[],
  existing: QueueConfig | undefined,
  strategies: Record<string, Strategy> | undefined,
  warnings: string[],
): QueueConfig {
  let schedule: Schedule = { kind: "always" };
  if (queue.schedule === 2) {
    if (existing?.schedule.kind === "business-hours") {
      schedule = existing.schedule;
    } else {
      warnings.push(
        `queue ${queue.id}: PCC routes it in business hours (schedule 2), which the REST API does not expose; routing always`,
      );
    }
  }
  const strategy = (strategies && own(strategies, queue.id)) ?? existing?.strategy ?? QUEUE_DEFAULTS.strategy;
  const backup = queue.route_to_backup_groups_after;
  return {
    id: queue.id,
    name: queue.name.trim() || queue.id,
    groups,
    strategy,
    waitAgentAnswerTimeout: atLeast(
      queue.id,
      "wait_agent_answer_timeout",
      queue.wait_agent_answer_timeout,
      MIN_ANSWER_TIMEOUT_SEC,
      warnings,
    ),
    agentWrapUpAfterCalls: queue.agent_wrap_up_after_calls,
    wrapUpTimeLimit: atLeast(queue.id, "wrap_up_time_limit", queue.wrap_up_time_limit, 0, warnings),
    maximumQueueSize: atLeast(queue.id, "maximum_queue_size", queue.maximum_queue_size, 0, warnings),
    maximumQueueWaitTime: atLeast(
      queue.id,
      "maximum_queue_wait_time",
      queue.maximum_queue_wait_time,
      0,
      warnings,
    ),
    routeToBackupAfterSec: backup === null || backup <= 0 ? null : backup,
    maxConsecutiveMisses: existing?.maxConsecutiveMisses ?? QUEUE_DEFAULTS.maxConsecutiveMisses,
    schedule,
    randomSeed: existing?.randomSeed ?? QUEUE_DEFAULTS.randomSeed,
    // Callboard's own KPI settings: PCC has none, so the board's edits survive a sync.
    serviceLevelSec: existing?.serviceLevelSec ?? QUEUE_DEFAULTS.serviceLevelSec,
    shortAbandonSec: existing?.shortAbandonSec ?? QUEUE_DEFAULTS.shortAbandonSec,
    serviceLevelTarget: existing?.serviceLevelTarget ?? QUEUE_DEFAULTS.serviceLevelTarget,
    kpiWindowMin: existing?.kpiWindowMin ?? QUEUE_DEFAULTS.kpiWindowMin,
    longestWaitAmberSec: existing?.longestWaitAmberSec ?? QUEUE_DEFAULTS.longestWaitAmberSec,
    longestWaitRedSec: existing?.longestWaitRedSec ?? QUEUE_DEFAULTS.longestWaitRedSec,
  };
}
