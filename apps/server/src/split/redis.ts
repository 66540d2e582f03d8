import { Redis } from "ioredis";
import type { Logger } from "pino";

/** Reconnect attempts back off to this; a Redis that returns is used again within it. */
const MAX_RECONNECT_DELAY_MS = 1_000;

/**
 * A Redis connection for the split mode (core and gateways alike) that never gives up: it reconnects
 * forever, and commands issued while it is down wait for it instead of failing (the adapter does not
 * catch every failed publish, and an unhandled rejection would stop the process). Callers that
 * publish check `status === "ready"` first, so that wait stays short. It logs once when Redis goes
 * away and once when it is back.
 */
export function connectRedis(url: string, logger: Logger, who: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  let lost = false;
  redis.on("error", (error: Error) => {
    if (lost) return;
    lost = true;
    logger.warn({ err: error, redis: redactedUrl(url) }, `${who}: Redis is unreachable; retrying`);
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    logger.info({ redis: redactedUrl(url) }, `${who}: Redis is back`);
  });
  return redis;
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

/** Quits cleanly when Redis is there; drops the connection when it is not (a quit would wait for it forever). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== "ready") return redis.disconnect();
  await redis.quit().catch(() => redis.disconnect());
}
