/**
 * The benchmark's contact center: queues each routed to one primary and one backup group, agents on
 * calls, on breaks, offline or Not available, and callers waiting in every queue.
 *
 * The center is built by folding a log of events (the engine's restart-recovery path, `replay`),
 * because building 10,000 agents and 1,000 waiting calls through `step` one event at a time takes
 * minutes with an engine that rescans the center per event. The log holds the input events plus the
 * engine events `step` would derive from them (admission, offers chosen by the engine's own `decide`);
 * `checkEquivalence` proves on a small center that the log folds to exactly the state `step` reaches.
 */
import {
  type Agent,
  AVAILABLE,
  type CenterState,
  canRing,
  type DomainEvent,
  decide,
  emptyState,
  type InputEvent,
  type LoggedEvent,
  type ManualStatus,
  own,
  QUEUE_DEFAULTS,
  type QueueConfig,
  replay,
  step,
} from "@callboard/routing";

export interface CenterSpec {
  /** Each queue has its own primary group and its own backup group: 2 × queues groups. */
  queues: number;
  agentsPerGroup: number;
  /** Agents of each queue talking on an answered call (AVAILABLE, system status 0). */
  talkingPerQueue: number;
  /** Callers waiting, spread round-robin over the queues. */
  waitingCalls: number;
  /** Every n-th agent of a queue never logs in (offline). */
  offlineEvery: number;
  /** Every n-th of the remaining agents is on a lunch or short break instead of Not available. */
  breakEvery: number;
}

/** The center: 10,000 agents in 50 groups, 25 queues, 1,000 callers waiting. */
export const FULL_CENTER: CenterSpec = {
  queues: 25,
  agentsPerGroup: 200,
  talkingPerQueue: 80,
  waitingCalls: 1_000,
  offlineEvery: 20,
  breakEvery: 5,
};

/** Monday 23 November 2026, 09:00 in Ho Chi Minh City. */
export const START = Date.parse("2026-11-23T02:00:00Z");

const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const agentId = (i: number) => `a${pad(i, 5)}`;
export const groupId = (g: number) => `g${pad(g, 2)}`;
export const queueId = (q: number) => `q${pad(q, 2)}`;

export type Role = "talking" | "offline" | "break" | "idle";

/** The agents of queue `q` (primary group first) with the role each plays in the steady state. */
export function queueAgents(spec: CenterSpec, q: number): { id: string; role: Role }[] {
  const perQueue = 2 * spec.agentsPerGroup;
  const agents = Array.from({ length: perQueue }, (_, k) => ({
    id: agentId(q * perQueue + k),
    role: (k % spec.offlineEvery === spec.offlineEvery - 1 ? "offline" : "idle") as Role,
  }));
  const online = agents.filter((a) => a.role !== "offline");
  if (online.length < spec.talkingPerQueue) throw new Error(`queue ${q}: too few online agents to talk`);
  // Talking agents spread evenly over the queue (both groups); every breakEvery-th other one on a break.
  let rest = 0;
  online.forEach((agent, i) => {
    const n = online.length;
    const talks =
      Math.floor(((i + 1) * spec.talkingPerQueue) / n) > Math.floor((i * spec.talkingPerQueue) / n);
    if (talks) agent.role = "talking";
    else if (rest++ % spec.breakEvery === spec.breakEvery - 1) agent.role = "break";
  });
  return agents;
}

export function queueConfig(q: number): QueueConfig {
  return {
    ...QUEUE_DEFAULTS,
    id: queueId(q),
    name: `Queue ${q}`,
    groups: [
      { groupId: groupId(2 * q), primary: true },
      { groupId: groupId(2 * q + 1), primary: false },
    ],
    strategy: "longest-idle",
    // Off, so an agent whose call ends is free (and routable) at once.
    agentWrapUpAfterCalls: false,
    // Large enough that no caller is rejected or times out during the run.
    maximumQueueSize: 100_000,
    maximumQueueWaitTime: 86_400,
  };
}

/** What `step` derives from an input while building: nothing, an admission, or an admission and an offer. */
type Derives = "nothing" | "queued" | "queued+offered";

interface SetupInput {
  event: InputEvent;
  derives: Derives;
}

/** The inputs that build the center, in order, each with the engine events it must trigger. */
function* setupInputs(spec: CenterSpec): Generator<SetupInput> {
  const nothing = (event: InputEvent): SetupInput => ({ event, derives: "nothing" });
  const queues = Array.from({ length: spec.queues }, (_, q) => queueAgents(spec, q));
  const agentsPerQueue = 2 * spec.agentsPerGroup;
  for (const agents of queues) {
    for (const { id } of agents) {
      yield nothing({
        type: "agent.upserted",
        agent: { id, name: `Agent ${id}`, phoneNumber: null, routingType: 1 },
      });
    }
  }
  for (const agents of queues) {
    for (const { id, role } of agents) {
      if (role !== "offline") {
        yield nothing({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
      }
    }
  }
  for (let g = 0; g < 2 * spec.queues; g++) {
    const q = Math.floor(g / 2);
    const first = q * agentsPerQueue + (g % 2) * spec.agentsPerGroup;
    const members = Array.from({ length: spec.agentsPerGroup }, (_, k) => agentId(first + k));
    yield nothing({ type: "group.upserted", group: { id: groupId(g), name: `Group ${g}`, members } });
  }
  for (let q = 0; q < spec.queues; q++) yield nothing({ type: "queue.upserted", queue: queueConfig(q) });

  // Talking agents, one at a time: Available (the only free Available agent of its queue), a call
  // arrives and is offered to it, it answers.
  let talkingCall = 0;
  for (let q = 0; q < spec.queues; q++) {
    for (const { id, role } of queues[q]!) {
      if (role !== "talking") continue;
      const callId = `t${talkingCall++}`;
      yield nothing({ type: "agent.manual_status_set", agentId: id, status: AVAILABLE });
      yield {
        event: { type: "call.arrived", callId, queueId: queueId(q), from: "84901234567" },
        derives: "queued+offered",
      };
      yield nothing({ type: "call.answered", callId, agentId: id });
    }
  }
  // Breaks (idle agents stay at the Not available they were created with).
  let breaks = 0;
  for (const agents of queues) {
    for (const { id, role } of agents) {
      if (role !== "break") continue;
      const status: ManualStatus = breaks++ % 2 === 0 ? "LUNCH_BREAK" : "SHORT_BREAK";
      yield nothing({ type: "agent.manual_status_set", agentId: id, status });
    }
  }
  // Callers: nobody can ring, so each is admitted and waits.
  for (let i = 0; i < spec.waitingCalls; i++) {
    yield {
      event: {
        type: "call.arrived",
        callId: `w${i}`,
        queueId: queueId(i % spec.queues),
        from: "84901234567",
      },
      derives: "queued",
    };
  }
}

/** Milliseconds between two setup inputs. */
const SETUP_TICK_MS = 1;

export interface BuiltCenter {
  state: CenterState;
  /** Every event folded, in order (kept only when asked: the full center's offers are large). */
  log: LoggedEvent[];
  /** Events folded (inputs and derived engine events). */
  events: number;
  /** The engine time of the last setup event. */
  now: number;
}

/** Builds the center by folding the setup log (inputs + derived engine events) with `replay`. */
export function buildByReplay(spec: CenterSpec, keepLog = false): BuiltCenter {
  const state = emptyState();
  const log: LoggedEvent[] = [];
  let now = START;
  const fold = (event: DomainEvent) => {
    const logged = { ...event, seq: state.seq + 1, at: now } as LoggedEvent;
    replay(state, [logged]);
    if (keepLog) log.push(logged);
  };
  // Calls admitted and not talking, per queue: step's admission counts these to place a new call.
  const ahead = new Map<string, number>();
  for (const { event, derives } of setupInputs(spec)) {
    now += SETUP_TICK_MS;
    fold(event);
    if (event.type === "call.answered") {
      const call = own(state.calls, event.callId)!;
      ahead.set(call.queueId, (ahead.get(call.queueId) ?? 0) - 1);
    }
    if (derives === "nothing" || event.type !== "call.arrived") continue;
    const position = (ahead.get(event.queueId) ?? 0) + 1;
    ahead.set(event.queueId, position);
    fold({ type: "call.queued", callId: event.callId, position });
    if (derives === "queued+offered") {
      const call = own(state.calls, event.callId)!;
      const decision = decide(state, call, now);
      if (!decision) throw new Error(`setup: nobody can ring for ${event.callId}`);
      const queue = own(state.queues, event.queueId)!;
      fold({
        type: "call.offered",
        callId: call.id,
        agentIds: decision.agentIds,
        expiresAt: now + queue.waitAgentAnswerTimeout * 1000,
        decision,
      });
    }
  }
  return { state, log, events: state.seq, now };
}

/** Builds the same center the slow, live way: every input through `step`. */
export function buildByStep(spec: CenterSpec): BuiltCenter {
  const state = emptyState();
  const log: LoggedEvent[] = [];
  let now = START;
  for (const { event } of setupInputs(spec)) {
    now += SETUP_TICK_MS;
    const result = step(state, event, now);
    if (!result.ok) throw new Error(`setup: ${result.rejection.code}: ${result.rejection.message}`);
    log.push(...result.applied);
  }
  return { state, log, events: state.seq, now };
}

/** A center small enough to build through `step` in milliseconds, shaped like the full one. */
export const SMALL_CENTER: CenterSpec = {
  queues: 3,
  agentsPerGroup: 10,
  talkingPerQueue: 4,
  waitingCalls: 12,
  offlineEvery: 5,
  breakEvery: 3,
};

/** Throws unless the setup log is exactly the log `step` writes, and folds to the same state (on `spec`). */
export function checkEquivalence(spec: CenterSpec, deepEqual: (a: unknown, b: unknown) => boolean): void {
  const byReplay = buildByReplay(spec, true);
  const byStep = buildByStep(spec);
  if (!deepEqual(byReplay.log, byStep.log) || !deepEqual(byReplay.state, byStep.state)) {
    throw new Error("setup: the replayed log and step() disagree on the small center; fix buildByReplay");
  }
}

/** Ids in a stable order, for scans. */
export const agentIds = (state: CenterState): string[] => Object.keys(state.agents).sort();

/**
 * The baseline: a plain linear scan over every agent, choosing the longest-idle one the engine may
 * ring (routing's own `canRing`), ties to the lower id. No queues, no candidate table, no state kept.
 */
export function linearScan(agents: Record<string, Agent>, ids: readonly string[]): string | null {
  let best: Agent | null = null;
  for (const id of ids) {
    const agent = agents[id]!;
    if (!canRing(agent)) continue;
    if (
      best === null ||
      agent.idleSince < best.idleSince ||
      (agent.idleSince === best.idleSince && id < best.id)
    ) {
      best = agent;
    }
  }
  return best === null ? null : best.id;
}
