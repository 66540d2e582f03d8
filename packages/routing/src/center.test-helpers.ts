/**
 * Test-only helpers shared by the routing tests: a small center builder that drives `step` and
 * throws on any rejection, queue configs with PCC's defaults, and compact traces of engine events.
 * Not exported from index.ts; the name keeps vitest from collecting it as a test file.
 */
import { type Agent, type AgentProfile, newAgent } from "./agent.ts";
import { applyEvent } from "./apply.ts";
import type { Call } from "./call.ts";
import { packFacts } from "./candidate-table.ts";
import { checkEvent } from "./check.ts";
import type { Decision } from "./decision.ts";
import { step } from "./engine.ts";
import { type DomainEvent, INPUT_EVENT_TYPES, type InputEvent, type LoggedEvent } from "./events.ts";
import type { ManualStatus } from "./manual-status.ts";
import { QUEUE_DEFAULTS, type QueueConfig, type QueueGroup } from "./queue.ts";
import { nextDeadline } from "./route.ts";
import { type CenterState, emptyState } from "./state.ts";

/** FNV-1a over UTF-16 code units, written out from the algorithm's definition (independent of strategy.ts). */
export function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash = Number((BigInt(hash ^ text.charCodeAt(i)) * 16777619n) % 4294967296n) >>> 0;
  }
  return hash;
}

/** A deep copy of plain JSON data (the state is plain JSON by design). */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Monday 23 November 2026, 09:00 in Ho Chi Minh City (UTC+7, no DST) = 02:00Z. */
export const MONDAY_0900_HCM = Date.parse("2026-11-23T02:00:00Z");
/** Sunday 22 November 2026, 09:00 in Ho Chi Minh City. */
export const SUNDAY_0900_HCM = Date.parse("2026-11-22T02:00:00Z");
export const HOUR = 3_600_000;

/**
 * The routing the tests of the old model were written for: no after-call work, no maximum wait and
 * room for every caller. Everything else stays at PCC's defaults.
 */
export const PLAIN = {
  agentWrapUpAfterCalls: false,
  maximumQueueWaitTime: 0,
  maximumQueueSize: 1_000,
} as const satisfies Partial<QueueConfig>;

export type QueueOverrides = Partial<Omit<QueueConfig, "id" | "groups">>;

export const primary = (...groupIds: string[]): QueueGroup[] =>
  groupIds.map((groupId) => ({ groupId, primary: true }));
export const backup = (...groupIds: string[]): QueueGroup[] =>
  groupIds.map((groupId) => ({ groupId, primary: false }));

/** A queue routed to `groups`, with PCC's defaults under `overrides`. */
export function queueConfig(id: string, groups: QueueGroup[], overrides: QueueOverrides = {}): QueueConfig {
  return { id, name: id, groups, ...QUEUE_DEFAULTS, ...overrides };
}

export const profile = (id: string, extra: Partial<AgentProfile> = {}): AgentProfile => ({
  id,
  name: `Agent ${id}`,
  phoneNumber: null,
  routingType: 1,
  ...extra,
});

/** A complete agent record (free, available, online on the App), for pure-function tests. */
export function agentRecord(overrides: Partial<Agent> = {}): Agent {
  return {
    ...newAgent({ id: "a1", name: "Agent One", phoneNumber: null, routingType: 1 }, 0),
    manualStatus: "AVAILABLE",
    presence: { app: true, pushTokens: [], sip: false },
    ...overrides,
  };
}

/** An admitted call waiting in `queueId` (for decide()); `missedBy` agents already missed it. */
export const waitingCall = (
  id: string,
  queueId: string,
  arrivedAt: number,
  missedBy: string[] = [],
): Call => ({
  id,
  queueId,
  from: "84900000000",
  arrivedAt,
  arrivedSeq: 0,
  admitted: true,
  status: "waiting",
  ringing: [],
  agentId: null,
  offerExpiresAt: null,
  answeredAt: null,
  missedBy,
  offers: missedBy.length,
});

export interface AgentOptions {
  /** Manual status AVAILABLE (default true). */
  available?: boolean;
  /** Logged in on the App (default true). */
  online?: boolean;
  profile?: Partial<AgentProfile>;
}

/** A center driven through step(): every event must be accepted; `log` collects everything applied. */
export function center() {
  const state = emptyState();
  const log: LoggedEvent[] = [];
  const send = (event: DomainEvent | null, at: number): LoggedEvent[] => {
    // step() would quietly use its clock instead; a test that goes back in time is a broken test.
    if (at < state.clock)
      throw new Error(`test sends at ${at}, but the engine's clock is already ${state.clock}`);
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
    log.push(...result.applied);
    return result.applied;
  };
  const status = (agentId: string, s: ManualStatus, at: number) =>
    send({ type: "agent.manual_status_set", agentId, status: s }, at);
  const available = (agentId: string, at: number) => status(agentId, "AVAILABLE", at);
  /** Creates an agent at `at` (so idleSince = at), online on the App and Available unless told otherwise. */
  const agent = (id: string, at: number, opts: AgentOptions = {}) => {
    send({ type: "agent.upserted", agent: { ...profile(id), name: id, ...opts.profile } }, at);
    if (opts.online !== false)
      send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, at);
    if (opts.available !== false) available(id, at);
  };
  const group = (id: string, members: string[], at: number) =>
    send({ type: "group.upserted", group: { id, name: id, members } }, at);
  const queue = (id: string, groups: QueueGroup[], at: number, overrides: QueueOverrides = {}) =>
    send({ type: "queue.upserted", queue: queueConfig(id, groups, overrides) }, at);
  /** A queue with one primary group of its own, "<id>.team", holding `members` in that order. */
  const teamQueue = (id: string, members: string[], at: number, overrides: QueueOverrides = {}) => {
    group(`${id}.team`, members, at);
    return queue(id, primary(`${id}.team`), at, overrides);
  };
  const arrive = (callId: string, queueId: string, at: number) =>
    send({ type: "call.arrived", callId, queueId, from: "84900000000" }, at);
  const answer = (callId: string, agentId: string, at: number) =>
    send({ type: "call.answered", callId, agentId }, at);
  const end = (callId: string, at: number) => send({ type: "call.ended", callId }, at);
  const abandon = (callId: string, at: number) => send({ type: "call.abandoned", callId }, at);
  const tick = (at: number) => send(null, at);
  /**
   * Ticks at every deadline up to `until`, each on time, the way the live core's timer wakes for
   * nextDeadline: what a single late tick did before step() stopped back-dating offers.
   */
  const tickOnTime = (until: number): LoggedEvent[] => {
    const applied: LoggedEvent[] = [];
    for (let d = nextDeadline(state); d !== null && d <= until; d = nextDeadline(state))
      applied.push(...tick(d));
    return applied;
  };
  return {
    state,
    log,
    send,
    agent,
    status,
    available,
    group,
    queue,
    teamQueue,
    arrive,
    answer,
    end,
    abandon,
    tick,
    tickOnTime,
  };
}
export type Center = ReturnType<typeof center>;

/** One engine event, compactly: "queued c1 #1", "offered c1→a1,a2", "TIMEOUT c1←a1", "closed c1", "wrap-up over a1". */
export function describeEvent(e: DomainEvent): string | null {
  switch (e.type) {
    case "call.queued":
      return `queued ${e.callId} #${e.position}`;
    case "call.finished":
      return `${e.outcome} ${e.callId}`;
    case "call.offered":
      return `offered ${e.callId}→${e.agentIds.join(",")}`;
    case "call.offer_ended":
      return `${e.reason} ${e.callId}←${e.agentIds.join(",")}${e.autoNotAvailable.length ? ` (auto NOT_AVAILABLE ${e.autoNotAvailable.join(",")})` : ""}`;
    case "agent.wrap_up_ended":
      return `wrap-up over ${e.agentId}`;
    default:
      return null;
  }
}

/** The engine events of a batch, compactly (inputs left out). */
export const summary = (events: readonly LoggedEvent[]): string[] =>
  events.flatMap((e) => {
    const text = describeEvent(e);
    return text === null ? [] : [text];
  });

/** Like summary, with each event's time: "16000 TIMEOUT c1←a1". */
export const timed = (events: readonly LoggedEvent[]): string[] =>
  events.flatMap((e) => {
    const text = describeEvent(e);
    return text === null ? [] : [`${e.at} ${text}`];
  });

/** The routing events only (offers and ended offers), for scenarios that are about who rings. */
export const offers = (events: readonly LoggedEvent[]): string[] =>
  summary(events.filter((e) => e.type === "call.offered" || e.type === "call.offer_ended"));

/** Checks and folds one event at `at`, the way the core does; throws on a rejection. */
export function put(state: CenterState, event: DomainEvent, at: number): LoggedEvent {
  const rejection = checkEvent(state, event);
  if (rejection) throw new Error(`${rejection.code}: ${rejection.message}`);
  const logged = { ...event, seq: state.seq + 1, at } as LoggedEvent;
  applyEvent(state, logged);
  return logged;
}

/** A minimal decision record choosing `agentIds` (each listed as a CHOSEN candidate). */
export const decision = (callId: string, agentIds: string[], at: number): Decision => ({
  callId,
  attempt: 1,
  queueId: "q1",
  at,
  strategy: "longest-idle",
  agentIds,
  usedBackup: false,
  // Free, Available, online on the App: packFacts of such an agent with no reason against it.
  table: {
    agentIds,
    facts: agentIds.map(() => packFacts(agentRecord(), 0, false, false)),
    ranked: agentIds.map((_, i) => i),
    keys: agentIds.map(() => 0),
  },
  waitedSec: 0,
});

export const isInputEvent = (e: DomainEvent): e is InputEvent =>
  (INPUT_EVENT_TYPES as readonly string[]).includes(e.type);

/**
 * The engine events that fire at their own deadline (offer expiry, maximum wait, end of wrap-up):
 * any later step() fires them, stamped with that deadline, before it does anything else.
 */
export function isTimerEvent(e: DomainEvent): boolean {
  return (
    (e.type === "call.offer_ended" && e.reason === "TIMEOUT") ||
    (e.type === "call.finished" && e.outcome === "timed_out") ||
    e.type === "agent.wrap_up_ended"
  );
}

/** A logged event as it was handed to step(): without its seq and time. */
export function unstamp(e: LoggedEvent): DomainEvent {
  const { seq: _seq, at: _at, ...event } = e;
  return event as DomainEvent;
}

/**
 * Re-runs a log through step() on `state` (empty, or rebuilt from the log up to where `log` starts):
 * every input at its logged time, plus the clock ticks the log shows. step() only routes at the time
 * it is called, so an engine event that is not a timer (queued, offered, finished other than
 * timed_out, offer withdrawn as AGENT_UNAVAILABLE) logged later than the last step can only come from
 * a bare tick at that time: one is made there first. Timer events need no tick of their own: the next
 * step fires them, each at its own deadline. `endTick`, when given, is the time of the tick the run
 * ended with, which may have fired timers and routed nothing. A refused input throws. Returns
 * everything applied, to be compared with `log` event for event.
 */
export function rerunLog(state: CenterState, log: readonly LoggedEvent[], endTick?: number): LoggedEvent[] {
  const applied: LoggedEvent[] = [];
  let last = state.clock;
  const run = (event: DomainEvent | null, at: number) => {
    const result = step(state, event, at);
    if (!result.ok) {
      throw new Error(
        `re-run refused ${event?.type} at ${at}: ${result.rejection.code} ${result.rejection.message}`,
      );
    }
    applied.push(...result.applied);
    last = at;
  };
  for (const e of log) {
    if (isInputEvent(e)) run(unstamp(e), e.at);
    else if (!isTimerEvent(e) && e.at > last) run(null, e.at);
  }
  if (endTick !== undefined) run(null, endTick);
  return applied;
}

/** Written out by hand (not imported) so a renamed or dropped status fails here. */
export const STATUSES = [
  "AVAILABLE",
  "NOT_AVAILABLE",
  "LUNCH_BREAK",
  "SHORT_BREAK",
  "INVISIBLE",
  "ACW",
] as const satisfies readonly ManualStatus[];

/** One combination of every input the eligibility rule and presence read. */
export interface Case {
  /** 0 and 1; the wide walk adds 2 (a value PCC may report, not free). */
  systemStatus: number;
  manualStatus: ManualStatus;
  /** 1 and 2; the wide walk adds 0 and 3 (unknown routing types, which must never ring). */
  routingType: number;
  app: boolean;
  pushTokens: string[];
  sip: boolean;
  phoneNumber: string | null;
  ringingCallId: string | null;
  /** After-call work: set only by the engine, always together with system status 0 in a real center. */
  wrapUpUntil: number | null;
}

/**
 * Every combination (1,536): the exhaustive rule tests walk these. `wide` adds the values the rule
 * must refuse (system status 2, routing types 0 and 3): 4,608 combinations.
 */
export function* allCases({ wide = false }: { wide?: boolean } = {}): Generator<Case> {
  for (const systemStatus of wide ? [0, 1, 2] : [0, 1])
    for (const manualStatus of STATUSES)
      for (const routingType of wide ? [1, 2, 0, 3] : [1, 2])
        for (const app of [true, false])
          for (const pushTokens of [[], ["tok"]])
            for (const sip of [true, false])
              for (const phoneNumber of [null, "84912345678"])
                for (const ringingCallId of [null, "c1"])
                  for (const wrapUpUntil of [null, 25_000])
                    yield {
                      systemStatus,
                      manualStatus,
                      routingType,
                      app,
                      pushTokens,
                      sip,
                      phoneNumber,
                      ringingCallId,
                      wrapUpUntil,
                    };
}

export function toAgent(c: Case): Agent {
  return agentRecord({
    phoneNumber: c.phoneNumber,
    routingType: c.routingType as Agent["routingType"],
    manualStatus: c.manualStatus,
    systemStatus: c.systemStatus,
    presence: { app: c.app, pushTokens: c.pushTokens, sip: c.sip },
    ringingCallId: c.ringingCallId,
    wrapUpUntil: c.wrapUpUntil,
  });
}
