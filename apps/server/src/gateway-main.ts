import { pino } from "pino";
import { loadGatewayConfig } from "./env.ts";
import { createGatewayApp } from "./split/gateway-app.ts";
import { redactedUrl } from "./split/redis.ts";

/**
 * A gateway process (decision 0018): `CALLBOARD_REDIS_URL=… CALLBOARD_CORE_URL=… PORT=… pnpm gateway`.
 * Boards and wallboards connect here; the core publishes on Redis. Any number may run.
 */
function stop(error: unknown): never {
  console.error(`Callboard gateway cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const config = (() => {
  try {
    return loadGatewayConfig();
  } catch (error) {
    return stop(error);
  }
})();
const logger = pino({ level: config.logLevel });
const app = (() => {
  try {
    return createGatewayApp(config, logger);
  } catch (error) {
    return stop(error);
  }
})();
const port = await app.listen(config.port, config.host).catch(stop);
logger.info(
  { port, redis: redactedUrl(config.redisUrl), core: config.coreUrl },
  `Callboard gateway listening on http://${config.host}:${port}`,
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "gateway shutting down: its screens reconnect to another gateway");
  setTimeout(() => process.exit(1), 10_000).unref();
  await app.close();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
