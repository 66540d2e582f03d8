import type { EventLog } from "@callboard/db";
import { drainHistory, type HistoryRecorder } from "@callboard/kpi";
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

/** What boot needs of history's read model (LiveHistory). */
export interface BootHistory {
  recorder: HistoryRecorder;
  /** After the KPI fold saw a replayed event (history writes every so many). */
  replayed(seq: number): void;
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
    /**
     * History's read model (history.ts), when kept: the KPI fold records into its recorder, and it
     * sees each replayed event. Only checkpoints at or before its stored seq (`recorder.afterSeq`)
     * are used, so the replay folds every event history has not stored yet: a read model behind
     * the newest checkpoint makes boot start from an older one, or replay the whole log.
     */
    history?: BootHistory | null;
  },
): Booted {
  const { log, centerId, policy, logger, fromCheckpoint = true, history = null, ...coreOptions } = options;
  const warn = (seq: number, why: string) =>
    logger.warn({ checkpointSeq: seq }, `checkpoint at seq ${seq} skipped: it ${why}`);
  const restored = fromCheckpoint
    ? readCheckpoint(
        log.checkpoints(),
        {
          centerId,
          lastSeq: log.lastSeq(),
          ...(history ? { historySeq: history.recorder.afterSeq } : {}),
        },
        warn,
      )
    : null;
  const start = (from: typeof restored): Booted => {
    // A failed attempt may have recorded events it did not write: they are folded again now.
    if (history) drainHistory(history.recorder);
    const kpis = new LiveKpis(from ?? undefined, history?.recorder ?? null);
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
      onReplayed: history
        ? (event, state) => {
            kpis.replayed(event, state);
            history.replayed(event.seq);
          }
        : kpis.replayed,
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
