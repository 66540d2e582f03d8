import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, vi } from "vitest";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * main.ts as an operator runs it (node with tsx's loader, no wrapper), so signals reach the core
 * itself; resolves once /healthz answers. `env` is the whole environment (the caller's plus its own).
 */
export async function startCoreProcess(options: {
  dbPath: string;
  port: number;
  env: Record<string, string | undefined>;
  stderr?: "ignore" | "inherit";
  /** "pipe" to read what the core prints (the first start's sign-in link). */
  stdout?: "ignore" | "pipe";
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...options.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      CALLBOARD_DB_PATH: options.dbPath,
      CALLBOARD_SIMULATOR: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", options.stdout ?? "ignore", options.stderr ?? "ignore"],
  });
  await vi.waitFor(
    async () => {
      const res = await fetch(`http://127.0.0.1:${options.port}/healthz`);
      expect(res.ok).toBe(true);
    },
    { timeout: 20_000, interval: 100 },
  );
  return child;
}

/** Signs in through the real door; the session cookie (`name=value`), or the refusal as an error. */
export async function signInCookie(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
}
