import { DomainRejectedError } from "@callboard/contracts";
import type { Simulator } from "@callboard/simulator";
import type { Core } from "./core.ts";

/**
 * Drives the simulator through a live core under a clock the caller owns, as fast as the core
 * commits: every `tickMs` of simulated time the clock moves, the core settles at the new time (its
 * timers fire), and the simulator's events for that moment are submitted together (one group
 * commit). For tests and the bench: days of traffic in seconds, through the real write path.
 * `onTick` sees each moment after its events are committed.
 */
export async function fastForward(options: {
  core: Core;
  simulator: Simulator;
  clock: { now: number };
  until: number;
  tickMs: number;
  onTick?: (now: number) => void | Promise<void>;
}): Promise<{ inputs: number; refused: number }> {
  const { core, simulator, clock, until, tickMs } = options;
  let inputs = 0;
  let refused = 0;
  const submitAll = (events: ReturnType<Simulator["tick"]>) =>
    Promise.all(
      events.map((event) =>
        core.submit(event).then(
          () => {
            inputs++;
          },
          (error: unknown) => {
            // The simulator plans from the state it read; the core may have moved on (a timeout).
            if (!(error instanceof DomainRejectedError)) throw error;
            refused++;
          },
        ),
      ),
    );
  if (Object.keys(core.state.agents).length === 0) await submitAll(simulator.setup(clock.now));
  while (clock.now < until) {
    clock.now = Math.min(clock.now + tickMs, until);
    core.settle();
    await new Promise((resolve) => setImmediate(resolve));
    await submitAll(simulator.tick(core.state, clock.now));
    await options.onTick?.(clock.now);
  }
  return { inputs, refused };
}
