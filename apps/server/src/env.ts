import { resolve } from "node:path";
import { describeZodError } from "@callboard/contracts";
import { type CenterLimits, DEFAULT_LIMITS } from "@callboard/routing";
import { DEFAULT_AGENTS, defaultQueueCount } from "@callboard/simulator";
import { z } from "zod";
import { DEFAULT_CHECKPOINTS } from "./checkpoints.ts";

const onOff = z.enum(["on", "off"], { error: 'must be "on" or "off"' });
/** "a,b,c" → ["a","b","c"] (blanks dropped); "*" stays "*". */
const commaList = z.string().transform((value): "*" | string[] =>
  value.trim() === "*"
    ? "*"
    : value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
);

/** A cap on the center's size (new records only; an existing log always loads). */
const cap = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number of at least 1" })
    .int("must be a whole number of at least 1")
    .min(1, "must be a whole number of at least 1")
    .max(10_000_000, "must be at most 10000000")
    .default(fallback);

/**
 * The simulator's own ceilings, past which one process would spend its time generating traffic
 * (10,000 agents make about 50 calls and 360 events a second); the CALLBOARD_MAX_* caps apply too.
 */
const SIMULATOR_MAX_AGENTS = 50_000;
const SIMULATOR_MAX_QUEUES = 500;

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number (0–65535)" })
    .int("must be a port number (0–65535)")
    .min(0, "must be a port number (0–65535)")
    .max(65535, "must be a port number (0–65535)")
    .default(3001),
  /**
   * Loopback by default: browsers reach the core through the dashboard, which proxies /trpc,
   * /socket.io and /auth to it, so only the dashboard's port faces the network.
   */
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
  /**
   * The simulated center's size, used when it is created (an empty log); calls arrive in proportion
   * to the agents. Also bounded by CALLBOARD_MAX_AGENTS / _QUEUES / _GROUPS (checked below).
   */
  CALLBOARD_SIMULATOR_AGENTS: z.coerce
    .number({ error: `must be a whole number from 1 to ${SIMULATOR_MAX_AGENTS}` })
    .int(`must be a whole number from 1 to ${SIMULATOR_MAX_AGENTS}`)
    .min(1, `must be a whole number from 1 to ${SIMULATOR_MAX_AGENTS}`)
    .max(SIMULATOR_MAX_AGENTS, `must be a whole number from 1 to ${SIMULATOR_MAX_AGENTS}`)
    .optional(),
  /** Unset: one queue per 200 simulated agents, between 3 and 50. */
  CALLBOARD_SIMULATOR_QUEUES: z.coerce
    .number({ error: `must be a whole number from 1 to ${SIMULATOR_MAX_QUEUES}` })
    .int(`must be a whole number from 1 to ${SIMULATOR_MAX_QUEUES}`)
    .min(1, `must be a whole number from 1 to ${SIMULATOR_MAX_QUEUES}`)
    .max(SIMULATOR_MAX_QUEUES, `must be a whole number from 1 to ${SIMULATOR_MAX_QUEUES}`)
    .optional(),
  /**
   * Other browser origins allowed to call the API and open sockets (comma-separated); "*" allows any.
   * The dashboard itself is same-origin (it proxies the core) and needs none.
   */
  CALLBOARD_CORS_ORIGIN: commaList.default([]),
  /**
   * Host names browsers may use to reach Callboard besides localhost and IP addresses (comma-separated;
   * "*" = any). Anything else is refused (421), so a DNS-rebinding page cannot talk to the core.
   */
  CALLBOARD_ALLOWED_HOSTS: commaList.default([]),
  /**
   * Proxies you run in front of the dashboard (a TLS terminator: 1). Their X-Forwarded-For/-Proto
   * entries are believed; a client's own claims never are.
   */
  CALLBOARD_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** The first admin's password (user "admin"), applied at start when no user exists yet. */
  CALLBOARD_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(256).optional(),
  /**
   * The embedded demo (`pnpm start`): on first start with no user, create "admin" with a generated
   * password and print it once, with a one-time sign-in link.
   */
  CALLBOARD_DEMO_ADMIN: onOff.default("off"),
  /** Where people open the dashboard; used in the printed sign-in link. */
  CALLBOARD_PUBLIC_URL: z.url({ error: "must be a URL" }).default("http://localhost:3000"),
  /** Open connections the core accepts (boards, wallboards, API clients) before refusing more. */
  CALLBOARD_MAX_CONNECTIONS: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
  /** Changes (tRPC mutations, POST /api/events) one session or token may make per minute. */
  CALLBOARD_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Webhook requests (PCC, agents' presence) one address may make per second. */
  CALLBOARD_WEBHOOKS_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** The most agents / queues / groups the center takes; past it a new one is refused (409, naming the variable). */
  CALLBOARD_MAX_AGENTS: cap(DEFAULT_LIMITS.maxAgents),
  CALLBOARD_MAX_QUEUES: cap(DEFAULT_LIMITS.maxQueues),
  CALLBOARD_MAX_GROUPS: cap(DEFAULT_LIMITS.maxGroups),
  /**
   * A checkpoint (the state and KPIs at one seq, so boot replays only the log after it) is taken
   * after this many events, or after CALLBOARD_CHECKPOINT_MINUTES with any event: whichever first.
   */
  CALLBOARD_CHECKPOINT_EVENTS: z.coerce
    .number({ error: "must be a whole number of events (1000–10000000)" })
    .int("must be a whole number of events (1000–10000000)")
    .min(1_000, "must be at least 1000")
    .max(10_000_000, "must be at most 10000000")
    .default(DEFAULT_CHECKPOINTS.everyEvents),
  CALLBOARD_CHECKPOINT_MINUTES: z.coerce
    .number({ error: "must be a number of minutes (1–1440)" })
    .min(1, "must be at least 1")
    .max(1_440, "must be at most 1440 (a day)")
    .default(DEFAULT_CHECKPOINTS.everyMs / 60_000),
  /**
   * Days of log kept in SQLite; older events move to gzip files in <data>/archive that a full replay
   * still reads (decision 0010). "forever" keeps everything in SQLite.
   */
  CALLBOARD_RETENTION_DAYS: z
    .union([
      z.literal("forever"),
      z.coerce
        .number({ error: 'must be a whole number of days (1–36500) or "forever"' })
        .int('must be a whole number of days (1–36500) or "forever"')
        .min(1, 'must be a whole number of days (1–36500) or "forever"')
        .max(36_500, 'must be a whole number of days (1–36500) or "forever"'),
    ])
    .default(90),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Split mode (decision 0018): the core publishes the board's batches and beats on this Redis, and
   * gateway processes (src/split/gateway-main.ts, on the same variable) serve the sockets. Unset:
   * embedded, one process, no Redis.
   */
  CALLBOARD_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .max(2_048)
    .optional(),
  /** A gateway's way to the core, for the board's snapshots (GET /live/snapshot). */
  CALLBOARD_CORE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2_048)
    .default("http://127.0.0.1:3001"),
  /** standalone: simulator, no keys. stringee: a real PCC project drives the same engine. */
  CALLBOARD_MODE: z
    .enum(["standalone", "stringee"], { error: 'must be "standalone" or "stringee"' })
    .default("standalone"),
  /** Bearer token for operator-only endpoints (agent access tokens); required in stringee mode. */
  CALLBOARD_OPERATOR_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  STRINGEE_API_BASE_URL: z.url({ error: "must be a URL" }).default("https://icc-api.stringee.com"),
  STRINGEE_API_KEY_SID: z.string().trim().min(1, "must not be empty").optional(),
  STRINGEE_API_KEY_SECRET: z.string().min(1, "must not be empty").optional(),
  STRINGEE_PROJECT_ID: z.string().trim().regex(/^\d+$/, "must be the numeric project id").optional(),
  /** The project's signing secret: when set, call events must carry a valid X-STRINGEE-SIGNATURE. */
  STRINGEE_SIGNING_SECRET: z.string().min(1, "must not be empty").optional(),
  STRINGEE_SYNC_INTERVAL_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(5_000, "must be at least 5000 (5 s)")
    .max(3_600_000, "must be at most 3600000 (1 h)")
    .default(60_000),
  /**
   * What the routing webhook lists: the agents Callboard rings, then the rest of its ranking (PCC
   * tries them in order), or only the agents Callboard rings (PCC asks again when they do not answer).
   */
  STRINGEE_ROUTING_LIST: z
    .enum(["ranking", "offered"], { error: 'must be "ranking" or "offered"' })
    .default("ranking"),
  /**
   * Where PCC's webhooks and agents' clients reach the core: a second listener serving /stringee/*
   * only, so the board's API can stay private (HOST) while this one faces the internet.
   */
  STRINGEE_PUBLIC_PORT: z
    .union([
      z.literal("off"),
      z.coerce
        .number({ error: 'must be a port number (1–65535) or "off"' })
        .int('must be a port number (1–65535) or "off"')
        .min(1, 'must be a port number (1–65535) or "off"')
        .max(65535, 'must be a port number (1–65535) or "off"'),
    ])
    .default(3002),
  STRINGEE_PUBLIC_HOST: z.string().min(1).default("0.0.0.0"),
  /** A secret PCC's get_list_agents_url carries as `?key=`; set it so only PCC can put calls in queues. */
  STRINGEE_ROUTING_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  /** device_status values (undocumented by PCC) that count as logged in on App/Web; unset = ignored. */
  STRINGEE_DEVICE_STATUS_ONLINE: z
    .string()
    .regex(/^\d+(,\d+)*$/, "must be comma-separated numbers, e.g. 1 or 1,2")
    .optional(),
});

/** Browser origins the board's doors answer (CORS, Socket.IO): any, or exactly these. */
export type AllowedOrigins = "*" | readonly string[];

/** The simulated center's size; `asked` when a CALLBOARD_SIMULATOR_AGENTS/_QUEUES variable set it. */
export interface SimulatorSize {
  agents: number;
  queues: number;
  asked: boolean;
}

/** What stringee mode needs; every field checked at boot. */
export interface StringeeConfig {
  baseUrl: string;
  keySid: string;
  keySecret: string;
  projectId: string;
  signingSecret: string | null;
  syncIntervalMs: number;
  deviceStatusOnline: number[] | null;
  operatorToken: string;
  routingList: "ranking" | "offered";
  routingKey: string | null;
  /** The public listener (/stringee/* only); null = the webhooks are served on PORT only. */
  publicListener: { port: number; host: string } | null;
}

const REQUIRED_IN_STRINGEE_MODE = [
  "STRINGEE_API_KEY_SID",
  "STRINGEE_API_KEY_SECRET",
  "STRINGEE_PROJECT_ID",
  "CALLBOARD_OPERATOR_TOKEN",
] as const;

export interface Config {
  port: number;
  host: string;
  dbPath: string;
  simulator: { enabled: boolean; seed: number | null; speed: number; size: SimulatorSize };
  /** CALLBOARD_CORS_ORIGIN, parsed once; the HTTP route table and the Socket.IO gateway both use it. */
  allowedOrigins: AllowedOrigins;
  trustedProxyHops: number;
  /** CALLBOARD_ALLOWED_HOSTS: names accepted in Host besides localhost and IP literals. */
  allowedHosts: "*" | string[];
  /** Who signs in first: a password from the environment, or (the demo) one generated and printed. */
  firstAdmin: { password: string } | { generate: true } | null;
  publicUrl: string;
  /** Machines' bearer token for /api/events, /metrics and /health (and PCC's agent tokens); null = sessions only. */
  operatorToken: string | null;
  /** What one caller or connection may take of the doors (CALLBOARD_MAX_CONNECTIONS, *_PER_*). */
  doorLimits: { maxConnections: number; writesPerMinute: number; webhooksPerSecond: number };
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Caps on new agents, queues and groups (CALLBOARD_MAX_*), handed to the engine through the core. */
  limits: CenterLimits;
  /** CALLBOARD_CHECKPOINT_*: when the core takes a checkpoint. */
  checkpoints: { everyEvents: number; everyMs: number };
  /** CALLBOARD_RETENTION_DAYS, in ms; null = keep the whole log in SQLite. */
  retentionMs: number | null;
  /** Null in standalone mode. */
  stringee: StringeeConfig | null;
  /** CALLBOARD_REDIS_URL: also publish the live stream there for gateways; null = embedded only. */
  redisUrl: string | null;
}

/** A gateway process's settings (src/split/gateway-main.ts): the board's doors, minus the center. */
export interface GatewayConfig {
  port: number;
  host: string;
  /** The core's SQLite file: sessions and wallboard tokens are read from it. */
  dbPath: string;
  redisUrl: string;
  coreUrl: string;
  allowedOrigins: AllowedOrigins;
  allowedHosts: "*" | string[];
  trustedProxyHops: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
}

/**
 * Parses the environment once; nothing else reads process.env (Biome's noProcessEnv enforces it).
 * Throws naming every bad variable. Tests pass their own variables.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeZodError(parsed.error)}`);
  const e = parsed.data;
  const stringee = e.CALLBOARD_MODE === "stringee" ? stringeeConfig(e) : null;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: resolve(e.CALLBOARD_DB_PATH ?? resolve(e.CALLBOARD_DATA_DIR, "callboard.db")),
    simulator: {
      // The simulator would invent calls PCC never sent: in stringee mode it runs only when asked.
      enabled: e.CALLBOARD_SIMULATOR === "on" && (stringee === null || env.CALLBOARD_SIMULATOR === "on"),
      seed: e.CALLBOARD_SIMULATOR_SEED ?? null,
      speed: e.CALLBOARD_SIMULATOR_SPEED,
      size: simulatorSize(e),
    },
    allowedOrigins: e.CALLBOARD_CORS_ORIGIN,
    allowedHosts: e.CALLBOARD_ALLOWED_HOSTS,
    trustedProxyHops: e.CALLBOARD_TRUSTED_PROXY_HOPS,
    firstAdmin: e.CALLBOARD_ADMIN_PASSWORD
      ? { password: e.CALLBOARD_ADMIN_PASSWORD }
      : e.CALLBOARD_DEMO_ADMIN === "on"
        ? { generate: true }
        : null,
    publicUrl: e.CALLBOARD_PUBLIC_URL.replace(/\/+$/, ""),
    operatorToken: e.CALLBOARD_OPERATOR_TOKEN ?? null,
    doorLimits: {
      maxConnections: e.CALLBOARD_MAX_CONNECTIONS,
      writesPerMinute: e.CALLBOARD_WRITES_PER_MINUTE,
      webhooksPerSecond: e.CALLBOARD_WEBHOOKS_PER_SECOND,
    },
    logLevel: e.LOG_LEVEL,
    limits: {
      maxAgents: e.CALLBOARD_MAX_AGENTS,
      maxQueues: e.CALLBOARD_MAX_QUEUES,
      maxGroups: e.CALLBOARD_MAX_GROUPS,
    },
    checkpoints: {
      everyEvents: e.CALLBOARD_CHECKPOINT_EVENTS,
      everyMs: Math.round(e.CALLBOARD_CHECKPOINT_MINUTES * 60_000),
    },
    retentionMs: e.CALLBOARD_RETENTION_DAYS === "forever" ? null : e.CALLBOARD_RETENTION_DAYS * 86_400_000,
    stringee,
    redisUrl: e.CALLBOARD_REDIS_URL ?? null,
  };
}

/** A gateway's environment: the core's variables it shares (PORT, data folder, origins) plus Redis and the core's URL. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeZodError(parsed.error)}`);
  const e = parsed.data;
  if (!e.CALLBOARD_REDIS_URL)
    throw new Error(
      "Invalid environment: CALLBOARD_REDIS_URL: a gateway needs the Redis its core publishes on (e.g. redis://127.0.0.1:6379)",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: resolve(e.CALLBOARD_DB_PATH ?? resolve(e.CALLBOARD_DATA_DIR, "callboard.db")),
    redisUrl: e.CALLBOARD_REDIS_URL,
    coreUrl: e.CALLBOARD_CORE_URL.replace(/\/+$/, ""),
    allowedOrigins: e.CALLBOARD_CORS_ORIGIN,
    allowedHosts: e.CALLBOARD_ALLOWED_HOSTS,
    trustedProxyHops: e.CALLBOARD_TRUSTED_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * A size asked for must fit the center's caps, or the simulated center's setup would be refused
 * half-way: every queue has a primary group and at most one backup ("overflow") group. The demo's
 * default is not checked: lowering a cap alone never stops a start that worked before.
 */
function simulatorSize(e: z.infer<typeof envSchema>): SimulatorSize {
  const agents = e.CALLBOARD_SIMULATOR_AGENTS ?? DEFAULT_AGENTS;
  const queues = e.CALLBOARD_SIMULATOR_QUEUES ?? defaultQueueCount(agents);
  const asked = e.CALLBOARD_SIMULATOR_AGENTS !== undefined || e.CALLBOARD_SIMULATOR_QUEUES !== undefined;
  if (!asked) return { agents, queues, asked };
  const tooBig = (name: string, value: number, cap: string, max: number) =>
    new Error(`Invalid environment: ${name}: ${value} is more than ${cap} allows (${max})`);
  if (agents > e.CALLBOARD_MAX_AGENTS)
    throw tooBig("CALLBOARD_SIMULATOR_AGENTS", agents, "CALLBOARD_MAX_AGENTS", e.CALLBOARD_MAX_AGENTS);
  if (queues > e.CALLBOARD_MAX_QUEUES)
    throw tooBig("CALLBOARD_SIMULATOR_QUEUES", queues, "CALLBOARD_MAX_QUEUES", e.CALLBOARD_MAX_QUEUES);
  if (2 * queues > e.CALLBOARD_MAX_GROUPS)
    throw new Error(
      `Invalid environment: CALLBOARD_SIMULATOR_QUEUES: ${queues} queues need up to ${2 * queues} groups, more than CALLBOARD_MAX_GROUPS allows (${e.CALLBOARD_MAX_GROUPS})`,
    );
  return { agents, queues, asked };
}

function stringeeConfig(e: z.infer<typeof envSchema>): StringeeConfig {
  const missing = REQUIRED_IN_STRINGEE_MODE.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `Invalid environment: CALLBOARD_MODE=stringee needs ${missing.join(", ")} (see README, "Connect to Stringee PCC")`,
    );
  }
  return {
    baseUrl: e.STRINGEE_API_BASE_URL.replace(/\/+$/, ""),
    keySid: e.STRINGEE_API_KEY_SID!,
    keySecret: e.STRINGEE_API_KEY_SECRET!,
    projectId: e.STRINGEE_PROJECT_ID!,
    signingSecret: e.STRINGEE_SIGNING_SECRET ?? null,
    syncIntervalMs: e.STRINGEE_SYNC_INTERVAL_MS,
    deviceStatusOnline: e.STRINGEE_DEVICE_STATUS_ONLINE?.split(",").map(Number) ?? null,
    operatorToken: e.CALLBOARD_OPERATOR_TOKEN!,
    routingList: e.STRINGEE_ROUTING_LIST,
    routingKey: e.STRINGEE_ROUTING_KEY ?? null,
    publicListener:
      e.STRINGEE_PUBLIC_PORT === "off"
        ? null
        : { port: e.STRINGEE_PUBLIC_PORT, host: e.STRINGEE_PUBLIC_HOST },
  };
}
