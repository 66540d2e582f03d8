import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CoreUnavailableError } from "@callboard/contracts";
import { type CallboardDb, createDb, createEventLog, migrateDb } from "@callboard/db";
import type { InputEvent, LoggedEvent } from "@callboard/routing";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "./app.ts";
import { Core, sqliteError } from "./core.ts";

/** better-sqlite3 as packages/db resolves it, for a second process that holds a lock. */
const betterSqlite = createRequire(
  fileURLToPath(new URL("../../../packages/db/package.json", import.meta.url)),
).resolve("better-sqlite3");

/** Another process opens the file and takes SQLite's exclusive lock; resolves once it holds it. */
async function holdLock(file: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const D = require(${JSON.stringify(betterSqlite)});
       const db = new D(${JSON.stringify(file)});
       db.pragma("journal_mode = WAL");
       db.exec("BEGIN EXCLUSIVE");
       process.stdout.write("locked\\n");
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  return child;
}

const agent = (id: string, name = id): InputEvent => ({
  type: "agent.upserted",
  agent: { id, name, phoneNumber: null, routingType: 1 },
});

/** What a restart finds: the file passes SQLite's integrity check and replays into these agents. */
function reopen(file: string): { integrity: string; agents: string[]; seq: number } {
  const db = createDb(file);
  try {
    const integrity = db.$client.pragma("integrity_check", { simple: true }) as string;
    const core = new Core({ log: createEventLog<LoggedEvent>(db), clock: () => 9_000, onFatal: () => {} });
    core.close();
    return { integrity, agents: Object.keys(core.state.agents).sort(), seq: core.state.seq };
  } finally {
    db.$client.close();
  }
}

describe("the event log when the disk is full or the file is locked", () => {
  let dir: string;
  let file: string;
  const holders: ChildProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "callboard-logfail-"));
    file = join(dir, "callboard.db");
  });
  afterEach(() => {
    for (const child of holders.splice(0)) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (
    options: { busyTimeoutMs?: number } = {},
  ): { db: CallboardDb; core: Core; fatal: unknown[] } => {
    const db = createDb(file, options);
    migrateDb(db);
    const fatal: unknown[] = [];
    const core = new Core({
      log: createEventLog<LoggedEvent>(db),
      clock: () => 1_000,
      onFatal: (error) => fatal.push(error),
    });
    return { db, core, fatal };
  };

  it("disk full: the failing group commit is refused whole with SQLite's reason, the core stops, the file replays clean", async () => {
    const { db, core, fatal } = open();
    // A deterministic full disk: the file may not grow past a few more pages.
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages + 12}`);

    const acknowledged: string[] = [];
    const refusals: Error[] = [];
    // Waves of 10 concurrent inputs: each wave is one group commit, until one no longer fits.
    for (let wave = 0; wave < 40 && fatal.length === 0; wave++) {
      const ids = Array.from({ length: 10 }, (_, i) => `w${wave}-${i}`);
      // Names no encoding shrinks (the log deflates long bodies), so each wave needs pages.
      const results = await Promise.allSettled(
        ids.map((id) => core.submit(agent(id, randomBytes(1_100).toString("base64")))),
      );
      results.forEach((result, i) => {
        if (result.status === "fulfilled") acknowledged.push(ids[i]!);
        else refusals.push(result.reason as Error);
      });
    }
    expect(fatal).toHaveLength(1);
    expect(sqliteError(fatal[0])?.code).toBe("SQLITE_FULL");
    expect(acknowledged.length).toBeGreaterThan(0);
    // Every submitter of the failed commit was told why, in words an operator acts on.
    expect(refusals.length).toBe(10);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(CoreUnavailableError);
      expect(refusal.message).toMatch(/database or disk is full \(SQLITE_FULL\)/);
    }
    await expect(core.submit(agent("late"))).rejects.toThrow(/stopping/);
    db.$client.close();

    // Restart: the file is intact and holds exactly what was acknowledged — no part of the failed commit.
    const after = reopen(file);
    expect(after.integrity).toBe("ok");
    expect(after.agents).toEqual([...acknowledged].sort());
  });

  it("locked by another process while running: the write fails after the busy timeout, clearly, and the core stops", async () => {
    const { db, core, fatal } = open({ busyTimeoutMs: 100 });
    await core.submit(agent("lan"));
    holders.push(await holdLock(file));

    await expect(core.submit(agent("minh"))).rejects.toThrow(/database is locked \(SQLITE_BUSY\)/);
    expect(fatal).toHaveLength(1);
    db.$client.close();
    holders.pop()!.kill("SIGKILL");

    const after = reopen(file);
    expect(after.integrity).toBe("ok");
    expect(after.agents).toEqual(["lan"]);
  });

  it("locked by another process at boot: the core refuses to start, naming the file and the likely cause", async () => {
    holders.push(await holdLock(file));
    const boot = () => createApp({ dbPath: file, busyTimeoutMs: 100, logger: pino({ level: "silent" }) });
    expect(boot).toThrow(
      new RegExp(
        `cannot open the event log ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: database is locked`,
      ),
    );
    expect(boot).toThrow(/another Callboard core running on this data folder/);
    holders.pop()!.kill("SIGKILL");
    // The refused boot left the file as it was: it opens and passes SQLite's check.
    await vi.waitFor(() => {
      const db = createDb(file);
      try {
        expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        db.$client.close();
      }
    });

    // Once the other process lets go, the same file boots.
    const app = createApp({ dbPath: file, logger: pino({ level: "silent" }) });
    await app.core.submit(agent("lan"));
    await app.close();
    expect(reopen(file)).toMatchObject({ integrity: "ok", agents: ["lan"] });
  });
});
