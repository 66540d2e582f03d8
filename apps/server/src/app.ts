import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { appRouter, type Context } from "@callboard/api";
import type { Actor } from "@callboard/contracts";
import {
  assertLogFormat,
  createAuthStore,
  createDb,
  createEventLog,
  createHistoryStore,
  migrateDb,
  centerId as readCenterId,
} from "@callboard/db";
import type { AgentDayState, QueueKpis } from "@callboard/kpi";
import { type CenterLimits, EVENT_FORMAT, LOG_DICTIONARY, type LoggedEvent } from "@callboard/routing";
import { sipRegistration } from "@callboard/stringee";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { Auth } from "./auth/auth.ts";
import { clientAddress, type RequestPolicy } from "./auth/request-policy.ts";
import { sessionToken } from "./auth/session-cookie.ts";
import { BoardFeed } from "./board-feed.ts";
import { type Booted, bootCore, DEFAULT_CHECKPOINTS } from "./boot.ts";
import type { CheckpointPolicy } from "./checkpoints.ts";
import { type Core, describeWriteError, sqliteError } from "./core.ts";
import { AppPresence } from "./desk/app-presence.ts";
import { createDesk, type Desk } from "./desk/desk.ts";
import { attachDeskAudience } from "./desk/desk-audience.ts";
import { createTelephony } from "./desk/telephony.ts";
import { deskTokenIssuer } from "./desk/token-issuer.ts";
import { type DoorPolicy, type Route, serveRoutes } from "./doors.ts";
import type { AllowedOrigins, StringeeConfig } from "./env.ts";
import { type CallboardServer, createGateway } from "./gateway.ts";
import { HISTORY_OFF, LiveHistory } from "./history.ts";
import { embeddedSource } from "./live-source.ts";
import { createMetrics } from "./metrics.ts";
import { startRetention } from "./retention.ts";
import { buildRoutes } from "./routes.ts";
import { authenticateSocket } from "./socket-access.ts";
import { type Connector, createConnector } from "./stringee/connector.ts";
import { WhatIfRunner } from "./what-if/what-if-runner.ts";

/** tRPC's own limits: a body this size parses in milliseconds; a batch this long stays answerable. */
export const TRPC_LIMITS = { maxBodyBytes: 256 * 1024, maxBatchSize: 20 } as const;

export interface AppOptions {
  dbPath: string;
  clock?: () => number;
  /** Other browser origins for the board's doors and sockets (Config.allowedOrigins); default none. */
  allowedOrigins?: AllowedOrigins;
  /** Host names besides localhost and IP literals (Config.allowedHosts); default none. */
  allowedHosts?: "*" | string[];
  /** Trusted proxies in front of the dashboard (Config.trustedProxyHops); default none. */
  trustedProxyHops?: number;
  /** Machines' bearer token for /api/events, /metrics and /health; null = sessions only. */
  operatorToken?: string | null;
  doorLimits?: Partial<{ maxConnections: number; writesPerMinute: number; webhooksPerSecond: number }>;
  logger: Logger;
  /** Stringee mode: PCC's webhooks, sync and agent endpoints; null or absent = standalone. */
  stringee?: StringeeConfig | null;
  /** Stringee mode's REST calls go through this fetch (tests: the real one, to a fake PCC). */
  fetch?: typeof globalThis.fetch;
  /** Caps on new agents, queues and groups (Config.limits); the engine's defaults when absent. */
  limits?: CenterLimits;
  /** How long a write waits for a lock another process holds before failing (default 5 s). */
  busyTimeoutMs?: number;
  /** Keep history's read model (default true); false is the bench's baseline, and history answers 503. */
  history?: boolean;
  /** Called when the log cannot be written; main exits, tests fail loudly. */
  onFatal?: (error: unknown) => void;
  /** When checkpoints are taken (Config.checkpoints); DEFAULT_CHECKPOINTS when absent. */
  checkpoints?: CheckpointPolicy;
  /**
   * Keep this much of the log in SQLite (Config.retentionMs); older events go to `archive/` beside
   * the database file. Null or absent: keep it all.
   */
  retentionMs?: number | null;
  /**
   * Split mode (Config.redisUrl, CALLBOARD_REDIS_URL): also publish the board's batches and beats
   * there for gateway processes (split/gateway-main.ts). Null or absent: embedded only, no Redis.
   */
  redisUrl?: string | null;
}

export interface App {
  core: Core;
  /** History's read model (15-minute buckets in SQLite, kept up to date after every commit); null when off. */
  history: LiveHistory | null;
  /**
   * A queue's KPIs at `now` (default: the app's clock) — today and the rolling window, folded from
   * the log (packages/kpi); null for a queue that does not exist.
   */
  kpis(queueId: string, now?: number): QueueKpis | null;
  /** Each agent's figures today, folded live beside the core (what the board feed projects; the soak's truth). */
  agentDays: AgentDayState;
  /** Every HTTP door (the route-enumeration test walks it). */
  routes: readonly Route[];
  /** Users, sessions, wallboard tokens and the audit trail. */
  auth: Auth;
  /**
   * Stringee mode: listens with only /stringee/* (and /healthz), for the internet; the board and its
   * API stay on `listen`'s address. Rejects in standalone mode.
   */
  listenPublic(port: number, host: string): Promise<number>;
  /** Null in standalone mode. */
  connector: Connector | null;
  /** The agent desk's server side: telephony port, presence, softphones, tokens. */
  desk: Desk;
  io: CallboardServer;
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens the event log: SQLite file, committed migrations, format check, the history's id. Any
 * failure names the file and, for a lock, who probably holds it — the operator's one line at boot.
 */
function openLog(dbPath: string, busyTimeoutMs: number | undefined) {
  let db: ReturnType<typeof createDb> | null = null;
  try {
    db = createDb(dbPath, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
    migrateDb(db);
    assertLogFormat(db, EVENT_FORMAT, dbPath);
    const archiveDir = archiveDirOf(dbPath);
    return {
      db,
      log: createEventLog<LoggedEvent>(db, { archiveDir, dictionary: LOG_DICTIONARY }),
      centerId: readCenterId(db),
      archiveDir,
    };
  } catch (error) {
    db?.$client.close();
    const code = sqliteError(error)?.code;
    if (code === undefined) throw error; // already says what to do (e.g. another event format)
    const hint =
      code === "SQLITE_BUSY" || code === "SQLITE_LOCKED"
        ? " — another process holds a lock on it (is another Callboard core running on this data folder?)"
        : code === "SQLITE_FULL"
          ? " — the disk is full"
          : "";
    throw new Error(`cannot open the event log ${dbPath}: ${describeWriteError(error)}${hint}`);
  }
}

/** Retention's archive: `archive/` beside the database file (none for an in-memory database). */
export function archiveDirOf(dbPath: string): string | null {
  return dbPath === ":memory:" ? null : join(dirname(dbPath), "archive");
}

/** How long a stopping core waits for requests in flight before cutting their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops a listener: no new connections, idle kept-alive ones closed at once and as they become idle,
 * busy ones when their response is sent (or at the grace deadline). Resolves when all are closed.
 */
function drainServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
  });
}

/**
 * Composes the core and its edges without listening, so tests boot it on port 0 with a temp file.
 * Boot = open SQLite, apply committed migrations, replay the log into memory.
 */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? Date.now;
  const logger = options.logger;
  const { db, log, centerId, archiveDir } = openLog(options.dbPath, options.busyTimeoutMs);
  let io: CallboardServer | null = null;
  // History's read model on its own connection (synchronous=NORMAL: derived data, see history.ts).
  const historyDb =
    options.history === false
      ? null
      : options.dbPath === ":memory:"
        ? db
        : createDb(options.dbPath, {
            synchronous: "NORMAL",
            ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
          });
  const history =
    historyDb &&
    new LiveHistory(createHistoryStore(historyDb), log.lastSeq(), (error) =>
      logger.error({ err: error }, "the history read model could not be written; a restart rebuilds it"),
    );
  const booted = Date.now();
  // Boot starts from a checkpoint no later than history's stored seq, so history catches up from it.
  const { core, kpis, fromSeq }: Booted = bootCore({
    log,
    centerId,
    policy: options.checkpoints ?? DEFAULT_CHECKPOINTS,
    logger,
    clock,
    ...(options.limits ? { limits: options.limits } : {}),
    onFatal:
      options.onFatal ??
      ((error) => {
        logger.fatal(
          { err: error, dbPath: options.dbPath },
          `the event log ${options.dbPath} could not be written (${describeWriteError(error)}); ` +
            "stopping so a restart replays exactly what was acknowledged",
        );
        process.exit(1);
      }),
    onListenerError: (error) => logger.error({ err: error }, "an event listener failed"),
    onStep: (ms) => metrics.onStep(ms),
    onRejected: (code) => metrics.onRejected(code),
    history,
  });
  history?.attach(kpis.state);
  history?.write(core.state.seq);
  core.onAppended((events) => {
    kpis.appended(events, core.state);
    history?.committed(events);
  });
  const metrics = createMetrics(core.state, clock, () => io?.engine.clientsCount ?? 0);
  core.onAppended((events) => metrics.onAppended(events));
  logger.info(
    { seq: core.state.seq, fromCheckpointSeq: fromSeq, bootMs: Date.now() - booted, dbPath: options.dbPath },
    fromSeq > 0
      ? `state rebuilt from the checkpoint at seq ${fromSeq} and the log after it`
      : "state rebuilt from the whole event log",
  );
  const retention =
    options.retentionMs != null && archiveDir !== null
      ? startRetention({ db, log, archiveDir, keepMs: options.retentionMs, clock, logger })
      : null;
  void retention?.run();

  const appPresence = new AppPresence({
    core,
    clock,
    watchLoginsAtBoot: options.stringee != null,
    onProblem: (message) => logger.warn({ problem: message }, "an App/Web logout could not be recorded"),
  });
  const connector = options.stringee
    ? createConnector({
        core,
        log,
        config: options.stringee,
        logger,
        clock,
        appPresence,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : null;

  const stringee = options.stringee ?? null;
  const desk = createDesk({
    clock,
    appPresence,
    telephony: createTelephony(core, stringee ? "stringee" : "standalone"),
    issueToken: stringee
      ? deskTokenIssuer({ keySid: stringee.keySid, keySecret: stringee.keySecret, clock })
      : null,
  });

  const auth = new Auth({ store: createAuthStore(db), clock });
  const requestPolicy: RequestPolicy = {
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
    trustLoopbackProxy: true,
    trustedProxyHops: options.trustedProxyHops ?? 0,
  };
  const doorPolicy: DoorPolicy = {
    allowedOrigins: requestPolicy.allowedOrigins,
    request: requestPolicy,
    principalOf: (req) => auth.sessionPrincipal(sessionToken(req)),
    addressOf: (req) => clientAddress(req, requestPolicy),
    limits: {
      writesPerMinute: options.doorLimits?.writesPerMinute ?? 600,
      webhooksPerSecond: options.doorLimits?.webhooksPerSecond ?? 500,
    },
  };
  const maxConnections = options.doorLimits?.maxConnections ?? 20_000;

  // What-if replays run in worker threads reading the file through their own read-only connection.
  const whatIf = new WhatIfRunner({ dbPath: options.dbPath, archiveDir, centerId }, clock, (error) =>
    logger.error({ err: error }, "a what-if worker failed"),
  );

  // The door has already worked out who is calling; tRPC's context reads it from here.
  const actors = new WeakMap<IncomingMessage, Actor>();
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: TRPC_LIMITS.maxBodyBytes,
    maxBatchSize: TRPC_LIMITS.maxBatchSize,
    createContext: ({ req, info }): Context => {
      // Batching multiplies an answer: the whole center is sent once per request or not at all.
      if (info.calls.length > 1 && info.calls.some((call) => call.path === "center.snapshot")) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "center.snapshot cannot be batched with other calls: ask for it alone",
        });
      }
      return {
        core,
        log,
        clock,
        centerId,
        agentsToday: (now) => kpis.agentsToday(now),
        connectorStatus: connector?.panel.status ?? null,
        pcc: connector,
        auth,
        desk,
        history: history ?? HISTORY_OFF,
        whatIf,
        actor: actors.get(req) ?? { principal: null, address: null },
      };
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC handler failed");
    },
  });

  const feed = new BoardFeed(core, centerId, clock, kpis.folds().agentDays);
  const routes = buildRoutes({
    core,
    feed,
    auth,
    policy: requestPolicy,
    clock,
    metrics,
    trpc: (req, res, actor) => {
      actors.set(req, actor);
      trpcHandler(req, res);
    },
    operatorToken: options.operatorToken ?? options.stringee?.operatorToken ?? null,
    stringee: connector && options.stringee ? { connector, config: options.stringee } : null,
  });
  const httpServer = serveRoutes(routes, "private", doorPolicy, logger, maxConnections);
  // Stringee mode's public face: PCC's webhooks and agents' clients only — never the board's API.
  const publicServer = connector ? serveRoutes(routes, "public", doorPolicy, logger, maxConnections) : null;
  const sweep = setInterval(() => auth.sweep(), 5 * 60_000);
  sweep.unref();

  const kpisOf = (queueId: string, now: number) => kpis.kpis(queueId, now);
  const gateway = createGateway({
    httpServer,
    source: embeddedSource({ core, feed, clock, kpisOf }),
    corsOrigin: requestPolicy.allowedOrigins,
    authenticate: (socket) =>
      authenticateSocket(socket.request, socket.handshake.auth ?? {}, { auth, policy: requestPolicy }),
    stillValid: (principals) => auth.stillValid(principals),
    onDiverged: () => metrics.onBoardDiverged(),
  });
  io = gateway.io;
  // Split mode: gateway processes serve boards and wallboards from what the core publishes on Redis.
  // Loaded only then: embedded mode never loads a Redis client (about 0.3–1 s of a boot under tsx).
  const { redisUrl } = options;
  const publisher = redisUrl
    ? import("./split/core-publisher.ts").then(({ publishToGateways }) =>
        publishToGateways({ redisUrl, feed, core, clock, kpisOf, logger }),
      )
    : null;
  const deskAudience = attachDeskAudience({
    io: gateway.io,
    core,
    auth,
    clock,
    days: kpis,
    telephony: desk.telephony.kind,
    sipOf: (agentId) => {
      if (!stringee) return null;
      const { registrar, username } = sipRegistration({ projectId: stringee.projectId, userId: agentId });
      return { registrar, username };
    },
  });
  // Revocations close live connections at once; the periodic check catches expiries.
  auth.onRevoked((revocation) =>
    gateway.closeWhere((principal) => {
      if (revocation.kind === "wallboard")
        return principal.kind === "wallboard" && principal.tokenId === revocation.tokenId;
      if (principal.kind !== "user") return false;
      return revocation.kind === "user"
        ? principal.userId === revocation.userId
        : principal.sessionId === revocation.sessionId;
    }),
  );

  return {
    core,
    history,
    kpis: (queueId, now = clock()) => kpis.kpis(queueId, now),
    agentDays: kpis.folds().agentDays,
    routes,
    auth,
    connector,
    desk,
    io: gateway.io,
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    listenPublic: (port, host) => {
      if (!publicServer) return Promise.reject(new Error("the public listener exists in stringee mode only"));
      return new Promise((resolve, reject) => {
        publicServer.once("error", reject);
        publicServer.listen(port, host, () => resolve((publicServer.address() as AddressInfo).port));
      });
    },
    close: async () => {
      // 1. Stop accepting: no new connection; a request arriving on a kept-alive one gets 503
      //    (serveRoutes checks `listening`), so only requests already being handled go on.
      clearInterval(sweep);
      retention?.stop();
      await whatIf.close();
      connector?.close();
      appPresence.close();
      deskAudience.close();
      const stopped = [publicServer, httpServer].map((server) => (server ? drainServer(server) : null));
      // 2. Boards and wallboards are told why, then their transports close (they reconnect by themselves).
      await gateway.close();
      feed.close();
      await (await publisher)?.close();
      // 3. Requests in flight finish: each submit is answered after its commit.
      await Promise.all(stopped);
      // 4. Whatever is still queued (timers, the simulator's last tick) is committed, in one last
      //    group commit; the core refuses anything later. Then the file is closed cleanly.
      core.close();
      history?.flush();
      if (historyDb && historyDb !== db) historyDb.$client.close();
      db.$client.close();
    },
  };
}
