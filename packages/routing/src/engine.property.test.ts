import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Agent } from "./agent.ts";
import { applyEvent } from "./apply.ts";
import type { Call } from "./call.ts";
import { replay, step } from "./engine.ts";
import type { DomainEvent, InputEvent, LoggedEvent } from "./events.ts";
import { MANUAL_STATUSES } from "./manual-status.ts";
import { nextEngineEvent } from "./route.ts";
import { type CenterState, emptyState } from "./state.ts";

/** A deep copy of plain JSON data (the state is plain JSON by design). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/* ------------------------------------------------------------------------------------------------
 * A small world: 5 agents, 2 queues (one shared member), a handful of call ids, plus ids that do not exist
 * (including names that live on Object.prototype).
 * ---------------------------------------------------------------------------------------------- */

const AGENTS = ["a1", "a2", "a3", "a4", "a5"];
const AGENT_IDS = [...AGENTS, "ghost", "constructor"];
const QUEUE_IDS = ["q1", "q2", "q9", "toString"];
const CALL_IDS = ["c1", "c2", "c3", "c4", "c5", "valueOf", "__proto__"];
const PHONES = [null, "84912345678", "+14155552671", "0912345678"];

/** PCC's rule, written independently of eligibility.ts. */
function pccAllows(a: Agent): boolean {
  const online = a.presence.app || a.presence.pushTokens.length > 0 || a.presence.sip;
  const phone = typeof a.phoneNumber === "string" && a.phoneNumber.length > 0;
  return (
    a.systemStatus === 1 &&
    a.manualStatus === "AVAILABLE" &&
    ((a.routingType === 1 && online) || (a.routingType === 2 && phone))
  );
}
const free = (a: Agent) => a.ringingCallId === null && a.activeCallId === null;
const ringable = (a: Agent) => pccAllows(a) && free(a);

/** A command: an input event (or a bare clock tick) and how far the clock moves first. */
type Cmd =
  | { dt: number; kind: "event"; event: InputEvent }
  | { dt: number; kind: "tick" }
  | { dt: number; kind: "answerRinging"; pick: number }
  | { dt: number; kind: "endTalking"; pick: number }
  | { dt: number; kind: "abandonOpen"; pick: number }
  /** Something happens to a ringing agent: a break, a lost signal, a new profile. */
  | { dt: number; kind: "disturbRinging"; pick: number; how: 0 | 1 | 2 | 3 | 4 };

/** Mostly short gaps (so agents change while ringing), sometimes exactly a timeout, sometimes long ones. */
const dt = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 0, 1, 250, 1_000) },
  { weight: 2, arbitrary: fc.constantFrom(2_999, 3_000, 4_999, 5_000, 15_000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40_000 }) },
);
const agentId = fc.constantFrom(...AGENT_IDS);
const knownAgent = fc.constantFrom(...AGENTS);
const callId = fc.constantFrom(...CALL_IDS);

const inputEvent: fc.Arbitrary<InputEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("agent.presence_changed" as const),
      agentId,
      signal: fc.constantFrom("app" as const, "sip" as const),
      online: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("agent.push_token_changed" as const),
      agentId,
      token: fc.constantFrom("ios", "android"),
      registered: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant("agent.manual_status_set" as const),
      agentId,
      status: fc.oneof(fc.constant("AVAILABLE" as const), fc.constantFrom(...MANUAL_STATUSES)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("agent.upserted" as const),
      agent: fc.record({
        id: knownAgent,
        name: fc.constantFrom("Lan", "Minh"),
        phoneNumber: fc.constantFrom(...PHONES),
        routingType: fc.constantFrom(1 as const, 2 as const),
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("queue.upserted" as const),
      queue: fc.record({
        id: fc.constantFrom("q1", "q2"),
        name: fc.constant("Q"),
        members: fc.subarray(AGENT_IDS),
        answerTimeoutSec: fc.constantFrom(2, 3, 5, 15),
      }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant("call.arrived" as const),
      callId,
      queueId: fc.constantFrom(...QUEUE_IDS, "q1", "q2"),
      from: fc.constant("84900000000"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("call.answered" as const), callId, agentId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("call.ended" as const), callId }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("call.abandoned" as const), callId }) },
);

const command: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ dt, kind: fc.constant("event" as const), event: inputEvent }) },
  { weight: 2, arbitrary: fc.record({ dt, kind: fc.constant("tick" as const) }) },
  { weight: 3, arbitrary: fc.record({ dt, kind: fc.constant("answerRinging" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ dt, kind: fc.constant("endTalking" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ dt, kind: fc.constant("abandonOpen" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      dt,
      kind: fc.constant("disturbRinging" as const),
      pick: fc.nat(),
      how: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const),
    }),
  },
);

/**
 * Agents a1..a5 with mixed routing types and signals, created two per millisecond (idle order a2 = a1,
 * a5 = a4, a3: ties broken by id, unlike creation order), all Available; a4 rings a phone it lacks.
 * Queue q1 = a1 a2 a3, q2 = a3 a4 a5.
 */
const SETUP: InputEvent[] = [
  { type: "agent.upserted", agent: { id: "a2", name: "a2", phoneNumber: null, routingType: 1 } },
  { type: "agent.upserted", agent: { id: "a1", name: "a1", phoneNumber: "84912345678", routingType: 1 } },
  { type: "agent.upserted", agent: { id: "a5", name: "a5", phoneNumber: "84912345678", routingType: 2 } },
  { type: "agent.upserted", agent: { id: "a4", name: "a4", phoneNumber: null, routingType: 2 } },
  { type: "agent.upserted", agent: { id: "a3", name: "a3", phoneNumber: null, routingType: 1 } },
  { type: "agent.presence_changed", agentId: "a1", signal: "app", online: true },
  { type: "agent.presence_changed", agentId: "a2", signal: "sip", online: true },
  { type: "agent.push_token_changed", agentId: "a3", token: "ios", registered: true },
  ...AGENTS.map((agentId): InputEvent => ({ type: "agent.manual_status_set", agentId, status: "AVAILABLE" })),
  {
    type: "queue.upserted",
    queue: { id: "q1", name: "Sales", members: ["a1", "a2", "a3"], answerTimeoutSec: 5 },
  },
  {
    type: "queue.upserted",
    queue: { id: "q2", name: "Support", members: ["a3", "a4", "a5"], answerTimeoutSec: 3 },
  },
];

/** Turns a command into the event to send, looking at the live state for the "pick" commands. */
function toEvent(state: CenterState, cmd: Cmd): DomainEvent | null {
  const pick = (status: Call["status"] | "open", n: number) => {
    const calls = Object.values(state.calls)
      .filter((c) => (status === "open" ? c.status !== "talking" : c.status === status))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return calls.length ? calls[n % calls.length] : undefined;
  };
  switch (cmd.kind) {
    case "event":
      return cmd.event;
    case "tick":
      return null;
    case "answerRinging": {
      const call = pick("ringing", cmd.pick);
      return call ? { type: "call.answered", callId: call.id, agentId: call.agentId ?? "?" } : null;
    }
    case "endTalking": {
      const call = pick("talking", cmd.pick);
      return call ? { type: "call.ended", callId: call.id } : null;
    }
    case "abandonOpen": {
      const call = pick("open", cmd.pick);
      return call ? { type: "call.abandoned", callId: call.id } : null;
    }
    case "disturbRinging": {
      const agent = state.agents[pick("ringing", cmd.pick)?.agentId ?? ""];
      if (!agent) return null;
      const agentId = agent.id;
      switch (cmd.how) {
        case 0:
          return { type: "agent.manual_status_set", agentId, status: MANUAL_STATUSES[1 + (cmd.pick % 5)]! };
        case 1:
          return { type: "agent.presence_changed", agentId, signal: "app", online: false };
        case 2:
          return { type: "agent.presence_changed", agentId, signal: "sip", online: false };
        case 3:
          return { type: "agent.push_token_changed", agentId, token: "ios", registered: false };
        case 4:
          return {
            type: "agent.upserted",
            agent: {
              id: agentId,
              name: agent.name,
              phoneNumber: null,
              routingType: agent.routingType === 1 ? 2 : 1,
            },
          };
      }
    }
  }
}

/* ------------------------------------------------------------------------------------------------
 * Invariants
 * ---------------------------------------------------------------------------------------------- */

/** Checks one engine event against the state it is about to be applied to (the state at offer time). */
function checkEngineEvent(before: CenterState, e: LoggedEvent): void {
  if (e.type === "call.offered") {
    const call = before.calls[e.callId];
    const agent = before.agents[e.agentId];
    const queue = call ? before.queues[call.queueId] : undefined;
    expect(call?.status).toBe("waiting");
    expect(agent).toBeDefined();
    expect(queue).toBeDefined();
    if (!call || !agent || !queue) return;

    // The chosen agent passes PCC's rule and holds nothing, and belongs to the queue.
    expect(pccAllows(agent), `offered ${e.callId} to ineligible ${e.agentId}`).toBe(true);
    expect(free(agent)).toBe(true);
    expect(queue.members).toContain(e.agentId);
    expect(e.expiresAt).toBe(e.at + queue.answerTimeoutSec * 1000);

    // The decision record: every member exactly once, the chosen one with no reasons.
    const d = e.decision;
    expect(d.agentId).toBe(e.agentId);
    expect(d.callId).toBe(e.callId);
    expect(d.at).toBe(e.at);
    expect(d.candidates.map((k) => k.agentId).sort()).toEqual([...queue.members].sort());
    const chosen = d.candidates.filter((k) => k.verdict === "CHOSEN");
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toMatchObject({ agentId: e.agentId, reasons: [], rank: 1 });
    for (const k of d.candidates) {
      const member = before.agents[k.agentId]!;
      expect(k.verdict === "NOT_ELIGIBLE", `${k.agentId} verdict ${k.verdict}`).toBe(!ringable(member));
      expect(k.reasons.length > 0).toBe(!ringable(member));
      expect(k.missedThisCall).toBe(call.missedBy.includes(k.agentId));
    }

    // Longest idle: no ringable member ranks strictly better (not missed, then idle longer, then lower id).
    const key = (a: Agent): [number, number, string] => [
      call.missedBy.includes(a.id) ? 1 : 0,
      a.idleSince,
      a.id,
    ];
    const better = (x: [number, number, string], y: [number, number, string]) =>
      x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
    for (const id of queue.members) {
      const other = before.agents[id]!;
      if (id !== agent.id && ringable(other)) {
        expect(better(key(other), key(agent)), `${id} should have been chosen over ${agent.id}`).toBe(false);
      }
    }

    // FIFO: no older waiting call in the same queue; and no older waiting call anywhere this agent could take.
    for (const other of Object.values(before.calls)) {
      if (other.id === call.id || other.status !== "waiting") continue;
      if (other.arrivedAt < call.arrivedAt) {
        expect(other.queueId, `${other.id} waited longer than ${call.id} in the same queue`).not.toBe(
          call.queueId,
        );
        expect(before.queues[other.queueId]?.members ?? []).not.toContain(agent.id);
      }
    }
  }
  if (e.type === "call.offer_ended") {
    const call = before.calls[e.callId];
    const agent = before.agents[e.agentId];
    expect(call).toMatchObject({ status: "ringing", agentId: e.agentId });
    if (e.reason === "TIMEOUT") expect(call!.offerExpiresAt).toBeLessThanOrEqual(e.at);
    else expect(agent && pccAllows(agent)).toBe(false);
  }
}

/** What must hold after every step (the engine has settled at `now`). */
function checkSettled(s: CenterState, now: number): void {
  const holders = new Map<string, string>();
  for (const call of Object.values(s.calls)) {
    if (call.status === "waiting") {
      expect(call.agentId).toBeNull();
      expect(call.offerExpiresAt).toBeNull();
      // Work-conserving: nobody in its queue could ring now.
      for (const id of s.queues[call.queueId]?.members ?? []) {
        expect(ringable(s.agents[id]!), `${id} idle while ${call.id} waits`).toBe(false);
      }
      continue;
    }
    const agentId = call.agentId;
    expect(agentId).not.toBeNull();
    if (agentId === null) continue;
    // No two calls reference the same agent.
    expect(holders.get(agentId), `${agentId} holds ${holders.get(agentId)} and ${call.id}`).toBeUndefined();
    holders.set(agentId, call.id);
    const agent = s.agents[agentId]!;
    if (call.status === "ringing") {
      expect(agent.ringingCallId).toBe(call.id);
      expect(call.offerExpiresAt).toBeGreaterThan(now);
      expect(pccAllows(agent), `${agentId} rings ${call.id} but is not eligible`).toBe(true);
    } else {
      expect(agent.activeCallId).toBe(call.id);
      expect(call.answeredAt).not.toBeNull();
    }
  }
  for (const agent of Object.values(s.agents)) {
    expect(agent.ringingCallId !== null && agent.activeCallId !== null, `${agent.id} holds two calls`).toBe(
      false,
    );
    expect(agent.systemStatus === 0).toBe(agent.activeCallId !== null);
    if (agent.ringingCallId !== null) expect(s.calls[agent.ringingCallId]?.agentId).toBe(agent.id);
    if (agent.activeCallId !== null) expect(s.calls[agent.activeCallId]?.status).toBe("talking");
  }
  expect(nextEngineEvent(s, now)).toBeNull();
}

/** An independent model of what each agent's own fields must be, updated from accepted events only. */
interface AgentModel {
  app: boolean;
  sip: boolean;
  tokens: Set<string>;
  manualStatus: string;
  routingType: number;
  phoneNumber: string | null;
  idleSince: number;
  answeredCalls: number;
}

function updateModel(model: Map<string, AgentModel>, before: CenterState, e: LoggedEvent): void {
  const m = "agentId" in e ? model.get(e.agentId) : undefined;
  switch (e.type) {
    case "agent.upserted": {
      const { id, routingType, phoneNumber } = e.agent;
      const old = model.get(id);
      if (old) Object.assign(old, { routingType, phoneNumber });
      else
        model.set(id, {
          app: false,
          sip: false,
          tokens: new Set(),
          manualStatus: "NOT_AVAILABLE",
          routingType,
          phoneNumber,
          idleSince: e.at,
          answeredCalls: 0,
        });
      return;
    }
    case "agent.presence_changed":
      if (m) m[e.signal] = e.online;
      return;
    case "agent.push_token_changed":
      if (m && e.registered) m.tokens.add(e.token);
      if (m && !e.registered) m.tokens.delete(e.token);
      return;
    case "agent.manual_status_set":
      if (m) m.manualStatus = e.status;
      return;
    case "call.answered":
      if (m) m.answeredCalls += 1;
      return;
    case "call.ended": {
      const call = before.calls[e.callId];
      const talker =
        call?.status === "talking" && call.agentId !== null ? model.get(call.agentId) : undefined;
      if (talker) talker.idleSince = e.at;
      return;
    }
  }
}

function checkModel(model: Map<string, AgentModel>, s: CenterState): void {
  expect(Object.keys(s.agents).sort()).toEqual([...model.keys()].sort());
  for (const [id, m] of model) {
    const a = s.agents[id]!;
    expect(
      {
        app: a.presence.app,
        sip: a.presence.sip,
        tokens: [...a.presence.pushTokens].sort(),
        manualStatus: a.manualStatus,
        routingType: a.routingType,
        phoneNumber: a.phoneNumber,
        idleSince: a.idleSince,
        answeredCalls: a.answeredCalls,
      },
      id,
    ).toEqual({ ...m, tokens: [...m.tokens].sort() });
  }
}

/** Runs the setup and the commands, checking every step; returns the live state and the log. */
function run(cmds: Cmd[]): { state: CenterState; log: LoggedEvent[]; now: number } {
  const state = emptyState();
  const shadow = emptyState();
  const log: LoggedEvent[] = [];
  const model = new Map<string, AgentModel>();
  let now = 1_000;
  const drive = (event: DomainEvent | null) => {
    const before = clone(state);
    const result = step(state, event, now);
    if (!result.ok) {
      expect(state, `rejected ${event?.type} changed the state`).toEqual(before);
      return;
    }
    expect(result.applied.map((e) => e.seq)).toEqual(result.applied.map((_, i) => before.seq + i + 1));
    if (event !== null) expect(result.applied[0]).toMatchObject({ ...event, at: now });
    for (const e of result.applied) {
      checkEngineEvent(shadow, e);
      updateModel(model, shadow, e);
      applyEvent(shadow, e);
      log.push(e);
    }
    // Folding the applied events one by one gives the live state.
    expect(shadow).toEqual(state);
    checkModel(model, state);
    checkSettled(state, now);
  };
  SETUP.forEach((event, i) => {
    now += i % 2 ? 0 : 100;
    drive(event);
  });
  for (const cmd of cmds) {
    now += cmd.dt;
    drive(toEvent(state, cmd));
  }
  return { state, log, now };
}

describe("engine properties", () => {
  it("invariants hold after every step of any event sequence", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 80, size: "max" }), (cmds) => {
        for (const e of run(cmds).log) {
          const key = e.type === "call.offer_ended" ? `${e.type}:${e.reason}` : e.type;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }),
      { numRuns: 150 },
    );
    // Guards against generators that silently stop exercising routing.
    for (const t of [
      "call.offered",
      "call.offer_ended:TIMEOUT",
      "call.offer_ended:AGENT_UNAVAILABLE",
      "call.answered",
      "call.ended",
      "call.abandoned",
    ]) {
      expect(seen.get(t) ?? 0, t).toBeGreaterThanOrEqual(5);
    }
  });

  it("replay of the log (with redelivered duplicates) rebuilds the live state", () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 60, size: "max" }),
        fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 200 }),
        (cmds, redeliveries) => {
          const { state, log } = run(cmds);
          expect(replay(emptyState(), log)).toEqual(state);
          // Redelivery: after event i, maybe deliver again some event j ≤ i (already applied).
          const delivered: LoggedEvent[] = [];
          log.forEach((e, i) => {
            delivered.push(e);
            const r = redeliveries[i];
            if (r !== undefined) delivered.push(log[r % (i + 1)]!);
          });
          expect(replay(emptyState(), delivered)).toEqual(state);
          // The whole log delivered twice, and a restart from any prefix, converge too.
          expect(replay(emptyState(), [...log, ...log])).toEqual(state);
          const cut = redeliveries.length % (log.length + 1);
          const partial = replay(emptyState(), log.slice(0, cut));
          expect(replay(partial, log)).toEqual(state);
        },
      ),
      { numRuns: 80 },
    );
  });
});
