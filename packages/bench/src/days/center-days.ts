/**
 * Days of a large center, fast-forwarded: the pure engine driven in-process with a fake clock, with
 * the simulator's roster (agents, groups, queues as `pnpm start` builds them) and its people's
 * behaviour (answer delays and misses, talk times, callers' patience), but traffic shaped like a
 * real day instead of the demo's constant churn: each agent works one 8-hour shift a day with two
 * short breaks and a lunch, and calls follow a daytime curve summing to `callsPerDay`. Time jumps
 * from one action or engine deadline to the next, so a day costs what happens in it.
 */

import {
  AVAILABLE,
  CallStatus,
  type CenterState,
  emptyState,
  type InputEvent,
  type LoggedEvent,
  nextDeadline,
  own,
  replay,
  step,
} from "@callboard/routing";
import {
  ANSWER_PROBABILITY,
  answerDelayMs,
  createRng,
  createSimulator,
  patienceMs,
  talkTimeMs,
} from "@callboard/simulator";

export const DAY_MS = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

/** Share of the day's calls arriving in each local hour (0–23): a contact center's daytime curve. */
const HOURLY = [1, 1, 1, 1, 1, 2, 3, 6, 8, 9, 9, 8, 7, 8, 9, 9, 8, 7, 5, 4, 3, 2, 1, 1];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);

/** Shifts (local start hour) and the share of agents on each. */
const SHIFTS = [
  { start: 6, share: 0.45 },
  { start: 14, share: 0.45 },
  { start: 22, share: 0.1 },
];

export interface CenterDaysOptions {
  agents: number;
  queues: number;
  callsPerDay: number;
  seed: number;
  /** Local midnight of day 1 (ms). */
  start: number;
  /** Local time minus UTC (ms); the curve and the shifts are in local hours. */
  zoneOffsetMs: number;
}

type Action =
  | { kind: "input"; event: InputEvent }
  | { kind: "arrival" }
  | { kind: "answer"; callId: string; agentId: string }
  | { kind: "abandon"; callId: string }
  | { kind: "end"; callId: string };

/** Actions by time; ties in push order, so a run is deterministic. */
class Agenda {
  private at: number[] = [];
  private order: number[] = [];
  private items: Action[] = [];
  private pushed = 0;
  peek(): number {
    return this.at[0] ?? Number.POSITIVE_INFINITY;
  }
  /** `at` is rounded to a whole ms: the core's clock (Date.now) has no fractions, nor does its log. */
  push(when: number, action: Action): void {
    const at = Math.round(when);
    const o = this.pushed++;
    let i = this.at.length;
    this.at.push(at);
    this.order.push(o);
    this.items.push(action);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p]! < at || (this.at[p] === at && this.order[p]! < o)) break;
      this.at[i] = this.at[p]!;
      this.order[i] = this.order[p]!;
      this.items[i] = this.items[p]!;
      i = p;
    }
    this.at[i] = at;
    this.order[i] = o;
    this.items[i] = action;
  }
  pop(): Action {
    const top = this.items[0]!;
    const at = this.at.pop()!;
    const o = this.order.pop()!;
    const item = this.items.pop()!;
    const n = this.at.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const less = (a: number, b: number) =>
          this.at[a]! < this.at[b]! || (this.at[a] === this.at[b] && this.order[a]! < this.order[b]!);
        const c = r < n && less(r, l) ? r : l;
        if (this.at[c]! > at || (this.at[c] === at && this.order[c]! > o)) break;
        this.at[i] = this.at[c]!;
        this.order[i] = this.order[c]!;
        this.items[i] = this.items[c]!;
        i = c;
      }
      this.at[i] = at;
      this.order[i] = o;
      this.items[i] = item;
    }
    return top;
  }
}

/**
 * Drives the center: `setup` logs the center's creation, then `runUntil(t)` logs everything up to
 * `t`. Every applied event goes to `sink` in order (the caller persists it, folds KPIs…).
 */
export function createCenterDays(options: CenterDaysOptions, sink: (events: readonly LoggedEvent[]) => void) {
  const { agents, queues, callsPerDay, seed, start, zoneOffsetMs } = options;
  const rng = createRng(seed);
  const state: CenterState = emptyState();
  const agenda = new Agenda();
  let callNo = 0;
  let now = start;
  const stats = { inputs: 0, rejected: 0, calls: 0 };

  const submit = (event: InputEvent | null, at: number) => {
    const result = step(state, event, at);
    if (event) stats.inputs++;
    if (!result.ok) stats.rejected++;
    if (result.applied.length > 0) {
      observe(result.applied, at);
      sink(result.applied);
    }
  };

  /** Reacts as the simulator's people do to what the engine did. */
  const observe = (applied: readonly LoggedEvent[], at: number) => {
    for (const e of applied) {
      if (e.type === "call.offered") {
        const agentId = e.agentIds[0];
        if (agentId && rng.next() < ANSWER_PROBABILITY)
          agenda.push(at + answerDelayMs(rng), { kind: "answer", callId: e.callId, agentId });
      } else if (e.type === "call.queued") {
        agenda.push(at + patienceMs(rng), { kind: "abandon", callId: e.callId });
      } else if (e.type === "call.answered") {
        agenda.push(at + talkTimeMs(rng), { kind: "end", callId: e.callId });
      }
    }
  };

  const localHour = (t: number) => Math.floor(((((t + zoneOffsetMs) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR);
  const nextArrival = (t: number) => {
    const perHour = (callsPerDay * HOURLY[localHour(t)]!) / HOURLY_SUM;
    return t + Math.max(1, Math.round((-Math.log(1 - rng.next()) * HOUR) / perHour));
  };

  const roster = createSimulator({ seed, agents, queues })
    .setup(start)
    .filter((e) => e.type === "agent.upserted" || e.type === "group.upserted" || e.type === "queue.upserted");
  const agentIds = roster.flatMap((e) => (e.type === "agent.upserted" ? [e.agent.id] : []));

  /** One agent's working day: log in, two short breaks, lunch, log out. */
  const planShift = (agentId: string, shiftStart: number) => {
    const status = (at: number, s: "AVAILABLE" | "SHORT_BREAK" | "LUNCH_BREAK" | "NOT_AVAILABLE") =>
      agenda.push(at, { kind: "input", event: { type: "agent.manual_status_set", agentId, status: s } });
    const presence = (at: number, online: boolean) => {
      agenda.push(at, {
        kind: "input",
        event: { type: "agent.presence_changed", agentId, signal: "app", online },
      });
      agenda.push(at, {
        kind: "input",
        event: { type: "agent.presence_changed", agentId, signal: "sip", online },
      });
    };
    const login = shiftStart + rng.between(-10 * MIN, 10 * MIN);
    presence(login, true);
    status(login + 1_000, AVAILABLE);
    for (const [from, minutes] of [
      [2 * HOUR, 15],
      [4 * HOUR, 45],
      [6 * HOUR, 15],
    ] as const) {
      const away = shiftStart + from + rng.between(-30 * MIN, 30 * MIN);
      status(away, minutes === 45 ? "LUNCH_BREAK" : "SHORT_BREAK");
      status(away + minutes * MIN + rng.between(-3 * MIN, 3 * MIN), AVAILABLE);
    }
    const logout = shiftStart + 8 * HOUR + rng.between(0, 15 * MIN);
    status(logout, "NOT_AVAILABLE");
    presence(logout + 1_000, false);
  };

  /** The shift of the agent at fraction `f` of the roster: shares taken in order. */
  const shiftAt = (f: number) => {
    let upTo = 0;
    for (const shift of SHIFTS) {
      upTo += shift.share;
      if (f < upTo) return shift;
    }
    return SHIFTS.at(-1)!;
  };
  const planDay = (dayStart: number) => {
    agentIds.forEach((agentId, i) => {
      planShift(agentId, dayStart + shiftAt((i + 0.5) / agentIds.length).start * HOUR);
    });
  };

  return {
    state,
    stats,
    /**
     * Logs the center's creation. Folded with `replay` (restart recovery's path) rather than `step`:
     * with no call in the center yet, step derives nothing from these upserts, so the log is the same,
     * and folding skips 10,000 steps that each re-check a center being built.
     */
    setup() {
      const logged = roster.map((event, i) => ({ ...event, seq: i + 1, at: start }) as LoggedEvent);
      replay(state, logged);
      sink(logged);
      agenda.push(nextArrival(start), { kind: "arrival" });
    },
    /** Logs the day starting at `dayStart` (its shifts are planned now; calls flow throughout). */
    planDay,
    /** Logs everything up to `until`. */
    runUntil(until: number) {
      for (;;) {
        const deadline = nextDeadline(state) ?? Number.POSITIVE_INFINITY;
        const t = Math.min(agenda.peek(), deadline);
        if (t > until) break;
        now = t;
        if (deadline <= agenda.peek()) {
          submit(null, t);
          continue;
        }
        const action = agenda.pop();
        if (action.kind === "input") submit(action.event, t);
        else if (action.kind === "arrival") {
          stats.calls++;
          submit(
            { type: "call.arrived", callId: `c${++callNo}`, queueId: pickQueue(), from: "84900000000" },
            t,
          );
          agenda.push(nextArrival(t), { kind: "arrival" });
        } else {
          const call = own(state.calls, action.callId);
          if (!call) continue;
          if (action.kind === "answer") {
            if (call.ringing.includes(action.agentId))
              submit({ type: "call.answered", callId: call.id, agentId: action.agentId }, t);
          } else if (action.kind === "abandon") {
            if (call.status !== CallStatus.TALKING) submit({ type: "call.abandoned", callId: call.id }, t);
          } else submit({ type: "call.ended", callId: call.id }, t);
        }
      }
      now = until;
    },
    get now() {
      return now;
    },
  };

  function pickQueue(): string {
    const queueIds = Object.keys(state.queues);
    return queueIds[Math.floor(rng.next() * queueIds.length)]!;
  }
}
