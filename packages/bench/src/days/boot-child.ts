/**
 * The seeded center's folder (seed-days.ts writes it; the table's boot-30-days row boots it) and one
 * boot of the core on it in a fresh process, so the memory measured is the core's alone.
 */
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `seed:days` puts a center of `agents` agents over `days` days unless SEED_DIR says otherwise. */
export const defaultSeedDir = (agents: number, days: number) =>
  join(tmpdir(), `callboard-seed-${agents}x${days}d`);

export interface BootFigures {
  bootMs: number;
  fromSeq: number;
  seq: number;
  firstDecisionMs: number;
  rssMb: number;
  heapUsedMb: number;
}

/**
 * Boots the core on `dbPath` (from its newest checkpoint, or the baseline: a full replay from seq 0).
 * `wrap` places the process (the table pins the core's side to its CPU).
 */
export function bootInChild(
  dbPath: string,
  fromCheckpoint: boolean,
  wrap: (args: string[]) => [string, string[]] = (args) => [process.execPath, args],
): BootFigures {
  const script = join(dirname(fileURLToPath(import.meta.url)), "boot-figures.ts");
  const [command, args] = wrap([
    "--expose-gc",
    "--import",
    "tsx",
    script,
    dbPath,
    fromCheckpoint ? "checkpoint" : "full",
  ]);
  const out = execFileSync(command, args, {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as BootFigures;
}
