import { createSimulator } from "@callboard/simulator";
import { pino } from "pino";
import { createApp } from "./app.ts";
import { ensureFirstAdmin } from "./auth/first-admin.ts";
import { loadConfig } from "./env.ts";
import { simulatedSize, startSimulation } from "./simulation.ts";

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
      allowedHosts: config.allowedHosts,
      trustedProxyHops: config.trustedProxyHops,
      operatorToken: config.operatorToken,
      doorLimits: config.doorLimits,
      logger,
      limits: config.limits,
      checkpoints: config.checkpoints,
      retentionMs: config.retentionMs,
      stringee: config.stringee,
      redisUrl: config.redisUrl,
    });
  } catch (error) {
    return stop(error);
  }
})();
// Before listening, so whoever sees the core up can sign in.
const firstAdmin = await ensureFirstAdmin(app.auth, config.firstAdmin, config.publicUrl).catch(stop);
const port = await app.listen(config.port, config.host).catch(stop);
logger.info({ port }, `Callboard core listening on http://localhost:${port}`);
if (firstAdmin?.kind === "generated") {
  // Printed once, never logged as a field: the start script shows these lines to the newcomer.
  console.log(
    `CALLBOARD-FIRST-ADMIN user: ${firstAdmin.username}  password: ${firstAdmin.password}  (shown once; only its hash is stored)`,
  );
  console.log(
    `CALLBOARD-FIRST-ADMIN sign in now: ${firstAdmin.signInLink}  (one-time link, valid 30 minutes)`,
  );
} else if (firstAdmin?.kind === "from-environment") {
  logger.info({ username: firstAdmin.username }, "first admin created from CALLBOARD_ADMIN_PASSWORD");
} else if (firstAdmin?.kind === "nobody") {
  logger.warn(firstAdmin.hint);
}
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
  const { speed } = config.simulator;
  const { agents, queues } = (() => {
    try {
      return simulatedSize(config.simulator.size, app.core.state, config.dbPath);
    } catch (error) {
      return stop(error);
    }
  })();
  const simulator = createSimulator({ seed, speed, agents, queues });
  stopSimulation = await startSimulation({
    core: app.core,
    simulator,
    clock: Date.now,
    logger,
    driven: () => app.desk.agentsAtDesk(),
  });
  logger.info({ seed, speed, agents, queues }, "simulator running");
}

/** Past this, a shutdown that hangs (a stuck client, a full disk) ends with exit 1 instead of never. */
const SHUTDOWN_DEADLINE_MS = 20_000;
let stopping = false;
/**
 * SIGTERM/SIGINT: stop accepting, tell the boards, let requests in flight finish, commit what is
 * queued, close the file, exit 0. Every acknowledged event is in the log; nothing is half-written
 * (a failed final commit is the fail-stop of decision 0002: exit 1, the log holds what was acknowledged).
 */
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: no new connections; finishing requests in flight");
  setTimeout(() => {
    logger.fatal("shutdown did not finish in time; exiting");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  stopSimulation();
  await app.close();
  logger.info({ seq: app.core.state.seq }, "stopped: every acknowledged event is committed");
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
