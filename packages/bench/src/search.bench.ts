/**
 * Call search on a big log: the cost of one calls.search lookup (EventLog.searchCalls) on a log of
 * BENCH_SEARCH_CALLS calls (default 200,000; three events each) against the same lookup on a log a
 * hundredth of that size, measured in the same run — index seeks cost the same whatever the size.
 * For scale, the query search would be without the caller column: json_extract over every arrival.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createEventLog, migrateDb } from "@callboard/db";
import { count, ratio, table, us } from "./report.ts";

const raw = Number(process.env.BENCH_SEARCH_CALLS);
const CALLS = Number.isFinite(raw) && raw > 0 ? raw : 200_000;
const LOOKUPS = 2_000;

type E = { seq: number; at: number; type: string; callId: string; from?: string };

function logOf(calls: number, dir: string) {
  const db = createDb(join(dir, `log-${calls}.db`));
  migrateDb(db);
  const log = createEventLog<E>(db);
  const number = (i: number) => `+849${String(i % (calls / 2)).padStart(8, "0")}`; // two calls per number
  let seq = 0;
  for (let start = 0; start < calls; start += 5_000) {
    const rows = [];
    for (let i = start; i < Math.min(calls, start + 5_000); i++) {
      const callId = `call-${i}`;
      const at = 1_800_000_000_000 + i * 1000;
      rows.push(
        {
          event: { seq: ++seq, at, type: "call.arrived", callId, from: number(i) },
          idempotencyKey: null,
          agentIds: [],
          callId,
          caller: number(i),
        },
        {
          event: { seq: ++seq, at, type: "call.answered", callId },
          idempotencyKey: null,
          agentIds: [],
          callId,
        },
        { event: { seq: ++seq, at, type: "call.ended", callId }, idempotencyKey: null, agentIds: [], callId },
      );
    }
    log.append(rows);
  }
  return { db, log, number };
}

function usPerLookup(run: (i: number) => number): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < LOOKUPS; i++) sink += run(i);
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / LOOKUPS);
  }
  if (sink === -1) console.log(sink);
  rounds.sort((a, b) => a - b);
  return rounds[2]!;
}

console.log("Call search bench (@callboard/bench)");
const dir = mkdtempSync(join(tmpdir(), "callboard-search-bench-"));
try {
  const small = logOf(Math.max(2, Math.round(CALLS / 100)), dir);
  const big = logOf(CALLS, dir);
  const search = (l: typeof big, n: number) => (i: number) => {
    const q = l.number(i % n);
    return l.log.searchCalls(q, [q, q.slice(1)], 21).length;
  };
  const byId = (l: typeof big, n: number) => (i: number) => l.log.searchCalls(`call-${i % n}`, [], 21).length;
  const smallCalls = Math.max(2, Math.round(CALLS / 100));
  const rows = [
    ["by number, small log", us(usPerLookup(search(small, smallCalls / 2)))],
    ["by number, big log", us(usPerLookup(search(big, CALLS / 2)))],
    ["by call id, small log", us(usPerLookup(byId(small, smallCalls)))],
    ["by call id, big log", us(usPerLookup(byId(big, CALLS)))],
  ];
  const scan = big.db.$client.prepare(
    "SELECT seq FROM events WHERE type = 'call.arrived' AND json_extract(data, '$.from') = ? ORDER BY seq DESC LIMIT 21",
  );
  const start = process.hrtime.bigint();
  scan.all(big.number(7));
  const scanUs = Number(process.hrtime.bigint() - start) / 1000;
  const bigNumber = Number(rows[1]![1]!.replace(/,/g, ""));
  console.log(
    `\nOne lookup, µs (median of 5 rounds of ${count(LOOKUPS)}); small = ${count(smallCalls)} calls, big = ${count(CALLS)} calls:\n`,
  );
  console.log(table(["", "µs/lookup"], rows));
  console.log(
    `\nbig ÷ small, by number: ${ratio(bigNumber, Number(rows[0]![1]!.replace(/,/g, "")))}; a json_extract scan of the big log's arrivals instead: ${us(scanUs)} µs once (${ratio(scanUs, bigNumber)} a lookup).`,
  );
  small.db.$client.close();
  big.db.$client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
