import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIVE_PROTOCOL_VERSION } from "@callboard/contracts";
import { createDb } from "@callboard/db";
import { EVENT_FORMAT } from "@callboard/routing";
import { io } from "socket.io-client";
import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort, signInCookie, startCoreProcess } from "./core-process.test-support.ts";
import type { ClientSocket } from "./test-support.ts";

const PASSWORD = "shutdown test password";
const OPERATOR = "shutdown-test-operator-token";

/** The real process, so SIGTERM reaches the core itself. */
const startProcess = (dbPath: string, port: number) =>
  startCoreProcess({
    dbPath,
    port,
    env: {
      ...process.env,
      CALLBOARD_ADMIN_PASSWORD: PASSWORD,
      CALLBOARD_OPERATOR_TOKEN: OPERATOR,
      CALLBOARD_WRITES_PER_MINUTE: "100000",
    },
    stderr: "inherit",
  });

describe("SIGTERM under load", () => {
  const dir = mkdtempSync(join(tmpdir(), "callboard-sigterm-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops accepting, tells the boards why, commits what it acknowledged, exits 0; a restart has every acknowledged event", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dbPath = join(dir, "callboard.db");
    const first = await startProcess(dbPath, port);
    children.push(first);
    const exited = new Promise<number | null>((resolve) => first.once("exit", (code) => resolve(code)));

    // A signed-in board, subscribed.
    const cookie = await signInCookie(url, "admin", PASSWORD);
    const board: ClientSocket = io(url, {
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnection: false,
    });
    const subscribed = await new Promise((resolve) =>
      board.emit(
        "board:subscribe",
        { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
        resolve,
      ),
    );
    expect(subscribed).toMatchObject({ ok: true });
    const told = new Promise<string>((resolve) =>
      board.once("server:closing", ({ message }) => resolve(message)),
    );
    const dropped = new Promise<string>((resolve) => board.once("disconnect", resolve));

    // Machines keep submitting, each input with its own idempotency key, while the signal arrives.
    const post = (i: number) =>
      fetch(`${url}/api/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${OPERATOR}` },
        body: JSON.stringify({
          event: {
            type: "agent.upserted",
            agent: { id: `a${i}`, name: `A ${i}`, phoneNumber: null, routingType: 1 },
          },
          idempotencyKey: `k${i}`,
        }),
      }).then(
        async (res) => ({
          i,
          status: res.status,
          body: (await res.json()) as { seq?: number; error?: string },
        }),
        () => ({ i, status: 0, body: {} }), // connection refused or cut: not acknowledged
      );
    const results: Promise<{ i: number; status: number; body: { seq?: number; error?: string } }>[] = [];
    let i = 0;
    let acks = 0;
    const sender = setInterval(() => {
      for (let n = 0; n < 10; n++)
        results.push(
          post(i++).then((answer) => {
            if (answer.status === 201) acks++;
            return answer;
          }),
        );
    }, 5);
    // The signal lands once inputs are being acknowledged (however slow the machine), and the
    // machines keep sending until the process has gone.
    await vi.waitFor(() => expect(acks).toBeGreaterThan(20), { timeout: 30_000, interval: 20 });
    first.kill("SIGTERM");
    const code = await exited;
    clearInterval(sender);
    const answers = await Promise.all(results);

    expect(code).toBe(0);
    expect(await told).toMatch(/restarting/);
    expect(await dropped).toBe("transport close");
    board.close();

    const acknowledged = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(0); // the signal did land mid-stream
    // Refusals while stopping are a 503 with a reason, or no connection at all — never a 500.
    for (const r of refused) {
      expect([0, 503]).toContain(r.status);
      if (r.status === 503) expect(r.body.error).toMatch(/stopping|shutting down/);
    }

    // The file is whole.
    const db = createDb(dbPath);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    db.$client.close();

    // Restart: every acknowledged input is there, at the seq it was acknowledged with.
    const second = await startProcess(dbPath, port);
    children.push(second);
    for (const a of acknowledged) {
      const again = await post(a.i);
      expect(again, `a${a.i}`).toMatchObject({ status: 200, body: { seq: a.body.seq, duplicate: true } });
    }
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
  }, 60_000);
});
