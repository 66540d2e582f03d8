/**
 * One boot of the core on a seeded database, in its own process (seed-days.ts runs it): prints one
 * JSON line with the boot time, the seq range replayed, the first use of the engine's index and the
 * process's memory after a full GC. `checkpoint`: as the server boots; `full`: the baseline, a
 * replay of the whole log from seq 0. It exits before the core's first commit, so the file is left
 * as it was.
 */
import { createDb, createEventLog, migrateDb, centerId as readCenterId } from "@callboard/db";
import { type LoggedEvent, nextDeadline } from "@callboard/routing";
import { bootCore, DEFAULT_CHECKPOINTS } from "@callboard/server/boot";

const [dbPath, mode] = process.argv.slice(2);
if (!dbPath || (mode !== "checkpoint" && mode !== "full"))
  throw new Error("usage: boot-figures.ts <db> checkpoint|full");

const started = performance.now();
const db = createDb(dbPath);
migrateDb(db);
const log = createEventLog<LoggedEvent>(db);
const last = log.readAfter(log.lastSeq() - 1, 1)[0];
const quiet = () => {};
const { core, fromSeq } = bootCore({
  log,
  centerId: readCenterId(db),
  policy: DEFAULT_CHECKPOINTS,
  fromCheckpoint: mode === "checkpoint",
  // The log's own last instant: nothing falls due while measuring.
  clock: () => last?.at ?? 0,
  logger: { warn: (_details, message) => console.error(message), debug: quiet, error: quiet },
  onFatal: (error) => {
    throw error;
  },
});
const bootMs = performance.now() - started;
const t = performance.now();
nextDeadline(core.state);
const firstDecisionMs = performance.now() - t;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    bootMs,
    fromSeq,
    seq: core.state.seq,
    firstDecisionMs,
    rssMb: memory.rss / 1_048_576,
    heapUsedMb: memory.heapUsed / 1_048_576,
  }),
);
process.exit(0);
