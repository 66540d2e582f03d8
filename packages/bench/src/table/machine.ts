/**
 * Where each side of the table's measurements runs. On a machine with two cores or more, the core
 * under test is pinned to CPU 0 and every load generator and client process to the others (taskset),
 * so the two sides do not take each other's time and the table can say what each had.
 * BENCH_PIN=off runs everything unpinned.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";

const cpus = os.availableParallelism();
const canPin = process.env.BENCH_PIN !== "off" && cpus >= 2 && hasTaskset();

function hasTaskset(): boolean {
  return spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
}

/** The command and arguments that run `args` of node on the core's side. */
export const coreSide = (args: string[]): [string, string[]] =>
  canPin ? ["taskset", ["-c", "0", process.execPath, ...args]] : [process.execPath, args];

/** The same for load generators and clients: every CPU but the core's. */
export const clientSide = (args: string[]): [string, string[]] =>
  canPin ? ["taskset", ["-c", `1-${cpus - 1}`, process.execPath, ...args]] : [process.execPath, args];

/** One line for the report: how many cores each side had. */
export function sidesDescription(): string {
  const model = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const others = cpus > 2 ? `CPUs 1–${cpus - 1} (${cpus - 1} cores)` : "CPU 1 (1 core)";
  return canPin
    ? `${cpus} CPUs (${model}), Node ${process.version}: the core pinned to CPU 0 (1 core); load generators and clients on ${others}; in-process baselines run in the bench process, unpinned`
    : `${cpus} CPU${cpus > 1 ? "s" : ""} (${model}), Node ${process.version}, nothing pinned: the core, the load generators and the clients share every core`;
}

export const sides = { cpus, pinned: canPin };
