/**
 * What a checkpoint costs at the seeded center's size: decodes the newest checkpoint of a seeded
 * database, then times what the core does to take one (JSON on its own thread) and what the thread
 * pool does (gzip -1), median of 5. `tsx src/days/checkpoint-cost.ts <db>`.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { createDb, createEventLog, centerId as readCenterId } from "@callboard/db";
import { restoreAgentDay, restoreKpi, restoreStatusDay } from "@callboard/kpi";
import type { LoggedEvent } from "@callboard/routing";
import { encodeCheckpoint } from "@callboard/server/checkpoints";

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error("usage: checkpoint-cost.ts <db>");
const db = createDb(dbPath);
const [newest] = createEventLog<LoggedEvent>(db).checkpoints();
if (!newest) throw new Error(`${dbPath} has no checkpoint`);
const payload = JSON.parse(gunzipSync(newest.data).toString("utf8"));
const folds = {
  kpi: restoreKpi(payload.kpi),
  agentDays: restoreAgentDay(payload.agentDays),
  statusDays: restoreStatusDay(payload.statusDays),
};
const centerId = readCenterId(db);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const serialize: number[] = [];
const compress: number[] = [];
let json = "";
let bytes = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  json = encodeCheckpoint(centerId, payload.state, folds);
  const t1 = performance.now();
  bytes = gzipSync(json, { level: 1 }).length;
  serialize.push(t1 - t0);
  compress.push(performance.now() - t1);
}
console.log(
  JSON.stringify({
    agents: Object.keys(payload.state.agents).length,
    jsonMb: json.length / 1_048_576,
    gzipMb: bytes / 1_048_576,
    serializeMs: median(serialize),
    compressMs: median(compress),
  }),
);
db.$client.close();
