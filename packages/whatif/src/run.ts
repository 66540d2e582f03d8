import {
  type CenterState,
  type DomainEvent,
  INPUT_EVENT_TYPES,
  type InputEvent,
  type LoggedEvent,
  MinHeap,
  nextDeadline,
  step,
} from "@callboard/routing";
import {
  NO_ANSWER,
  type OfferOutcome,
  outcomeKey,
  type RecordedBehaviour,
  type Talk,
  talkKey,
} from "./behaviour.ts";
import { drawOne } from "./draw.ts";
import type { ChangePlan } from "./plan.ts";

/**
 * A live core wakes at its next deadline a little late (a timer, a loaded event loop): when a
 * recorded step follows a deadline within this, the run wakes there, as the core did; otherwise it
 * wakes at the deadline itself.
 */
export const WAKE_GRACE_MS = 1_000;

/** Something the run will feed the engine: an input, or a bare wake-up (event null). */
interface Item {
  at: number;
  /** Orders items of the same millisecond: the recorded seq (modelled inputs take their recorded one's). */
  key: number;
  order: number;
  event: InputEvent | null;
  /** Checked just before the step: a recorded hang-up does not end a call the run has connected. */
  when?: (state: CenterState) => boolean;
}

const before = (a: Item, b: Item) =>
  a.at < b.at || (a.at === b.at && (a.key < b.key || (a.key === b.key && a.order < b.order)));

const isInput = (e: DomainEvent): e is InputEvent =>
  (INPUT_EVENT_TYPES as readonly string[]).includes(e.type);

/** Engine events fired at their own deadline by whatever step comes next: they show no wake-up. */
const isTimerEvent = (e: DomainEvent) =>
  (e.type === "call.offer_ended" && e.reason === "TIMEOUT") ||
  (e.type === "call.finished" && e.outcome === "timed_out") ||
  e.type === "agent.wrap_up_ended";

export interface RunHooks {
  /** Before each step at `at`: the state as it stood until then (sampling waits). */
  beforeStep?: (state: CenterState, at: number) => void;
  /** Every event the run applied, in order, with the state after its step. */
  applied?: (event: LoggedEvent, state: CenterState) => void;
  /** Share of the period done, 0–1, every few thousand steps. */
  progress?: (fraction: number) => void;
}

export interface PeriodRun {
  state: CenterState;
  /** Recorded or modelled inputs the engine refused in this run (an answer to an offer it never made…). */
  refused: number;
}

/**
 * Runs the period's recorded inputs through the engine from `state` (mutated), under `plan`:
 * - every recorded input is fed at its time, in its order (transformed by the plan), except the
 *   ones the agents' model drives: answers, declines and the end of calls answered in the period;
 * - each offer the run makes gets its agents' outcome — the recorded one for that call, agent and
 *   offer number, else one drawn from the agent's own recorded outcomes (`seed`); each call the run
 *   connects ends after the recorded talk time of that call and agent, else a drawn one;
 * - the engine is woken where the log shows the live core woke (an offer, admission or withdrawal
 *   made with no input), and at its own deadlines when no recorded step follows within WAKE_GRACE_MS.
 * A caller's recorded hang-up still happens unless the run has already connected the call. With the
 * plan of no change this gives back the recorded events exactly (the day test proves it).
 */
export function runPeriod(
  state: CenterState,
  period: readonly LoggedEvent[],
  to: number,
  plan: ChangePlan,
  behaviour: RecordedBehaviour,
  seed: number,
  hooks: RunHooks = {},
): PeriodRun {
  const from = state.clock;
  const heap = new MinHeap<Item>(before);
  let order = 0;
  const push = (item: Omit<Item, "order">) => heap.push({ ...item, order: order++ });
  const talkingAtStart = new Set(
    Object.values(state.calls)
      .filter((c) => c.status === "talking")
      .map((c) => c.id),
  );

  let lastStep = Number.NEGATIVE_INFINITY;
  for (const e of period) {
    if (isInput(e)) {
      lastStep = e.at;
      if (behaviour.modelled.has(e.seq)) continue;
      const hangUp =
        (e.type === "call.ended" || e.type === "call.abandoned") && !talkingAtStart.has(e.callId);
      const callId = hangUp ? e.callId : null;
      for (const event of plan.transform(unstamp(e)))
        push({
          at: e.at,
          key: e.seq,
          event,
          when: callId === null ? undefined : (s) => s.calls[callId]?.status !== "talking",
        });
    } else if (!isTimerEvent(e) && e.at > lastStep) {
      lastStep = e.at;
      push({ at: e.at, key: e.seq, event: null });
    }
  }

  // An agent who showed no behaviour of its own in the period (never rung, or only rung where others
  // ended the offer) takes the whole center's: every agent's recorded outcomes and talk times.
  let everyone: { outcomes: OfferOutcome[]; talkMs: number[] } | null = null;
  const poolOf = <K extends "outcomes" | "talkMs">(agentId: string, kind: K) => {
    const own = behaviour.samples.get(plan.behaviourOf(agentId))?.[kind];
    if (own && own.length > 0) return own;
    everyone ??= {
      outcomes: [...behaviour.samples.values()].flatMap((s) => s.outcomes),
      talkMs: [...behaviour.samples.values()].flatMap((s) => s.talkMs),
    };
    return everyone[kind];
  };
  const offers = new Map<string, number>();
  /** The agent's outcome for this offer, and the key that orders it within its millisecond. */
  const outcomeOf = (callId: string, agentId: string): { outcome: OfferOutcome; key: number } => {
    const pair = talkKey(callId, agentId);
    const n = (offers.get(pair) ?? 0) + 1;
    offers.set(pair, n);
    const recorded = behaviour.outcomes.get(outcomeKey(callId, agentId, n));
    if (recorded) return { outcome: recorded, key: "seq" in recorded ? recorded.seq : 0 };
    const pool = poolOf(agentId, "outcomes");
    const outcome = pool.length > 0 ? drawOne(pool, seed, `offer|${callId}|${agentId}|${n}`) : NO_ANSWER;
    return { outcome, key: Number.POSITIVE_INFINITY };
  };
  const talkOf = (callId: string, agentId: string): Talk | null => {
    const recorded = behaviour.talks.get(talkKey(callId, agentId));
    if (recorded) return recorded;
    const pool = poolOf(agentId, "talkMs");
    if (pool.length === 0) return null; // nobody was seen talking: the call talks past the period
    return {
      ms: drawOne(pool, seed, `talk|${callId}|${agentId}`),
      end: { type: "call.ended", callId },
      seq: Number.POSITIVE_INFINITY,
    };
  };
  const model = (e: LoggedEvent) => {
    if (e.type === "call.offered") {
      for (const agentId of e.agentIds) {
        const { outcome, key } = outcomeOf(e.callId, agentId);
        if (outcome.kind === "no-answer") continue;
        const { callId } = e;
        push({
          at: e.at + outcome.delayMs,
          key,
          event: { type: outcome.kind === "answer" ? "call.answered" : "call.declined", callId, agentId },
          when: (s) => s.calls[callId]?.ringing.includes(agentId) === true,
        });
      }
    } else if (e.type === "call.answered") {
      const talk = talkOf(e.callId, e.agentId);
      if (talk === null || !Number.isFinite(talk.ms)) return;
      const { callId, agentId } = e;
      push({
        at: e.at + talk.ms,
        key: talk.seq,
        event: talk.end,
        when: (s) => s.calls[callId]?.agentId === agentId,
      });
    }
  };

  let refused = 0;
  let steps = 0;
  let last = state.clock;
  const run = (event: InputEvent | null, at: number) => {
    hooks.beforeStep?.(state, at);
    const result = step(state, event, at);
    last = Math.max(last, at);
    for (const e of result.applied) {
      hooks.applied?.(e, state);
      model(e);
    }
    if (!result.ok) refused++;
    if (++steps % 2048 === 0) hooks.progress?.((last - from) / Math.max(1, to - from));
  };

  for (const event of plan.prelude) run(event, from);
  for (;;) {
    const next = heap.peek();
    const horizon = Math.min(next?.at ?? to, to);
    const deadline = nextDeadline(state);
    if (deadline !== null && deadline > last && deadline + WAKE_GRACE_MS < horizon) {
      run(null, deadline);
      continue;
    }
    if (!next || next.at >= to) break;
    heap.pop();
    if (next.event === null) {
      if (next.at > last) run(null, next.at);
    } else if (!next.when || next.when(state)) {
      run(next.event, next.at);
    }
  }
  hooks.progress?.(1);
  return { state, refused };
}

function unstamp(e: LoggedEvent): InputEvent {
  const { seq: _seq, at: _at, ...event } = e;
  return event as InputEvent;
}
