import { createSimulator } from "@callboard/simulator";
import { pino } from "pino";
import { createApp } from "./app.ts";
import { loadConfig } from "./env.ts";
import { startSimulation } from "./simulation.ts";

/** A boot problem the operator must fix (bad variable, foreign log, busy port): one clear line, exit 1. */
function stop(error: unknown): never {
  console.error(`Callboard cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Composition root: config → app → listen → demo traffic. Everything else is testable without it. */
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return stop(error);
  }
})();
const logger = pino({ level: config.logLevel });
const app = (() => {
  try {
    return createApp({
      dbPath: config.dbPath,
      allowedOrigins: config.allowedOrigins,
      logger,
      limits: config.limits,
      stringee: config.stringee,
    });
  } catch (error) {
    return stop(error);
  }
})();
const port = await app.listen(config.port, config.host).catch(stop);
logger.info({ port }, `Callboard core listening on http://localhost:${port}`);
if (config.stringee?.publicListener) {
  const { port: publicPort, host } = config.stringee.publicListener;
  const listening = await app.listenPublic(publicPort, host).catch(stop);
  logger.info(
    { port: listening, host },
    "PCC's webhooks and agents' clients: /stringee/* on the public listener",
  );
}
if (config.stringee) {
  logger.info(
    {
      projectId: config.stringee.projectId,
      baseUrl: config.stringee.baseUrl,
      signatureCheck: config.stringee.signingSecret !== null,
    },
    "stringee mode: PCC webhooks at /stringee/routing and /stringee/events",
  );
  if (config.stringee.signingSecret === null)
    logger.warn("STRINGEE_SIGNING_SECRET is not set: call events are not verified");
}

let stopSimulation = () => {};
if (config.simulator.enabled) {
  // A fixed seed repeats a run from an empty log; on a log that already has history the seed is
  // moved on by its length, so a restart never reuses the call ids of the earlier run.
  const seed = ((config.simulator.seed ?? Date.now() % 2 ** 31) + app.core.state.seq) % 2 ** 31;
  const simulator = createSimulator({ seed, speed: config.simulator.speed });
  stopSimulation = await startSimulation({ core: app.core, simulator, clock: Date.now, logger });
  logger.info({ seed, speed: config.simulator.speed }, "simulator running");
}

const shutdown = async (signal: string) => {
  logger.info({ signal }, "shutting down");
  stopSimulation();
  await app.close();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
