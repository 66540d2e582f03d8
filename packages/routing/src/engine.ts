import { applyEvent, isNoop } from "./apply.ts";
import { checkEvent, type Rejection } from "./check.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import type { CenterLimits } from "./limits.ts";
import { nextDueTimer, nextEngineEvent } from "./route.ts";
import type { CenterState } from "./state.ts";

export type StepResult =
  /**
   * `input` is the accepted event as logged (null for a tick, or for a no-op skipped under
   * `ifChanged`). `changed` is false when the input changes no record (isNoop) — and for a tick.
   */
  | { ok: true; applied: LoggedEvent[]; input: LoggedEvent | null; changed: boolean }
  /** The event was refused; timers that fell due before it still fired and are in `applied`. */
  | { ok: false; rejection: Rejection; applied: LoggedEvent[] };

export interface StepOptions {
  /**
   * Apply the input only if it changes something: a no-op (isNoop — e.g. a presence heartbeat that
   * repeats what the state says) is checked but not logged, and comes back as `changed: false`.
   */
  ifChanged?: boolean;
  /**
   * Caps on new agents, groups and queues (DEFAULT_LIMITS when absent). They refuse inputs only:
   * replay folds a log without checking, so a log written under higher caps always loads.
   */
  limits?: CenterLimits;
}

/**
 * Accepts one event (or none: a clock tick) at time `now`. First the timers already set that fell
 * due up to `now` fire, each at its own deadline (an offer times out when it was due to, however late
 * the process wakes); then the event is checked and folded in; then the engine settles at `now`
 * (admissions, withdrawals, offers). Offers are only ever made at `now`, never back-dated into time
 * when nobody could have rung — so a restart after a long stop fires the old timers once and routes
 * from the present. Returns every event applied, in order, stamped with seq and time; the caller
 * persists exactly these. Pure apart from mutating `state`: the same state and inputs give the same
 * output.
 */
export function step(
  state: CenterState,
  event: DomainEvent | null,
  now: number,
  options: StepOptions = {},
): StepResult {
  const at = Math.max(now, state.clock);
  const applied = fireTimers(state, at);
  let input: LoggedEvent | null = null;
  let changed = false;
  if (event !== null) {
    const rejection = checkEvent(state, event, options.limits);
    // A refused step has fired the due timers but not settled: callers tick first (the core runs
    // step(state, null, now) before every batch of inputs), so nothing is left unsettled.
    if (rejection) return { ok: false, rejection, applied };
    changed = !isNoop(state, event);
    if (changed || !options.ifChanged) {
      input = stamp(state, event, at);
      applied.push(input);
    }
  }
  for (let next = nextEngineEvent(state, at); next !== null; next = nextEngineEvent(state, at)) {
    applied.push(stamp(state, next, at));
  }
  return { ok: true, applied, input, changed };
}

/** Fires every timer due up to `now`, earliest first, each stamped with its own deadline. */
function fireTimers(state: CenterState, now: number): LoggedEvent[] {
  const applied: LoggedEvent[] = [];
  for (let timer = nextDueTimer(state, now); timer !== null; timer = nextDueTimer(state, now)) {
    applied.push(stamp(state, timer.event, Math.max(timer.at, state.clock)));
  }
  return applied;
}

function stamp(state: CenterState, event: DomainEvent, at: number): LoggedEvent {
  const logged = { ...event, seq: state.seq + 1, at } as LoggedEvent;
  applyEvent(state, logged);
  return logged;
}

/**
 * Rebuilds a state from logged events (restart recovery, a client catching up). Seqs already folded
 * in are skipped (redelivery is harmless); a missing seq throws, because folding across a gap would
 * silently produce a state that never existed.
 */
export function replay(state: CenterState, events: Iterable<LoggedEvent>): CenterState {
  for (const event of events) {
    if (event.seq <= state.seq) continue;
    if (event.seq !== state.seq + 1)
      throw new Error(`event log gap: expected seq ${state.seq + 1}, got ${event.seq}`);
    applyEvent(state, event);
  }
  return state;
}
