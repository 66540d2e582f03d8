import {
  AVAILABLE,
  applyEvent,
  type CenterState,
  type DomainEvent,
  emptyState,
  isOnline,
  type LoggedEvent,
  own,
  step,
} from "@callboard/routing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTER_NAMES, type CounterName, type KpiPeriod } from "./counters.ts";
import { emptyKpiState, foldKpi, openHistory, queueKpis } from "./fold.ts";
import {
  AGENT_COUNTER_NAMES,
  type BucketDelta,
  createHistoryRecorder,
  drainHistory,
  HISTORY_BUCKET_MS,
} from "./history-recorder.ts";
import { foldFromScratch, MONDAY_0900_HCM, queueConfig } from "./kpi.test-helpers.ts";

/**
 * The fold over any event sequence the engine can log equals a brute-force recomputation from the
 * list of events: the brute force walks the log with routing's own applyEvent, reads every call's
 * and agent's state from the center records before and after each event, cuts every agent's time
 * at every event, and filters by the period's bounds — no buckets, no running state of its own.
 * History's 15-minute buckets (per queue and per agent, the recorder's deltas plus the time still
 * open) are checked against the same walk, each count and span put in the bucket(s) of its time.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const HCM_OFFSET = 7 * 3_600_000;
/** Ho Chi Minh City has no daylight saving: local midnight by arithmetic, independent of Intl. */
const hcmMidnight = (t: number) => Math.floor((t + HCM_OFFSET) / DAY) * DAY - HCM_OFFSET;

type Raw = Omit<KpiPeriod, "serviceLevel" | "abandonRate" | "asaSec" | "ahtSec" | "occupancy">;

function zero(from: number, to: number): Raw {
  return {
    from,
    to,
    arrived: 0,
    offered: 0,
    answered: 0,
    answeredInServiceLevel: 0,
    answeredUnknownWait: 0,
    abandoned: 0,
    shortAbandoned: 0,
    timedOut: 0,
    rejected: 0,
    closed: 0,
    handled: 0,
    waitSec: 0,
    talkSec: 0,
    handleSec: 0,
    busySec: 0,
    staffedSec: 0,
  };
}

type Counter = Exclude<keyof Raw, "from" | "to">;

function roster(state: CenterState, queueId: string): Set<string> {
  const queue = own(state.queues, queueId);
  const members = new Set<string>();
  for (const g of queue?.groups ?? [])
    for (const id of own(state.groups, g.groupId)?.members ?? []) members.add(id);
  return members;
}

type AgentCounter = (typeof AGENT_COUNTER_NAMES)[number];
/** Per id, per 15-minute bucket start, counter name → value (ms for times). */
type Buckets = Map<string, Map<number, Record<string, number>>>;

function bucketAdd(buckets: Buckets, id: string, bucket: number, field: string, value: number) {
  const byBucket = buckets.get(id) ?? new Map<number, Record<string, number>>();
  buckets.set(id, byBucket);
  const cell = byBucket.get(bucket) ?? {};
  byBucket.set(bucket, cell);
  cell[field] = (cell[field] ?? 0) + value;
}

/** [from, to) cut at every quarter hour, ms by ms in spirit: each piece to its own bucket. */
function bucketSpan(buckets: Buckets, id: string, from: number, to: number, field: string) {
  for (let t = from; t < to; ) {
    const bucket = Math.floor(t / HISTORY_BUCKET_MS) * HISTORY_BUCKET_MS;
    const end = Math.min(to, bucket + HISTORY_BUCKET_MS);
    bucketAdd(buckets, id, bucket, field, end - t);
    t = end;
  }
}

/** Deltas summed into buckets, zeros left out (the brute force never writes a zero). */
function sumDeltas(into: Buckets, deltas: readonly BucketDelta[], names: readonly string[]) {
  for (const { id, bucket, values } of deltas)
    names.forEach((name, f) => {
      if (values[f]! !== 0) bucketAdd(into, id, bucket, name, values[f]!);
    });
}

const RAW_TO_COUNTER: Partial<Record<Counter, CounterName>> = {
  answeredInServiceLevel: "answeredInSl",
  waitSec: "waitMs",
  talkSec: "talkMs",
  handleSec: "handleMs",
  busySec: "busyMs",
  staffedSec: "staffedMs",
};

function bruteForce(log: readonly LoggedEvent[], queueId: string, now: number, windowMin: number) {
  const history: Buckets = new Map();
  const agentHistory: Buckets = new Map();
  const dayStart = hcmMidnight(now);
  const windowStart = (Math.floor(now / MINUTE) - windowMin + 1) * MINUTE;
  const firstAt = log.find((e) => e.type === "queue.upserted" && e.queue.id === queueId)?.at ?? now;
  const today = zero(dayStart, now);
  const window = zero(Math.max(windowStart, firstAt), now);
  const count = (q: string, at: number, field: Counter, value = 1) => {
    if (value !== 0) {
      const bucket = Math.floor(at / HISTORY_BUCKET_MS) * HISTORY_BUCKET_MS;
      bucketAdd(history, q, bucket, RAW_TO_COUNTER[field] ?? field, value);
    }
    if (q !== queueId) return;
    if (at >= dayStart && at <= now) today[field] += value;
    if (at >= windowStart && at <= now) window[field] += value;
  };
  const agentCount = (agentId: string, at: number, field: AgentCounter, value = 1) => {
    if (value !== 0)
      bucketAdd(agentHistory, agentId, Math.floor(at / HISTORY_BUCKET_MS) * HISTORY_BUCKET_MS, field, value);
  };
  const span = (from: number, to: number, field: "busySec" | "staffedSec") => {
    const inDay = Math.min(to, now) - Math.max(from, dayStart);
    if (inDay > 0) today[field] += inDay;
    const inWindow = Math.min(to, now) - Math.max(from, windowStart);
    if (inWindow > 0) window[field] += inWindow;
  };
  const state = emptyState();
  const pending = new Map<string, { queueId: string; talkMs: number; endedAt: number }>();
  const complete = (agentId: string, at: number) => {
    const p = pending.get(agentId);
    if (!p) return;
    pending.delete(agentId);
    count(p.queueId, at, "handled");
    count(p.queueId, at, "talkSec", p.talkMs);
    count(p.queueId, at, "handleSec", p.talkMs + (at - p.endedAt));
    agentCount(agentId, at, "handled");
    agentCount(agentId, at, "talkMs", p.talkMs);
    agentCount(agentId, at, "handleMs", p.talkMs + (at - p.endedAt));
  };
  const agentTime = (from: number, to: number) => {
    if (to <= from) return;
    for (const a of Object.values(state.agents)) {
      const busy = a.activeCallId !== null || a.wrapUpUntil !== null;
      const field: AgentCounter =
        a.activeCallId !== null
          ? "onCallMs"
          : a.wrapUpUntil !== null
            ? "wrapUpMs"
            : !isOnline(a)
              ? "offlineMs"
              : a.manualStatus === AVAILABLE
                ? "canRingMs"
                : "awayMs";
      bucketSpan(agentHistory, a.id, from, to, field);
      if (!isOnline(a) || !(a.manualStatus === AVAILABLE || busy)) continue;
      for (const q of ["q0", "q1"]) {
        if (!roster(state, q).has(a.id)) continue;
        bucketSpan(history, q, from, to, "staffedMs");
        if (busy) bucketSpan(history, q, from, to, "busyMs");
      }
    }
    for (const id of roster(state, queueId)) {
      const a = own(state.agents, id);
      if (!a) continue;
      const busy = a.activeCallId !== null || a.wrapUpUntil !== null;
      if (!isOnline(a) || !(a.manualStatus === AVAILABLE || busy)) continue;
      span(from, to, "staffedSec");
      if (busy) span(from, to, "busySec");
    }
  };
  let prevAt: number | null = null;
  for (const e of log) {
    if (prevAt !== null) agentTime(prevAt, e.at);
    prevAt = e.at;
    const call = "callId" in e ? own(state.calls, e.callId) : undefined;
    const settings = call ? own(state.queues, call.queueId) : undefined;
    const wrapBefore = e.type === "call.ended" || e.type === "call.abandoned" ? call?.agentId : null;
    const wrapUntilBefore = wrapBefore ? own(state.agents, wrapBefore)?.wrapUpUntil : null;
    switch (e.type) {
      case "call.arrived":
        count(e.queueId, e.at, "arrived");
        break;
      case "call.finished":
        if (e.outcome === "closed") count(call!.queueId, e.at, "closed");
        else if (e.outcome === "rejected") count(call!.queueId, e.at, "rejected");
        else {
          count(call!.queueId, e.at, "offered");
          count(call!.queueId, e.at, "timedOut");
        }
        break;
      case "call.answered": {
        const wait = e.at - call!.arrivedAt;
        count(call!.queueId, e.at, "offered");
        count(call!.queueId, e.at, "answered");
        count(call!.queueId, e.at, "waitSec", wait);
        agentCount(e.agentId, e.at, "answered");
        if (wait <= settings!.serviceLevelSec * 1000) count(call!.queueId, e.at, "answeredInServiceLevel");
        break;
      }
      case "call.ended":
      case "call.abandoned": {
        if (call!.status === "talking") break; // after applyEvent, below
        count(call!.queueId, e.at, "offered");
        if (e.type === "call.ended" && e.answered) {
          count(call!.queueId, e.at, "answered");
          count(call!.queueId, e.at, "answeredUnknownWait");
        } else {
          const short = e.at - call!.arrivedAt < settings!.shortAbandonSec * 1000;
          count(call!.queueId, e.at, short ? "shortAbandoned" : "abandoned");
        }
        break;
      }
      case "agent.wrap_up_ended":
        complete(e.agentId, e.at);
        break;
    }
    applyEvent(state, e);
    if ((e.type === "call.ended" || e.type === "call.abandoned") && call?.status === "talking") {
      const agentId = call.agentId!;
      const talkMs =
        e.type === "call.ended" && e.talkSec !== undefined
          ? Math.round(e.talkSec * 1000)
          : e.at - call.answeredAt!;
      const after = own(state.agents, agentId)!;
      if (after.wrapUpUntil !== null && after.wrapUpUntil !== wrapUntilBefore) {
        complete(agentId, e.at);
        pending.set(agentId, { queueId: call.queueId, talkMs, endedAt: e.at });
      } else {
        count(call.queueId, e.at, "handled");
        count(call.queueId, e.at, "talkSec", talkMs);
        count(call.queueId, e.at, "handleSec", talkMs);
        agentCount(agentId, e.at, "handled");
        agentCount(agentId, e.at, "talkMs", talkMs);
        agentCount(agentId, e.at, "handleMs", talkMs);
      }
    }
  }
  if (prevAt !== null) agentTime(prevAt, now);
  for (const p of [today, window])
    for (const k of ["waitSec", "talkSec", "handleSec", "busySec", "staffedSec"] as const) p[k] /= 1000;
  return { today, window, history, agentHistory };
}

function raw(p: KpiPeriod): Raw {
  const { serviceLevel: _s, abandonRate: _a, asaSec: _q, ahtSec: _h, occupancy: _o, ...rest } = p;
  return rest;
}

const AGENTS = ["a0", "a1", "a2", "a3"];

type Command =
  | { kind: "arrive"; queue: number }
  | { kind: "answer" | "abandon" | "endAnswered"; pick: number }
  | { kind: "end"; pick: number; talkSec: number | undefined }
  | { kind: "status"; agent: number; available: boolean }
  | { kind: "presence"; agent: number; online: boolean }
  | { kind: "member"; agent: number; group: number }
  | { kind: "settings"; queue: number; t: number; n: number; wrap: boolean; maxWait: number }
  | { kind: "tick" };

// Mostly whole seconds, so waits land exactly on T and N as often as beside them.
const gap = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }).map((s) => s * 1000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 30_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 * MINUTE }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 * 3_600_000 }) },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("arrive" as const), queue: fc.nat(1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(5) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("end" as const),
      pick: fc.nat(5),
      talkSec: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("abandon" as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("endAnswered" as const), pick: fc.nat(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("status" as const), agent: fc.nat(3), available: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("presence" as const), agent: fc.nat(3), online: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("member" as const), agent: fc.nat(3), group: fc.nat(1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("settings" as const),
      queue: fc.nat(1),
      t: fc.integer({ min: 0, max: 30 }),
      n: fc.integer({ min: 0, max: 10 }),
      wrap: fc.boolean(),
      maxWait: fc.constantFrom(0, 20, 120),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tick" as const) }) },
);

describe("the KPI fold against a brute-force recomputation", () => {
  it("agrees for any sequence the engine logs, at every step, live and folded from scratch", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, gap), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(1, 2, 15),
        fc.integer({ min: 0, max: 20 * MINUTE }),
        (script, windowMin, readLater) => {
          const state = emptyState();
          const recorder = createHistoryRecorder();
          const kpi = emptyKpiState(recorder);
          const log: LoggedEvent[] = [];
          const stored: Buckets = new Map();
          const storedAgents: Buckets = new Map();
          let now = MONDAY_0900_HCM - 3 * 3_600_000;
          const send = (event: DomainEvent | null) => {
            const result = step(state, event, now);
            log.push(...result.applied);
            // As the server does: after the step, with the state as it is after all of it.
            for (const e of result.applied) foldKpi(kpi, e, state);
            // As the server stores them: the batch's deltas, added to what is stored.
            const delta = drainHistory(recorder);
            sumDeltas(stored, delta.queues, COUNTER_NAMES);
            sumDeltas(storedAgents, delta.agents, AGENT_COUNTER_NAMES);
          };
          const groups = [
            ["a0", "a1"],
            ["a2", "a3"],
          ];
          for (const id of AGENTS) {
            send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
            send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
            send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" });
          }
          groups.forEach((members, g) => {
            send({ type: "group.upserted", group: { id: `g${g}`, name: `g${g}`, members } });
          });
          const queue = (q: number, over: Parameters<typeof queueConfig>[2] = {}) =>
            queueConfig(`q${q}`, q === 0 ? ["g0", "g1"] : ["g1"], {
              kpiWindowMin: windowMin,
              maximumQueueSize: 3,
              ...over,
            });
          send({ type: "queue.upserted", queue: queue(0) });
          send({
            type: "queue.upserted",
            queue: queue(1, { agentWrapUpAfterCalls: true, wrapUpTimeLimit: 30 }),
          });
          let calls = 0;
          const pick = (i: number, status?: string) => {
            const live = Object.values(state.calls).filter((c) => !status || c.status === status);
            return live.length === 0 ? undefined : live[i % live.length];
          };
          for (const [cmd, wait] of script) {
            now += wait;
            switch (cmd.kind) {
              case "arrive":
                send({
                  type: "call.arrived",
                  callId: `c${++calls}`,
                  queueId: `q${cmd.queue}`,
                  from: "84900000000",
                });
                break;
              case "answer": {
                const c = pick(cmd.pick, "ringing");
                send(c ? { type: "call.answered", callId: c.id, agentId: c.ringing[0]! } : null);
                break;
              }
              case "end": {
                const c = pick(cmd.pick, "talking");
                send(
                  c
                    ? {
                        type: "call.ended",
                        callId: c.id,
                        ...(cmd.talkSec === undefined ? {} : { talkSec: cmd.talkSec }),
                      }
                    : null,
                );
                break;
              }
              case "abandon": {
                const c = pick(cmd.pick);
                send(c && c.status !== "talking" ? { type: "call.abandoned", callId: c.id } : null);
                break;
              }
              case "endAnswered": {
                const c = pick(cmd.pick, "waiting") ?? pick(cmd.pick, "ringing");
                send(c ? { type: "call.ended", callId: c.id, answered: true } : null);
                break;
              }
              case "status":
                send({
                  type: "agent.manual_status_set",
                  agentId: AGENTS[cmd.agent]!,
                  status: cmd.available ? "AVAILABLE" : "LUNCH_BREAK",
                });
                break;
              case "presence":
                send({
                  type: "agent.presence_changed",
                  agentId: AGENTS[cmd.agent]!,
                  signal: "app",
                  online: cmd.online,
                });
                break;
              case "member": {
                const members = groups[cmd.group]!;
                const id = AGENTS[cmd.agent]!;
                groups[cmd.group] = members.includes(id) ? members.filter((m) => m !== id) : [...members, id];
                send({
                  type: "group.upserted",
                  group: { id: `g${cmd.group}`, name: "g", members: groups[cmd.group]! },
                });
                break;
              }
              case "settings":
                send({
                  type: "queue.upserted",
                  queue: queue(cmd.queue, {
                    serviceLevelSec: cmd.t,
                    shortAbandonSec: cmd.n,
                    agentWrapUpAfterCalls: cmd.wrap,
                    wrapUpTimeLimit: 15,
                    maximumQueueWaitTime: cmd.maxWait,
                  }),
                });
                break;
              case "tick":
                send(null);
                break;
            }
            const at = now + readLater;
            for (const q of ["q0", "q1"]) {
              const live = queueKpis(kpi, q, at)!;
              const expected = bruteForce(log, q, at, windowMin);
              expect(raw(live.today)).toEqual(expected.today);
              expect(raw(live.window)).toEqual(expected.window);
            }
          }
          // Restart recovery: the same log folded from scratch, each event with its own state.
          const at = now + readLater;
          const scratch = foldFromScratch(log);
          for (const q of ["q0", "q1"]) expect(queueKpis(scratch, q, at)).toEqual(queueKpis(kpi, q, at));
          // History: what is stored, plus the time still open, equals the walk's buckets up to `at`.
          const open = openHistory(kpi, at);
          sumDeltas(stored, open.queues, COUNTER_NAMES);
          sumDeltas(storedAgents, open.agents, AGENT_COUNTER_NAMES);
          const expected = bruteForce(log, "q0", at, windowMin);
          expect(stored).toEqual(expected.history);
          expect(storedAgents).toEqual(expected.agentHistory);
        },
      ),
      { numRuns: 150 },
    );
    // 150 runs with the history walk take ~5 s alone; a shared machine may need more.
  }, 60_000);
});
