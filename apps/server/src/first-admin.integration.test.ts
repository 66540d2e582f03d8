import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort, startCoreProcess } from "./core-process.test-support.ts";

/** The demo's first start, as `pnpm start` runs it: the core prints a one-time link when nobody exists. */
const startDemo = (dbPath: string, port: number) =>
  startCoreProcess({
    dbPath,
    port,
    env: { ...process.env, CALLBOARD_DEMO_ADMIN: "on", CALLBOARD_PUBLIC_URL: "http://localhost:3000" },
    stdout: "pipe",
    stderr: "inherit",
  });

async function printedLink(child: ChildProcess): Promise<string> {
  let out = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
  });
  return vi.waitFor(
    () => {
      const code = /sign in now: \S+#link=(\S+)/.exec(out)?.[1];
      expect(code).toBeDefined();
      return code!;
    },
    { timeout: 10_000, interval: 50 },
  );
}

const redeem = (url: string, code: string) =>
  fetch(`${url}/auth/sign-in-link`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });

describe("the first start's one-time sign-in link", () => {
  const dir = mkdtempSync(join(tmpdir(), "callboard-first-admin-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("still signs in after the core restarts between printing it and opening it, and only once", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dbPath = join(dir, "callboard.db");
    const first = await startDemo(dbPath, port);
    children.push(first);
    const code = await printedLink(first);
    first.kill("SIGTERM");
    await once(first, "exit");

    const second = await startDemo(dbPath, port);
    children.push(second);
    const res = await redeem(url, code);
    expect(res.status).toBe(200);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
    const me = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toMatchObject({
      username: "admin",
      role: "admin",
    });
    expect((await redeem(url, code)).status).toBe(401);
  });
});
