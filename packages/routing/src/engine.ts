import { applyEvent, checkEvent, type Rejection } from "./apply.ts";
import type { DomainEvent, LoggedEvent } from "./events.ts";
import { nextEngineEvent } from "./route.ts";
import type { CenterState } from "./state.ts";

/**
 * Accepts one event at time `now`: checks it, folds it in, then lets the engine settle (offers,
 * timeouts). Returns every event that was applied, in order, each stamped with its seq — the caller
 * persists exactly these. Pure apart from mutating `state`: same state + same inputs = same output.
 */
export function step(
  state: CenterState,
  event: DomainEvent | null,
  now: number,
): { ok: true; applied: LoggedEvent[] } | { ok: false; rejection: Rejection } {
  const applied: LoggedEvent[] = [];
  if (event !== null) {
    const rejection = checkEvent(state, event);
    if (rejection) return { ok: false, rejection };
    applied.push(stamp(state, event, now));
  }
  for (let next = nextEngineEvent(state, now); next !== null; next = nextEngineEvent(state, now)) {
    applied.push(stamp(state, next, now));
  }
  return { ok: true, applied };
}

function stamp(state: CenterState, event: DomainEvent, now: number): LoggedEvent {
  const logged = { ...event, seq: state.seq + 1, at: now } as LoggedEvent;
  applyEvent(state, logged);
  return logged;
}

/** Rebuilds a state from logged events (restart recovery, a client catching up). */
export function replay(state: CenterState, events: Iterable<LoggedEvent>): CenterState {
  for (const event of events) {
    if (event.seq <= state.seq) continue;
    applyEvent(state, event);
  }
  return state;
}
