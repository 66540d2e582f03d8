import { resolve } from "node:path";
import { describeZodError } from "@callboard/contracts";
import { z } from "zod";

const onOff = z.enum(["on", "off"], { error: 'must be "on" or "off"' });

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number (0–65535)" })
    .int("must be a port number (0–65535)")
    .min(0, "must be a port number (0–65535)")
    .max(65535, "must be a port number (0–65535)")
    .default(3001),
  /** Loopback by default: the API has no sign-in yet, so it is not offered to the network unless asked. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Where the embedded SQLite file lives; the start script points it at the repo's ./data. */
  CALLBOARD_DATA_DIR: z.string().min(1).default("./data"),
  /** Overrides the file inside CALLBOARD_DATA_DIR (tests use a temp file). */
  CALLBOARD_DB_PATH: z.string().min(1).optional(),
  CALLBOARD_SIMULATOR: onOff.default("on"),
  /** Fixes the simulator's randomness; unset = a new seed every boot. */
  CALLBOARD_SIMULATOR_SEED: z.coerce.number().int().min(0).optional(),
  /** >1 compresses simulated time (talk times, breaks) for demos. */
  CALLBOARD_SIMULATOR_SPEED: z.coerce.number().positive().max(100).default(1),
  /** Browser origins allowed to call the API and open sockets (comma-separated); "*" allows any. */
  CALLBOARD_CORS_ORIGIN: z.string().min(1).default("http://localhost:3000,http://127.0.0.1:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dbPath: string;
  simulator: { enabled: boolean; seed: number | null; speed: number };
  corsOrigin: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
}

/** Parses the environment once; nothing else reads process.env. Throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeZodError(parsed.error)}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: resolve(e.CALLBOARD_DB_PATH ?? resolve(e.CALLBOARD_DATA_DIR, "callboard.db")),
    simulator: {
      enabled: e.CALLBOARD_SIMULATOR === "on",
      seed: e.CALLBOARD_SIMULATOR_SEED ?? null,
      speed: e.CALLBOARD_SIMULATOR_SPEED,
    },
    corsOrigin: e.CALLBOARD_CORS_ORIGIN,
    logLevel: e.LOG_LEVEL,
  };
}
