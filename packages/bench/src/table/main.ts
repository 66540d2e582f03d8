/**
 * `pnpm bench`'s table (issue 12 §4): every figure beside a baseline measured in the same run. Each
 * row is one file under rows/ (listed in rows/index.ts); the table is printed and written as JSON to
 * packages/bench/results/ (latest.json and one file per run, both ignored by git). The core runs as
 * its own process (the production bundle), clients and load generators in others, all on loopback;
 * every load is bounded in count and time. BENCH_ROWS=a,b runs only those rows (ids in the JSON).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { table } from "../report.ts";
import { ensureBundle } from "./core-process.ts";
import { sides, sidesDescription } from "./machine.ts";
import type { Line, RowResult } from "./row.ts";
import { ROWS } from "./rows/index.ts";

const only = process.env.BENCH_ROWS?.split(",").map((id) => id.trim());
const rows = only ? ROWS.filter((row) => only.includes(row.id)) : ROWS;
const resultsDir = fileURLToPath(new URL("../../results/", import.meta.url));

ensureBundle();
const started = Date.now();
const results: Record<string, RowResult | { error: string }> = {};
const lines: Line[] = [];
const notes: string[] = [];
for (const row of rows) {
  process.stdout.write(`  measuring ${row.id}…\n`);
  try {
    const result = await row.run();
    results[row.id] = result;
    lines.push(...result.lines);
    notes.push(...result.notes);
  } catch (error) {
    // One row failing to run says so in its line; the others still report.
    const message = error instanceof Error ? error.message : String(error);
    results[row.id] = { error: message };
    lines.push({ figure: row.id, measured: "error", baseline: "", ratio: "", target: "", verdict: "FAIL" });
    notes.push(`${row.id}: ${message}`);
  }
}

console.log("\nScale table (@callboard/bench, issue 12 §4)");
console.log(sidesDescription());
console.log(
  `\n${table(
    ["figure", "measured", "baseline (same run)", "ratio", "target", "result"],
    lines.map((l) => [l.figure, l.measured, l.baseline, l.ratio, l.target, l.verdict]),
  )}\n`,
);
for (const note of notes) console.log(`- ${note}`);
const report = {
  at: new Date(started).toISOString(),
  seconds: (Date.now() - started) / 1000,
  machine: { ...sides, node: process.version, description: sidesDescription() },
  rows: results,
};
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date(started).toISOString().replaceAll(":", "-").replace(/\..*/, "");
writeFileSync(`${resultsDir}/table-${stamp}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${resultsDir}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten: packages/bench/results/latest.json (and table-${stamp}.json)`);
// Children are stopped by each row; nothing else keeps the loop alive but stray sockets.
process.exit(0);
