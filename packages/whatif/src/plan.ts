import type { CenterState, InputEvent, LoggedEvent } from "@callboard/routing";
import { changedQueue, cloneId, type WhatIfChange } from "./change.ts";

/**
 * How a change turns into inputs: `prelude` is fed at the period's start (the queue's new settings,
 * the added agents, the removed ones signed out), `transform` rewrites each recorded input (the
 * queue's own edits keep the change; the added agents mirror their model's status and presence;
 * the removed ones' status changes are dropped). `behaviourOf` names the agent whose recorded
 * behaviour an agent's draws come from (an added agent: its model).
 */
export interface ChangePlan {
  prelude: InputEvent[];
  transform: (event: InputEvent) => InputEvent[];
  behaviourOf: (agentId: string) => string;
  /** The agents the change adds or removes, for the page to name. */
  agents: { added: { id: string; copies: string }[]; removed: string[] };
}

/** The queue's members at the start, busiest first: most calls of this queue answered in the period. */
export function busiestMembers(
  start: CenterState,
  period: readonly LoggedEvent[],
  queueId: string,
): string[] {
  const queue = start.queues[queueId];
  if (!queue) return [];
  const members = new Set(queue.groups.flatMap((g) => start.groups[g.groupId]?.members ?? []));
  const queueOf = new Map(Object.values(start.calls).map((c) => [c.id, c.queueId]));
  const answered = new Map<string, number>();
  for (const e of period) {
    if (e.type === "call.arrived") queueOf.set(e.callId, e.queueId);
    else if (e.type === "call.answered" && queueOf.get(e.callId) === queueId)
      answered.set(e.agentId, (answered.get(e.agentId) ?? 0) + 1);
  }
  return [...members]
    .filter((id) => start.agents[id] !== undefined)
    .sort((a, b) => (answered.get(b) ?? 0) - (answered.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

export function planChange(
  start: CenterState,
  period: readonly LoggedEvent[],
  queueId: string,
  change: WhatIfChange,
): ChangePlan {
  const identity: ChangePlan = {
    prelude: [],
    transform: (e) => [e],
    behaviourOf: (id) => id,
    agents: { added: [], removed: [] },
  };
  if (change.kind === "none") return identity;
  // Extra inputs shift every seq, and records' versions are seqs: the recorded edits were accepted,
  // so the run accepts them without their version check.
  const unversioned = (e: InputEvent): InputEvent => {
    if (!("ifVersion" in e)) return e;
    const { ifVersion: _drop, ...rest } = e;
    return rest as InputEvent;
  };
  const queue = start.queues[queueId];
  if (change.kind !== "agents") {
    return {
      ...identity,
      prelude: queue ? [{ type: "queue.upserted", queue: changedQueue(queue, change) }] : [],
      transform: (e) => [
        e.type === "queue.upserted" && e.queue.id === queueId
          ? { type: "queue.upserted", queue: changedQueue(e.queue, change) }
          : unversioned(e),
      ],
    };
  }
  const busiest = busiestMembers(start, period, queueId);
  if (change.delta < 0) return removeAgents(start, busiest.slice(0, -change.delta), unversioned);
  return addAgents(start, queueId, busiest, change.delta, unversioned);
}

function removeAgents(
  start: CenterState,
  removed: string[],
  unversioned: (e: InputEvent) => InputEvent,
): ChangePlan {
  const out = new Set(removed);
  return {
    prelude: removed
      .filter((id) => start.agents[id]?.manualStatus !== "NOT_AVAILABLE")
      .map((agentId) => ({ type: "agent.manual_status_set", agentId, status: "NOT_AVAILABLE" })),
    transform: (e) => (e.type === "agent.manual_status_set" && out.has(e.agentId) ? [] : [unversioned(e)]),
    behaviourOf: (id) => id,
    agents: { added: [], removed },
  };
}

function addAgents(
  start: CenterState,
  queueId: string,
  busiest: string[],
  count: number,
  unversioned: (e: InputEvent) => InputEvent,
): ChangePlan {
  const queueGroups = new Set(start.queues[queueId]?.groups.map((g) => g.groupId) ?? []);
  const clonesOf = new Map<string, string[]>();
  const model = new Map<string, string>();
  for (let i = 0; i < count && busiest.length > 0; i++) {
    const source = busiest[i % busiest.length]!;
    const id = cloneId(source, Math.floor(i / busiest.length));
    clonesOf.set(source, [...(clonesOf.get(source) ?? []), id]);
    model.set(id, source);
  }
  const prelude: InputEvent[] = [];
  for (const [source, clones] of clonesOf) {
    const agent = start.agents[source]!;
    for (const id of clones) {
      prelude.push({
        type: "agent.upserted",
        agent: {
          id,
          name: `${agent.name} +`,
          phoneNumber: agent.phoneNumber,
          routingType: agent.routingType,
        },
        initialManualStatus: agent.manualStatus,
      });
      if (agent.presence.app)
        prelude.push({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
      if (agent.presence.sip)
        prelude.push({ type: "agent.presence_changed", agentId: id, signal: "sip", online: true });
      for (const token of agent.presence.pushTokens)
        prelude.push({ type: "agent.push_token_changed", agentId: id, token, registered: true });
    }
    const groups = [...queueGroups].filter((g) => start.groups[g]?.members.includes(source));
    if (groups.length > 0)
      prelude.push({
        type: "group.members_changed",
        changes: groups.map((groupId) => ({ groupId, add: clones, remove: [] })),
      });
  }
  const withClones = (ids: readonly string[]) => ids.flatMap((id) => [id, ...(clonesOf.get(id) ?? [])]);
  const transform = (raw: InputEvent): InputEvent[] => {
    const e = unversioned(raw);
    switch (e.type) {
      case "agent.presence_changed":
      case "agent.push_token_changed":
      case "agent.manual_status_set":
      case "agent.system_status_reported":
      case "agent.removed":
        return [e, ...(clonesOf.get(e.agentId) ?? []).map((agentId) => ({ ...e, agentId }))];
      case "agent.upserted":
        return [
          e,
          ...(clonesOf.get(e.agent.id) ?? []).map(
            (id): InputEvent => ({
              type: "agent.upserted",
              agent: { ...e.agent, id, name: `${e.agent.name} +` },
            }),
          ),
        ];
      case "group.upserted":
        return [{ ...e, group: { ...e.group, members: withClones(e.group.members) } }];
      case "group.members_changed":
        return [
          {
            ...e,
            changes: e.changes.map((c) => ({ ...c, add: withClones(c.add), remove: withClones(c.remove) })),
          },
        ];
      default:
        return [e];
    }
  };
  return {
    prelude,
    transform,
    behaviourOf: (id) => model.get(id) ?? id,
    agents: { added: [...model].map(([id, copies]) => ({ id, copies })), removed: [] },
  };
}
