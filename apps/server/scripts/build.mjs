#!/usr/bin/env node
// Production build of the core: one ES module bundle run by plain `node` (dev and tests keep tsx,
// whose loader wraps every module and showed in profiles). Workspace packages and npm packages are
// inlined, so the bundle needs nothing resolved at run time but better-sqlite3 (a native addon, loaded
// from this package's node_modules) and the log's migrations, copied beside it. ws's optional native
// speed-ups stay external: ws falls back to JavaScript when they are absent.
import { cpSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(serverDir, "dist");

rmSync(outDir, { recursive: true, force: true });
await build({
  // The core, the gateway process of the split mode (decision 0018), and the what-if worker
  // (WhatIfRunner starts dist/core/what-if-worker.js).
  entryPoints: {
    main: join(serverDir, "src/main.ts"),
    "gateway-main": join(serverDir, "src/gateway-main.ts"),
    "what-if-worker": join(serverDir, "src/what-if/what-if-worker.ts"),
  },
  outdir: join(outDir, "core"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  external: ["better-sqlite3", "bufferutil", "utf-8-validate"],
  // Bundled CommonJS (pino, socket.io, …) still calls require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __cbRequire } from 'node:module'; const require = __cbRequire(import.meta.url);",
  },
  logLevel: "warning",
});
// packages/db finds its migrations at new URL("../drizzle", import.meta.url): dist/core/../drizzle.
cpSync(join(serverDir, "../../packages/db/drizzle"), join(outDir, "drizzle"), { recursive: true });
