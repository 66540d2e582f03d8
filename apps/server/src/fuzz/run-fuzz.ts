/**
 * The full fuzz run: `pnpm --filter @callboard/server fuzz [--runs 10000] [--seed N]` (or `pnpm reliability`).
 * ≥ 10,000 hostile inputs per role (anonymous, viewer, supervisor) against a real core in this
 * process; prints what each role got, RSS (start / peak / end) and the event loop's delay (p99, max)
 * over the run, and exits 1 on any failure. The figures go in docs/reliability.md.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { bootFuzzServer } from "./fuzz-server.ts";
import {
  type FuzzRole,
  hostileInputs,
  prototypeIsClean,
  type RoleReport,
  runRole,
} from "./hostile-inputs.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10000" }, seed: { type: "string", default: "20250710" } },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const CHUNK = 1_000;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const booted = await bootFuzzServer();
const rss = { start: process.memoryUsage().rss, peak: 0 };
const sampler = setInterval(() => {
  rss.peak = Math.max(rss.peak, process.memoryUsage().rss);
}, 50);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const reports: RoleReport[] = [];
for (const [i, role] of (["anonymous", "viewer", "supervisor"] as FuzzRole[]).entries()) {
  const target = booted.targets[role];
  // Generated and sent in chunks, so the inputs (oversize bodies included) are not all held at once
  // and RSS reflects the core, not the fuzzer's backlog.
  const report = await runRole(
    target,
    role,
    hostileInputs(target, role, Math.min(CHUNK, runs), seed + i * 1_000),
  );
  for (let done = CHUNK, chunk = 1; done < runs; done += CHUNK, chunk++) {
    const next = await runRole(
      target,
      role,
      hostileInputs(target, role, Math.min(CHUNK, runs - done), seed + i * 1_000 + chunk),
    );
    report.inputs += next.inputs;
    report.http += next.http;
    report.socket += next.socket;
    report.durationMs += next.durationMs;
    report.failures.push(...next.failures);
    report.logUnchanged &&= next.logUnchanged;
    report.newEventTypes = [...new Set([...report.newEventTypes, ...next.newEventTypes])].sort();
    for (const [k, v] of Object.entries(next.statuses)) report.statuses[k] = (report.statuses[k] ?? 0) + v;
  }
  reports.push(report);
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");
  console.log(
    `${role.padEnd(10)} ${report.inputs} inputs (${report.http} HTTP, ${report.socket} socket) in ${(report.durationMs / 1000).toFixed(1)} s — failures: ${report.failures.length}`,
  );
  console.log(`           answers: ${statuses}`);
  console.log(
    `           log: ${report.logUnchanged ? "unchanged (seq and digest)" : `grew by ${report.newEventTypes.join(", ")} only`}`,
  );
  for (const failure of report.failures) console.log(`           FAIL ${failure}`);
}
loop.disable();
clearInterval(sampler);
rss.peak = Math.max(rss.peak, process.memoryUsage().rss);
const end = process.memoryUsage().rss;
const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;
console.log(`RSS: start ${mb(rss.start)}, peak ${mb(rss.peak)}, end ${mb(end)}`);
console.log(
  `event-loop delay over the run (core and fuzzer share this process): p50 ${ms(loop.percentile(50))}, p99 ${ms(loop.percentile(99))}, max ${ms(loop.max)}`,
);
console.log(`error-level log lines (500s, internal errors): ${booted.errors.length}`);
for (const line of booted.errors.slice(0, 5)) console.log(`  ${line}`);
const clean = prototypeIsClean();
console.log(`Object.prototype clean: ${clean}`);
await booted.server.destroy();
const failed = reports.some((r) => r.failures.length > 0) || booted.errors.length > 0 || !clean;
console.log(failed ? "FUZZ FAILED" : "fuzz passed: 0 crashes, 0 5xx, every refusal a 4xx with a reason");
process.exit(failed ? 1 : 0);
