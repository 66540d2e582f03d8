import { type CenterState, emptyState, type LoggedEvent, replay, step } from "@callboard/routing";
import { createSimulator } from "@callboard/simulator";

/** 2025-01-06 08:00 ICT, a Monday morning. */
export const T0 = Date.UTC(2025, 0, 6, 1, 0, 0);
export const MINUTE = 60_000;

/**
 * A simulated stretch of a center, lived the way the server lives it: the simulator's inputs
 * through `step`, the core woken every `tickMs` (a bare step, like its timer). Returns the log.
 */
export function simulatedLog({
  minutes,
  agents = 40,
  queues,
  seed = 7,
  tickMs = 250,
}: {
  minutes: number;
  agents?: number;
  queues?: number;
  seed?: number;
  tickMs?: number;
}): LoggedEvent[] {
  const sim = createSimulator({ seed, agents, ...(queues === undefined ? {} : { queues }) });
  const state = emptyState();
  const log: LoggedEvent[] = [];
  let now = T0;
  const submit = (event: Parameters<typeof step>[1]) => log.push(...step(state, event, now).applied);
  for (const event of sim.setup(now)) submit(event);
  const end = T0 + minutes * MINUTE;
  for (now = T0 + tickMs; now <= end; now += tickMs) {
    submit(null);
    for (const event of sim.tick(state, now)) submit(event);
  }
  return log;
}

/** The center folded from the log up to (not including) index `until`. */
export function stateAt(log: readonly LoggedEvent[], until: number): CenterState {
  return replay(emptyState(), log.slice(0, until));
}
