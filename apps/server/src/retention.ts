import { ARCHIVE_CHUNK, archiveOldest, type CallboardDb, type EventLog } from "@callboard/db";
import type { LoggedEvent } from "@callboard/routing";
import type { Logger } from "pino";

/** How often retention looks for events past their time. */
export const RETENTION_CHECK_MS = 60 * 60_000;

/**
 * Retention (decision 0010): events older than `keepMs` move to the archive, a chunk per turn of
 * the event loop so routing is never held for more than one chunk — and only those at or before
 * the oldest kept checkpoint, so boot never needs them (a full replay still reads them).
 */
export function startRetention(options: {
  db: CallboardDb;
  log: EventLog<LoggedEvent>;
  archiveDir: string;
  keepMs: number;
  clock: () => number;
  logger: Logger;
  chunk?: number;
}): { stop(): void; run(): Promise<number> } {
  const { db, log, archiveDir, keepMs, clock, logger, chunk = ARCHIVE_CHUNK } = options;
  let stopped = false;
  let running: Promise<number> | null = null;

  const pass = async (): Promise<number> => {
    const kept = log.checkpoints();
    const upToSeq = kept.at(-1)?.seq ?? 0;
    let moved = 0;
    for (;;) {
      if (stopped || upToSeq === 0) return moved;
      const n = archiveOldest(db, archiveDir, { before: clock() - keepMs, upToSeq, chunk });
      if (n === 0) break;
      moved += n;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (moved > 0) logger.info({ moved, archiveDir }, `retention archived ${moved} events`);
    return moved;
  };
  const run = () => {
    running ??= pass()
      .catch((error) => {
        logger.error({ err: error, archiveDir }, "retention could not archive old events; it retries later");
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(run, RETENTION_CHECK_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    run,
  };
}
