import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type WhatIfHandle, type WhatIfStatus, WhatIfUnavailableError } from "@callboard/api";
import type { WhatIfChange } from "@callboard/whatif";
import type { WhatIfJob, WorkerMessage } from "./what-if-worker.ts";

/** Every what-if uses this seed: the same question gets the same answer. */
export const WHAT_IF_SEED = 20_261_202;
/** Finished runs remembered for their page (oldest forgotten first). */
const KEPT = 8;

/**
 * Starts the worker: in production its file is beside main.js, where esbuild writes it as a second
 * entry point (scripts/build.mjs). From the sources (tsx in dev, vitest in tests) it is TypeScript:
 * a tiny bootstrap registers tsx's loader in the new thread, then imports it.
 */
function startWorker(job: WhatIfJob): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./what-if-worker.js", here), { workerData: job });
  // tsx's ESM API (its "import" export; resolving "tsx/esm/api" from here would pick the CommonJS one).
  const tsxDir = dirname(createRequire(here).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  const worker = new URL("./what-if-worker.ts", here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

/**
 * Runs what-ifs in worker threads, one at a time (a second gets "busy"): each reads the log through
 * its own read-only connection, so neither the core's thread nor its log is touched. Progress and
 * the result come back as messages; cancel terminates the thread.
 */
export class WhatIfRunner implements WhatIfHandle {
  private readonly runs = new Map<string, WhatIfStatus>();
  private current: { runId: string; worker: Worker } | null = null;

  constructor(
    private readonly source: { dbPath: string; archiveDir: string | null; centerId: string },
    private readonly clock: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(request: { queueId: string; from: number; to: number; change: WhatIfChange }): { runId: string } {
    if (this.source.dbPath === ":memory:")
      throw new WhatIfUnavailableError(
        "no-file",
        "What-if needs the log in a file; this server keeps it in memory.",
      );
    if (this.current)
      throw new WhatIfUnavailableError("busy", "A what-if is already running: wait for it or cancel it.");
    const runId = randomUUID();
    const startedAt = this.clock();
    // The run's own duration on the process's monotonic clock (the core's clock may be a test's).
    const began = performance.now();
    const job: WhatIfJob = { ...this.source, ...request, seed: WHAT_IF_SEED };
    const worker = startWorker(job);
    this.current = { runId, worker };
    this.remember({ runId, state: "running", progress: 0, startedAt });
    const settle = (status: WhatIfStatus) => {
      if (this.current?.runId !== runId) return;
      this.current = null;
      this.remember(status);
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") {
        if (this.current?.runId === runId)
          this.runs.set(runId, {
            runId,
            state: "running",
            progress: Math.min(1, message.fraction),
            startedAt,
          });
      } else if (message.type === "done") {
        settle({
          runId,
          state: "done",
          result: message.result,
          startedAt,
          ms: Math.round(performance.now() - began),
        });
      } else {
        settle({ runId, state: "failed", message: message.message, startedAt });
      }
    });
    worker.on("error", (error) => {
      this.onError(error);
      settle({ runId, state: "failed", message: error.message, startedAt });
    });
    worker.on("exit", () => settle({ runId, state: "failed", message: "the what-if stopped", startedAt }));
    return { runId };
  }

  status(runId: string): WhatIfStatus | null {
    return this.runs.get(runId) ?? null;
  }

  cancel(runId: string): boolean {
    if (this.current?.runId !== runId) return false;
    const { worker } = this.current;
    this.current = null;
    const run = this.runs.get(runId)!;
    this.remember({ runId, state: "cancelled", startedAt: run.startedAt });
    void worker.terminate();
    return true;
  }

  /** Stops a running what-if (server shutdown). */
  async close(): Promise<void> {
    const running = this.current;
    this.current = null;
    await running?.worker.terminate();
  }

  private remember(status: WhatIfStatus): void {
    this.runs.delete(status.runId);
    this.runs.set(status.runId, status);
    while (this.runs.size > KEPT) this.runs.delete(this.runs.keys().next().value!);
  }
}
