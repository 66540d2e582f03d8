// The what-if worker thread's entry (node:worker_threads): a second esbuild entry point beside
// main.js in production, run through tsx in dev and tests. It opens its OWN read-only connection
// to the log's file — SQLite refuses any write on it — so a replay never touches the live log, and
// it runs the model off the core's thread so routing is not slowed.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createDb, createEventLog } from "@callboard/db";
import { type CenterState, emptyState, type LoggedEvent, replay } from "@callboard/routing";
import { runWhatIf, type WhatIfChange, type WhatIfResult } from "@callboard/whatif";
import { readCheckpoint } from "../checkpoints.ts";

export interface WhatIfJob {
  dbPath: string;
  archiveDir: string | null;
  centerId: string;
  queueId: string;
  from: number;
  to: number;
  change: WhatIfChange;
  seed: number;
}

export type WorkerMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: WhatIfResult }
  | { type: "failed"; message: string };

/** Reading the log is this share of the progress bar; the two runs the rest. */
const READ_SHARE = 0.4;

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

/** The newest checkpoint taken before `from` (its clock is before it), or the empty center. */
function startingPoint(log: ReturnType<typeof createEventLog<LoggedEvent>>, job: WhatIfJob): CenterState {
  const lastSeq = log.lastSeq();
  for (const row of log.checkpoints()) {
    const restored = readCheckpoint([row], { centerId: job.centerId, lastSeq }, () => {});
    if (restored && restored.state.clock < job.from) return restored.state;
  }
  return emptyState();
}

function run(job: WhatIfJob): WhatIfResult {
  const db = createDb(job.dbPath, { readonly: true });
  try {
    const log = createEventLog<LoggedEvent>(db, { archiveDir: job.archiveDir });
    const state = startingPoint(log, job);
    const lastSeq = Math.max(1, log.lastSeq());
    const firstSeq = state.seq;
    const period: LoggedEvent[] = [];
    let read = 0;
    for (const event of log.readAllAfter(state.seq)) {
      if (event.at >= job.to) break;
      if (event.at < job.from) replay(state, [event]);
      else period.push(event);
      if (++read % 20_000 === 0)
        post({ type: "progress", fraction: (READ_SHARE * (event.seq - firstSeq)) / (lastSeq - firstSeq) });
    }
    post({ type: "progress", fraction: READ_SHARE });
    return runWhatIf({
      start: state,
      period,
      from: job.from,
      to: job.to,
      queueId: job.queueId,
      change: job.change,
      seed: job.seed,
      progress: (fraction) => post({ type: "progress", fraction: READ_SHARE + (1 - READ_SHARE) * fraction }),
    });
  } finally {
    db.$client.close();
  }
}

/**
 * Lowest CPU priority for this thread only (Linux: /proc/thread-self names its task id, and
 * setpriority on a task id renices that thread): when the cores are busy, the core's thread —
 * live routing — goes first. Elsewhere it stays as it is.
 */
function yieldToTheCore(): void {
  try {
    const task = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(task) && task > 0) setPriority(task, 19);
  } catch {
    // not Linux, or not allowed: the worker runs at the process's priority
  }
}

try {
  yieldToTheCore();
  post({ type: "done", result: run(workerData as WhatIfJob) });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
