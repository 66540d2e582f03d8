import {
  type CenterState,
  emptyState,
  type InputEvent,
  type LoggedEvent,
  type Rejection,
  step,
} from "@callboard/routing";
import { createSimulator, type SimulatorOptions } from "./simulator.ts";

/** What a simulated run produced: the simulator's inputs, everything the core applied, any rejection. */
export interface RunResult {
  state: CenterState;
  inputs: InputEvent[];
  applied: LoggedEvent[];
  rejections: { at: number; event: InputEvent; rejection: Rejection }[];
}

/** 2025-01-06 08:00 ICT: a Monday morning, so timestamps in failures read like a shift. */
export const T0 = Date.UTC(2025, 0, 6, 1, 0, 0);

/**
 * Drives a simulator the way the server does, for tests only: setup, then every `tickMs` let the
 * engine settle (timeouts) and submit the tick's events through `step` at the same `now`.
 */
export function runSimulation(
  options: SimulatorOptions & {
    minutes: number;
    tickMs?: number;
    /** Sees each simulator event and the state it will be checked against, just before `step`. */
    inspect?: (state: CenterState, event: InputEvent) => void;
    /** Agents people drive from the agent desk (Simulator.tick's `driven`). */
    driven?: ReadonlySet<string>;
  },
): RunResult {
  const { minutes, tickMs = 250, inspect, driven, ...simOptions } = options;
  const sim = createSimulator(simOptions);
  const state = emptyState();
  const result: RunResult = { state, inputs: [], applied: [], rejections: [] };
  let now = T0;
  const submit = (event: InputEvent) => {
    result.inputs.push(event);
    inspect?.(state, event);
    const outcome = step(state, event, now);
    // Timers due before a refused event still ran: their events are in `applied` either way.
    result.applied.push(...outcome.applied);
    if (!outcome.ok) result.rejections.push({ at: now, event, rejection: outcome.rejection });
  };
  for (const event of sim.setup(now)) submit(event);
  const end = T0 + minutes * 60_000;
  for (now = T0 + tickMs; now <= end; now += tickMs) {
    result.applied.push(...step(state, null, now).applied);
    for (const event of sim.tick(state, now, driven)) submit(event);
  }
  return result;
}

/** Counts applied events by type (and offer endings by reason) for assertions and reports. */
export function tally(applied: LoggedEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of applied) {
    const key =
      event.type === "call.offer_ended"
        ? `offer_ended:${event.reason}`
        : event.type === "agent.manual_status_set"
          ? `status:${event.status}`
          : event.type;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
