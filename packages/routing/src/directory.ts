import { hasTrackedCall } from "./agent.ts";
import { dropIndex } from "./center-index.ts";
import type { GroupMemberChange, InputEvent, LoggedEvent } from "./events.ts";
import { noteRecordRemoved } from "./limits.ts";
import { type CenterState, own, type RecordVersions } from "./state.ts";

// The directory: agents, groups and queues as admins create, change and remove them. Checks and folds
// of the removal and membership events, and the version check every directory edit may carry.

type Rejection = {
  code: "UNKNOWN_AGENT" | "UNKNOWN_GROUP" | "UNKNOWN_QUEUE" | "INVALID" | "CONFLICT";
  message: string;
};
type Kind = keyof RecordVersions;

const KIND_NAME = { agents: "agent", groups: "group", queues: "queue" } as const satisfies Record<
  Kind,
  string
>;
const UNKNOWN = {
  agents: "UNKNOWN_AGENT",
  groups: "UNKNOWN_GROUP",
  queues: "UNKNOWN_QUEUE",
} as const satisfies Record<Kind, Rejection["code"]>;

/**
 * The optimistic-concurrency check of a directory edit: `ifVersion` 0 means "create only" (the id
 * must be free — a duplicate stringee_user_id is refused), N means "the record as I saw it at
 * version N" (a record changed since is refused). Absent: no check (PCC's sync, raw events).
 * @example checkVersion(state, "queues", "sales", 41) // null, or CONFLICT when sales is now at 57
 */
export function checkVersion(
  state: CenterState,
  kind: Kind,
  id: string,
  ifVersion: number | undefined,
): Rejection | null {
  if (ifVersion === undefined) return null;
  const what = `${KIND_NAME[kind]} "${id}"`;
  if (!Number.isSafeInteger(ifVersion) || ifVersion < 0) {
    return {
      code: "INVALID",
      message: `ifVersion ${String(ifVersion)} is not a version (a whole number ≥ 0)`,
    };
  }
  const exists = Object.hasOwn(state[kind], id);
  if (ifVersion === 0) {
    return exists ? { code: "CONFLICT", message: `${what} already exists` } : null;
  }
  if (!exists) return { code: UNKNOWN[kind], message: `${what} does not exist (removed meanwhile?)` };
  return own(state.versions[kind], id) === ifVersion
    ? null
    : {
        code: "CONFLICT",
        message: `${what} was changed by someone else after you opened it; reload it and make your change again`,
      };
}

type DirectoryInput = Extract<
  InputEvent,
  { type: "agent.removed" | "group.removed" | "queue.removed" | "group.members_changed" }
>;

/** Checks a removal or a membership change against the state; null means it may be applied. */
export function checkDirectoryEvent(state: CenterState, event: DirectoryInput): Rejection | null {
  switch (event.type) {
    case "agent.removed": {
      const agent = own(state.agents, event.agentId);
      if (!agent) return { code: "UNKNOWN_AGENT", message: `agent "${event.agentId}" does not exist` };
      if (hasTrackedCall(agent)) {
        return {
          code: "CONFLICT",
          message: `agent "${event.agentId}" is on a call (ringing, talking or in wrap-up); remove them when it is over`,
        };
      }
      return checkVersion(state, "agents", event.agentId, event.ifVersion);
    }
    case "group.removed": {
      if (!own(state.groups, event.groupId)) {
        return { code: "UNKNOWN_GROUP", message: `group "${event.groupId}" does not exist` };
      }
      const users = Object.values(state.queues).filter((q) =>
        q.groups.some((g) => g.groupId === event.groupId),
      );
      if (users.length > 0) {
        const names = users.map((q) => `"${q.name}" (${q.id})`).join(", ");
        const queues = users.length === 1 ? "queue" : "queues";
        return {
          code: "CONFLICT",
          message: `group "${event.groupId}" is used by ${queues} ${names}; take it off the ${queues} first`,
        };
      }
      return checkVersion(state, "groups", event.groupId, event.ifVersion);
    }
    case "queue.removed": {
      if (!own(state.queues, event.queueId)) {
        return { code: "UNKNOWN_QUEUE", message: `queue "${event.queueId}" does not exist` };
      }
      const calls = Object.values(state.calls).filter((c) => c.queueId === event.queueId).length;
      if (calls > 0) {
        return {
          code: "CONFLICT",
          message: `queue "${event.queueId}" has ${calls} call${calls === 1 ? "" : "s"}; remove it when they are over`,
        };
      }
      return checkVersion(state, "queues", event.queueId, event.ifVersion);
    }
    case "group.members_changed":
      return checkMemberChanges(state, event.changes);
  }
}

function checkMemberChanges(state: CenterState, changes: GroupMemberChange[]): Rejection | null {
  if (changes.length === 0) return { code: "INVALID", message: "changes must name at least one group" };
  const seen = new Set<string>();
  for (const change of changes) {
    if (!own(state.groups, change.groupId)) {
      return { code: "UNKNOWN_GROUP", message: `group "${change.groupId}" does not exist` };
    }
    if (seen.has(change.groupId)) {
      return { code: "INVALID", message: `changes name group "${change.groupId}" twice` };
    }
    seen.add(change.groupId);
    const unknown = change.add.find((id) => !own(state.agents, id));
    if (unknown !== undefined) return { code: "UNKNOWN_AGENT", message: `agent "${unknown}" does not exist` };
    if (new Set(change.add).size !== change.add.length) {
      return { code: "INVALID", message: `group "${change.groupId}": an agent is added twice` };
    }
    const removing = new Set(change.remove);
    const both = change.add.find((id) => removing.has(id));
    if (both !== undefined) {
      return {
        code: "INVALID",
        message: `group "${change.groupId}": agent "${both}" is both added and removed`,
      };
    }
  }
  return null;
}

/**
 * A group's members after a change: those removed leave, those added and not yet members join at
 * the end in the order given (the top-down strategy rings in this order).
 * @example membersAfter(["a", "b"], { groupId: "g", add: ["c", "a"], remove: ["b"] }) // ["a", "c"]
 */
export function membersAfter(members: readonly string[], change: GroupMemberChange): string[] {
  const removing = new Set(change.remove);
  const kept = members.filter((id) => !removing.has(id));
  const present = new Set(kept);
  return [...kept, ...change.add.filter((id) => !present.has(id))];
}

/** Folds a checked removal or membership change in; versions of every record it changes move to its seq. */
export function applyDirectoryEvent(state: CenterState, event: DirectoryInput & LoggedEvent): void {
  switch (event.type) {
    case "agent.removed": {
      delete state.agents[event.agentId];
      delete state.versions.agents[event.agentId];
      noteRecordRemoved(state.agents);
      for (const group of Object.values(state.groups)) {
        if (!group.members.includes(event.agentId)) continue;
        state.groups[group.id] = { ...group, members: group.members.filter((id) => id !== event.agentId) };
        state.versions.groups[group.id] = event.seq;
      }
      break;
    }
    case "group.removed":
      delete state.groups[event.groupId];
      delete state.versions.groups[event.groupId];
      noteRecordRemoved(state.groups);
      break;
    case "queue.removed":
      delete state.queues[event.queueId];
      delete state.queueRuntime[event.queueId];
      delete state.versions.queues[event.queueId];
      noteRecordRemoved(state.queues);
      break;
    case "group.members_changed":
      for (const change of event.changes) {
        const group = own(state.groups, change.groupId);
        if (!group) continue;
        state.groups[group.id] = { ...group, members: membersAfter(group.members, change) };
        state.versions.groups[group.id] = event.seq;
      }
      break;
  }
  dropIndex(state);
}
