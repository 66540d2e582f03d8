#!/usr/bin/env node
// Builds what changed (turbo's cache makes a rebuild a no-op): the core's bundle and the dashboard,
// then runs both with plain node (production code, no tsx loader) side by side with the embedded SQLite under ./data and the simulator on. Ctrl-C stops both.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corePort = process.env.PORT ?? "3001";
const webPort = process.env.WEB_PORT ?? "3000";
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  CALLBOARD_DATA_DIR: process.env.CALLBOARD_DATA_DIR ?? join(root, "data"),
  PORT: corePort,
  WEB_PORT: webPort,
  // The dashboard forwards the core's doors to it (browsers see one origin); the core stays on loopback.
  CALLBOARD_CORE_URL: process.env.CALLBOARD_CORE_URL ?? `http://127.0.0.1:${corePort}`,
  CALLBOARD_PUBLIC_URL: process.env.CALLBOARD_PUBLIC_URL ?? `http://localhost:${webPort}`,
  // The demo's first start creates "admin" with a generated password, printed once below.
  CALLBOARD_DEMO_ADMIN: process.env.CALLBOARD_DEMO_ADMIN ?? "on",
};

/** Fails early, naming the port, instead of letting a stale instance answer for us. */
async function assertFree(port, what) {
  await new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => {
      console.error(
        `Port ${port} (${what}) is already in use. Stop what runs there, or set ${what === "core" ? "PORT" : "WEB_PORT"}.`,
      );
      process.exit(1);
    });
    probe.listen(Number(port), () => probe.close(resolve));
  });
}
await assertFree(corePort, "core");
await assertFree(webPort, "web");

console.log("Building the core and the dashboard (cached when nothing changed)…");
const build = spawnSync(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "build",
    "--filter=@callboard/server",
    "--filter=@callboard/web",
    "--output-logs=errors-only",
  ],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
/** The core's one-time first-admin lines, repeated in the final banner so a newcomer cannot miss them. */
const firstAdmin = [];
function run(name, args) {
  // Own process group, so stopping kills pnpm's grandchildren (the core's node, next-server) too.
  const child = spawn("pnpm", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (stream, out) => {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("CALLBOARD-FIRST-ADMIN "))
          firstAdmin.push(line.slice("CALLBOARD-FIRST-ADMIN ".length));
        else out.write(`[${name}] ${line}\n`);
      }
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on("exit", (code) => {
    console.log(`[${name}] exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

run("core", ["--filter", "@callboard/server", "start"]);
run("web", ["--filter", "@callboard/web", "start"]);

async function waitFor(url) {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
if (
  (await waitFor(`http://127.0.0.1:${corePort}/healthz`)) &&
  (await waitFor(`http://127.0.0.1:${webPort}/`))
) {
  const signIn =
    firstAdmin.length > 0
      ? firstAdmin.map((line) => `  ${line}`).join("\n")
      : "  Sign in with your account (no password? pnpm user:add <name> --role admin)";
  console.log(
    `\n  Callboard is live: open ${env.CALLBOARD_PUBLIC_URL}  (other screens: http://<this machine's address>:${webPort}; data in ${env.CALLBOARD_DATA_DIR})\n${signIn}\n`,
  );
}
