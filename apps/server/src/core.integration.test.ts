import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createEventLog, migrateDb } from "@callboard/db";
import type { LoggedEvent } from "@callboard/routing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Core } from "./core.ts";

describe("Core over a real SQLite log", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "callboard-core-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => {
    const db = createDb(join(dir, "c.db"));
    migrateDb(db);
    return { db, log: createEventLog<LoggedEvent>(db) };
  };
  const agent = (id: string) =>
    ({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } }) as const;

  it("stops taking input when a commit fails, and the log keeps only what was acknowledged", async () => {
    const { db, log } = open();
    const onFatal = vi.fn();
    const core = new Core({ log, clock: () => 1_000, onFatal });
    await core.submit(agent("lan"));

    // Make SQLite refuse the next group commit, as a full or failing disk would.
    db.$client.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk gone'); END",
    );
    const lost = core.submit(agent("minh"));
    await expect(lost).rejects.toThrow("the event log could not be written");
    expect(onFatal).toHaveBeenCalledOnce();
    await expect(core.submit(agent("hoa"))).rejects.toThrow("the Callboard core is stopping");
    db.$client.exec("DROP TRIGGER refuse");
    db.$client.close();

    // What a restart sees is exactly what was acknowledged.
    const db2 = createDb(join(dir, "c.db"));
    const replayed = new Core({ log: createEventLog<LoggedEvent>(db2), clock: () => 2_000, onFatal });
    expect(Object.keys(replayed.state.agents)).toEqual(["lan"]);
    replayed.close();
    db2.$client.close();
  });

  it("commits every queued input on close", async () => {
    const { db, log } = open();
    const core = new Core({
      log,
      clock: () => 1_000,
      onFatal: (e) => {
        throw e;
      },
    });
    const all = Array.from({ length: 250 }, (_, i) => core.submit(agent(`a${i}`)));
    core.close();
    expect((await Promise.all(all)).map((r) => r.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(log.lastSeq()).toBe(250);
    db.$client.close();
  });

  it("submitIfChanged logs a change, answers a no-op with null and logs nothing for it", async () => {
    const { db, log } = open();
    const onStep = vi.fn();
    const core = new Core({ log, clock: () => 1_000, onFatal: () => {}, onStep });
    await core.submit(agent("lan"));
    const online = { type: "agent.presence_changed", agentId: "lan", signal: "app", online: true } as const;
    expect(await core.submitIfChanged(online)).toEqual({ seq: 2, duplicate: false });
    // Judged when applied: the second of two identical reports in one batch changes nothing.
    const [again, twice] = await Promise.all([core.submitIfChanged(online), core.submitIfChanged(online)]);
    expect([again, twice]).toEqual([null, null]);
    expect(log.lastSeq()).toBe(2);
    expect(onStep).toHaveBeenCalledTimes(2);
    // A plain submit still logs a no-op, as before.
    expect(await core.submit(online)).toEqual({ seq: 3, duplicate: false });
    await expect(
      core.submitIfChanged({
        type: "agent.presence_changed",
        agentId: "nobody",
        signal: "app",
        online: true,
      }),
    ).rejects.toThrow('agent "nobody" does not exist');
    core.close();
    db.$client.close();
  });

  it("refuses to boot on a log with a hole in it", () => {
    const { db, log } = open();
    log.append([
      { event: { ...agent("lan"), seq: 1, at: 1 }, idempotencyKey: null, agentIds: ["lan"], callId: null },
      { event: { ...agent("minh"), seq: 3, at: 2 }, idempotencyKey: null, agentIds: ["minh"], callId: null },
    ]);
    expect(() => new Core({ log, clock: () => 5, onFatal: () => {} })).toThrow(
      "event log gap: expected seq 2, got 3",
    );
    db.$client.close();
  });
});
