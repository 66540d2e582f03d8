import {
  type CenterState,
  type DomainEvent,
  emptyState,
  type LoggedEvent,
  QUEUE_DEFAULTS,
  step,
} from "@callboard/routing";
import { erlangAsa, erlangC, erlangServiceLevel } from "./erlang.ts";
import { emptyKpiState, foldKpi, type KpiState, queueKpis } from "./fold.ts";
import { localDay } from "./local-day.ts";

/**
 * The pure engine driven as an M/M/c queue, with the KPI fold on every logged event: Poisson
 * arrivals, exponential talk times, agents who answer the moment they are offered a call (so an
 * agent is busy exactly while talking), no after-call work, no abandons, a maximum wait of a day.
 * Erlang C is the exact steady state of that system, so the fold's service level and ASA must
 * agree with it. Seeded, deterministic, no clock: the caller times it if it wants.
 */
export interface MmcOptions {
  agents: number;
  callsPerHour: number;
  ahtSec: number;
  calls: number;
  seed: number;
  serviceLevelSec?: number;
  /** First instant of the run (ms); default Monday 2026-11-23 00:00 in Ho Chi Minh City. */
  start?: number;
  /** Sees every logged event, in order (the bench keeps the log to time the fold alone). */
  onEvent?: (event: LoggedEvent) => void;
}

export interface MmcResult {
  calls: number;
  events: number;
  days: number;
  /** From the KPI fold, summed over the days of the run. */
  measured: { serviceLevel: number; asaSec: number; ahtSec: number; occupancy: number };
  erlang: { pWait: number; serviceLevel: number; asaSec: number; occupancy: number };
}

const QUEUE = "mmc";

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pending call ends: a binary min-heap on time. */
class Ends {
  private at: number[] = [];
  private ids: string[] = [];
  get size() {
    return this.at.length;
  }
  peek(): number {
    return this.at[0] ?? Number.POSITIVE_INFINITY;
  }
  push(at: number, id: string): void {
    let i = this.at.length;
    this.at.push(at);
    this.ids.push(id);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p]! <= at) break;
      this.at[i] = this.at[p]!;
      this.ids[i] = this.ids[p]!;
      i = p;
    }
    this.at[i] = at;
    this.ids[i] = id;
  }
  pop(): string {
    const top = this.ids[0]!;
    const lastAt = this.at.pop()!;
    const lastId = this.ids.pop()!;
    const n = this.at.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.at[r]! < this.at[l]! ? r : l;
        if (this.at[c]! >= lastAt) break;
        this.at[i] = this.at[c]!;
        this.ids[i] = this.ids[c]!;
        i = c;
      }
      this.at[i] = lastAt;
      this.ids[i] = lastId;
    }
    return top;
  }
}

export function simulateMmc(options: MmcOptions): MmcResult {
  const { agents, callsPerHour, ahtSec, calls, seed } = options;
  const serviceLevelSec = options.serviceLevelSec ?? 20;
  const start = options.start ?? Date.parse("2026-11-22T17:00:00Z");
  const random = prng(seed);
  const exp = (meanMs: number) => -Math.log(1 - random()) * meanMs;
  const state: CenterState = emptyState();
  const kpi: KpiState = emptyKpiState();
  const ends = new Ends();
  let events = 0;
  const offered: { callId: string; agentId: string }[] = [];

  const send = (event: DomainEvent, at: number) => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
    for (const e of result.applied) fold(e);
  };
  const fold = (e: LoggedEvent) => {
    events++;
    foldKpi(kpi, e, state);
    options.onEvent?.(e);
    if (e.type === "call.offered") offered.push({ callId: e.callId, agentId: e.agentIds[0]! });
  };
  /** Every offer is answered at once, and its talk time drawn. */
  const answerOffers = (at: number) => {
    while (offered.length > 0) {
      const { callId, agentId } = offered.shift()!;
      send({ type: "call.answered", callId, agentId }, at);
      ends.push(Math.round(at + exp(ahtSec * 1000)), callId);
    }
  };

  const ids = Array.from({ length: agents }, (_, i) => `a${i + 1}`);
  for (const id of ids) {
    send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } }, start);
    send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, start);
    send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, start);
  }
  send({ type: "group.upserted", group: { id: "team", name: "team", members: ids } }, start);
  send(
    {
      type: "queue.upserted",
      queue: {
        ...QUEUE_DEFAULTS,
        id: QUEUE,
        name: "M/M/c",
        groups: [{ groupId: "team", primary: true }],
        agentWrapUpAfterCalls: false,
        waitAgentAnswerTimeout: 600,
        maximumQueueWaitTime: 86_400,
        maximumQueueSize: 1_000_000,
        serviceLevelSec,
      },
    },
    start,
  );

  // Today's figures are read just before each local midnight and summed.
  const sum = { offered: 0, inSl: 0, answered: 0, waitSec: 0, handled: 0, handleSec: 0, busy: 0, staffed: 0 };
  let days = 0;
  const closeDay = (at: number) => {
    const today = queueKpis(kpi, QUEUE, at)!.today;
    sum.offered += today.offered - today.shortAbandoned;
    sum.inSl += today.answeredInServiceLevel;
    sum.answered += today.answered;
    sum.waitSec += today.waitSec;
    sum.handled += today.handled;
    sum.handleSec += today.handleSec;
    sum.busy += today.busySec;
    sum.staffed += today.staffedSec;
    days++;
  };
  let dayEnd = localDay(start, "Asia/Ho_Chi_Minh").end;
  const meanGapMs = 3_600_000 / callsPerHour;
  let nextArrival = start + exp(meanGapMs);
  let arrived = 0;
  let now = start;
  while (arrived < calls || ends.size > 0) {
    const arrival = arrived < calls ? Math.round(nextArrival) : Number.POSITIVE_INFINITY;
    const t = Math.min(arrival, ends.peek());
    while (t >= dayEnd) {
      closeDay(dayEnd - 1);
      dayEnd = localDay(dayEnd, "Asia/Ho_Chi_Minh").end;
    }
    now = t;
    if (ends.peek() <= arrival) {
      send({ type: "call.ended", callId: ends.pop() }, t);
    } else {
      arrived++;
      send({ type: "call.arrived", callId: `c${arrived}`, queueId: QUEUE, from: "84900000000" }, t);
      nextArrival += exp(meanGapMs);
    }
    answerOffers(t);
  }
  closeDay(now);

  const load = (callsPerHour / 3600) * ahtSec;
  return {
    calls,
    events,
    days,
    measured: {
      serviceLevel: sum.inSl / sum.offered,
      asaSec: sum.waitSec / sum.answered,
      ahtSec: sum.handleSec / sum.handled,
      occupancy: sum.busy / sum.staffed,
    },
    erlang: {
      pWait: erlangC(agents, load),
      serviceLevel: erlangServiceLevel(agents, load, ahtSec, serviceLevelSec),
      asaSec: erlangAsa(agents, load, ahtSec),
      occupancy: load / agents,
    },
  };
}
