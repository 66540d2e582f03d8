import { DomainRejectedError } from "@callboard/contracts";
import type { Simulator } from "@callboard/simulator";
import type { Logger } from "pino";
import type { Core } from "./core.ts";

const TICK_MS = 250;

/**
 * Feeds the simulator's events into the core like any outside source would. The center is created
 * only when the log is empty, so a restart continues the same center instead of doubling it.
 */
export async function startSimulation(options: {
  core: Core;
  simulator: Simulator;
  clock: () => number;
  logger: Logger;
  /** Agents signed in on the agent desk: people drive them, the simulator leaves them alone. */
  driven?: () => ReadonlySet<string>;
}): Promise<() => void> {
  const { core, simulator, clock, logger, driven } = options;
  const submitAll = (events: ReturnType<Simulator["tick"]>) =>
    Promise.all(
      events.map((event) =>
        core.submit(event).catch((error: unknown) => {
          // The simulator races real users (a supervisor may change a status it planned to change).
          if (error instanceof DomainRejectedError)
            logger.debug({ event, reason: error.message }, "sim event refused");
          else throw error;
        }),
      ),
    );
  if (Object.keys(core.state.agents).length === 0) await submitAll(simulator.setup(clock()));
  const timer = setInterval(() => {
    submitAll(simulator.tick(core.state, clock(), driven?.())).catch((error: unknown) =>
      logger.error({ err: error }, "simulator tick failed"),
    );
  }, TICK_MS);
  return () => clearInterval(timer);
}
