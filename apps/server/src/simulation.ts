import { DomainRejectedError } from "@callboard/contracts";
import type { CenterState } from "@callboard/routing";
import type { Simulator } from "@callboard/simulator";
import type { Logger } from "pino";
import type { Core } from "./core.ts";
import type { SimulatorSize } from "./env.ts";

const TICK_MS = 250;

/**
 * The size to simulate: the one asked for a new center; the center's own once the log has one (the
 * simulator's roster must name the agents and queues that exist). Asking for another size than the
 * log holds is refused, naming the variable, rather than ignored: a 10,000-agent arrival rate on a
 * 40-agent center would only flood its queues.
 */
export function simulatedSize(
  size: SimulatorSize,
  state: CenterState,
  dbPath: string,
): { agents: number; queues: number } {
  const agents = Object.keys(state.agents).length;
  const queues = Object.keys(state.queues).length;
  if (agents === 0) return { agents: size.agents, queues: size.queues };
  if (size.asked && (agents !== size.agents || queues !== size.queues)) {
    const name = agents !== size.agents ? "CALLBOARD_SIMULATOR_AGENTS" : "CALLBOARD_SIMULATOR_QUEUES";
    throw new Error(
      `${name}: the center in ${dbPath} already has ${agents} agents and ${queues} queues; the simulator's size applies to a new center (use another CALLBOARD_DATA_DIR, or delete this one)`,
    );
  }
  return { agents, queues: Math.max(1, queues) };
}

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
