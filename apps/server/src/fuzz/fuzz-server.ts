import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { bootServer, seedCenter } from "../test-support.ts";
import type { FuzzRole, FuzzTarget } from "./hostile-inputs.ts";

/**
 * A real core (in this process, on port 0, temp SQLite file) seeded with a small center, and a
 * signed-in viewer and supervisor. Write limits are raised so hostile mutations reach the handlers
 * instead of stopping at 429; the sign-in limiter stays as it is (its 429 is a valid refusal).
 * Every error-level log line (a 500's "request failed", a tRPC internal error) is kept: a fuzz run
 * must produce none.
 */
export async function bootFuzzServer() {
  const errors: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString();
      if (/"level":(50|60)/.test(line)) errors.push(line.slice(0, 500));
      callback();
    },
  });
  const server = await bootServer(undefined, undefined, {
    logger: pino({ level: "error" }, sink),
    doorLimits: { writesPerMinute: 1_000_000, webhooksPerSecond: 1_000_000 },
  });
  await seedCenter(server.submit);
  const viewer = await server.signedIn("viewer", "fuzz-viewer");
  const supervisor = await server.signedIn("supervisor", "fuzz-supervisor");
  const port = Number(new URL(server.url).port);
  const base = {
    port,
    dbPath: join(server.dir, "callboard.db"),
    routePaths: [...new Set(server.app.routes.map((route) => route.path))],
    agentIds: Object.keys(server.app.core.state.agents),
  };
  const targets: Record<FuzzRole, FuzzTarget> = {
    anonymous: { ...base, cookie: null },
    viewer: { ...base, cookie: viewer.cookie },
    supervisor: { ...base, cookie: supervisor.cookie },
  };
  return { server, targets, errors };
}
