import { applyEvent } from "./apply.ts";
import { checkEvent, type Rejection } from "./check.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { nextDeadline, nextEngineEvent } from "./route.ts";
import type { CenterState } from "./state.ts";

export type StepResult =
  | { ok: true; applied: LoggedEvent[] }
  /** The event was refused; timers that fell due before it still ran and are in `applied`. */
  | { ok: false; rejection: Rejection; applied: LoggedEvent[] };

/**
 * Accepts one event (or none: a clock tick) at time `now`. First every deadline up to `now` is handled
 * at its own time (so a late timer decides exactly as an on-time one would), then the event is checked
 * and folded in, then the engine settles (admissions, offers). Returns every event applied, in order,
 * each stamped with its seq and time — the caller persists exactly these.
 * Pure apart from mutating `state`: the same state and inputs give the same output.
 */
export function step(state: CenterState, event: DomainEvent | null, now: number): StepResult {
  const at = Math.max(now, state.clock);
  const applied = advance(state, at);
  if (event !== null) {
    const rejection = checkEvent(state, event);
    if (rejection) return { ok: false, rejection, applied };
    applied.push(stamp(state, event, at));
  }
  settle(state, at, applied);
  return { ok: true, applied };
}

/** Handles every deadline after the engine's clock and up to `now`, each at its own time. */
function advance(state: CenterState, now: number): LoggedEvent[] {
  const applied: LoggedEvent[] = [];
  let cursor = state.clock;
  for (let d = nextDeadline(state, cursor); d !== null && d <= now; d = nextDeadline(state, cursor)) {
    settle(state, d, applied);
    cursor = d;
  }
  return applied;
}

function settle(state: CenterState, at: number, applied: LoggedEvent[]): void {
  for (let next = nextEngineEvent(state, at); next !== null; next = nextEngineEvent(state, at)) {
    applied.push(stamp(state, next, at));
  }
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
