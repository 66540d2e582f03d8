import type { EventLog } from "@callboard/db";
import type { LoggedEvent } from "@callboard/routing";
import { Checkpointer, type CheckpointPolicy, readCheckpoint } from "./checkpoints.ts";

export { DEFAULT_CHECKPOINTS } from "./checkpoints.ts";

import { Core, type CoreOptions } from "./core.ts";
import { LiveKpis } from "./kpis.ts";

/** What boot reports through (a pino Logger is one). */
export interface BootLogger {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Booted {
  core: Core;
  kpis: LiveKpis;
  /** Where boot started: a checkpoint's seq, or 0 for a full replay. */
  fromSeq: number;
}

/**
 * Boot = the newest readable checkpoint + the log after it. A checkpoint that is foreign, of another
 * format, unreadable — or whose tail does not fold onto it — is skipped with a warning, and boot
 * falls back to the next one, then to a full replay: a checkpoint can make boot faster, never stop it.
 */
export function bootCore(
  options: Omit<CoreOptions, "initial" | "onReplayed" | "checkpoints" | "log"> & {
    log: EventLog<LoggedEvent>;
    centerId: string;
    policy: CheckpointPolicy;
    logger: BootLogger;
    /** False: ignore checkpoints and replay the whole log (the bench's baseline). */
    fromCheckpoint?: boolean;
  },
): Booted {
  const { log, centerId, policy, logger, fromCheckpoint = true, ...coreOptions } = options;
  const warn = (seq: number, why: string) =>
    logger.warn({ checkpointSeq: seq }, `checkpoint at seq ${seq} skipped: it ${why}`);
  const restored = fromCheckpoint
    ? readCheckpoint(log.checkpoints(), { centerId, lastSeq: log.lastSeq() }, warn)
    : null;
  const start = (from: typeof restored): Booted => {
    const kpis = new LiveKpis(from ?? undefined);
    // The checkpointer needs the core's settle, and the core its checkpointer: tie them after.
    let settle = () => {};
    const checkpoints = new Checkpointer({
      ...policy,
      centerId,
      folds: () => kpis.folds(),
      startedAt: options.clock(),
      onReady: () => settle(),
      onWritten: (timing) => logger.debug(timing, "checkpoint ready"),
      onError: (error) => logger.error({ err: error }, "a checkpoint could not be encoded"),
    });
    const core = new Core({
      ...coreOptions,
      log,
      ...(from ? { initial: from.state } : {}),
      onReplayed: kpis.replayed,
      checkpoints,
    });
    settle = () => core.settle();
    return { core, kpis, fromSeq: from?.seq ?? 0 };
  };
  if (restored) {
    try {
      return start(restored);
    } catch (error) {
      warn(
        restored.seq,
        `does not continue into the log (${error instanceof Error ? error.message : error})`,
      );
    }
  }
  return start(null);
}
