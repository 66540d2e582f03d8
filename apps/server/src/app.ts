import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter, type Context } from "@callboard/api";
import {
  assertLogFormat,
  createDb,
  createEventLog,
  migrateDb,
  centerId as readCenterId,
} from "@callboard/db";
import { type CenterLimits, EVENT_FORMAT, type LoggedEvent } from "@callboard/routing";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { Core } from "./core.ts";
import type { AllowedOrigins, StringeeConfig } from "./env.ts";
import { type CallboardServer, createGateway } from "./gateway.ts";
import { serveRoutes } from "./http.ts";
import { createMetrics } from "./metrics.ts";
import { buildRoutes } from "./routes.ts";
import { type Connector, createConnector } from "./stringee/connector.ts";

export interface AppOptions {
  dbPath: string;
  clock?: () => number;
  /** Browser origins for the board's doors and sockets (Config.allowedOrigins); default any. */
  allowedOrigins?: AllowedOrigins;
  logger: Logger;
  /** Stringee mode: PCC's webhooks, sync and agent endpoints; null or absent = standalone. */
  stringee?: StringeeConfig | null;
  /** Stringee mode's REST calls go through this fetch (tests: the real one, to a fake PCC). */
  fetch?: typeof globalThis.fetch;
  /** Caps on new agents, queues and groups (Config.limits); the engine's defaults when absent. */
  limits?: CenterLimits;
  /** Called when the log cannot be written; main exits, tests fail loudly. */
  onFatal?: (error: unknown) => void;
}

export interface App {
  core: Core;
  /**
   * Stringee mode: listens with only /stringee/* (and /healthz), for the internet; the board and its
   * API stay on `listen`'s address. Rejects in standalone mode.
   */
  listenPublic(port: number, host: string): Promise<number>;
  /** Null in standalone mode. */
  connector: Connector | null;
  io: CallboardServer;
  httpServer: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Composes the core and its edges without listening, so tests boot it on port 0 with a temp file.
 * Boot = open SQLite, apply committed migrations, replay the log into memory.
 */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? Date.now;
  const logger = options.logger;
  const db = createDb(options.dbPath);
  migrateDb(db);
  assertLogFormat(db, EVENT_FORMAT, options.dbPath);
  const log = createEventLog<LoggedEvent>(db);
  const centerId = readCenterId(db);
  let io: CallboardServer | null = null;
  const core = new Core({
    log,
    clock,
    ...(options.limits ? { limits: options.limits } : {}),
    onFatal:
      options.onFatal ??
      ((error) => {
        logger.fatal(
          { err: error },
          "event log write failed; stopping so a restart replays a consistent log",
        );
        process.exit(1);
      }),
    onListenerError: (error) => logger.error({ err: error }, "an event listener failed"),
    onStep: (ms) => metrics.onStep(ms),
    onRejected: (code) => metrics.onRejected(code),
  });
  const metrics = createMetrics(core.state, clock, () => io?.engine.clientsCount ?? 0);
  core.onAppended((events) => metrics.onAppended(events));
  logger.info({ seq: core.state.seq, dbPath: options.dbPath }, "state rebuilt from the event log");

  const connector = options.stringee
    ? createConnector({
        core,
        log,
        config: options.stringee,
        logger,
        clock,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : null;

  const allowedOrigins = options.allowedOrigins ?? "*"; // tests and embedders; main passes the configured list
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: (): Context => ({
      core,
      log,
      clock,
      centerId,
      connectorStatus: connector?.panel.status ?? null,
      pcc: connector,
      viewer: "anonymous",
    }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC handler failed");
    },
  });

  const routes = buildRoutes({
    core,
    metrics,
    trpc: trpcHandler,
    stringee: connector && options.stringee ? { connector, config: options.stringee } : null,
  });
  const httpServer = serveRoutes(routes, "private", allowedOrigins, logger);
  // Stringee mode's public face: PCC's webhooks and agents' clients only — never the board's API.
  const publicServer = connector ? serveRoutes(routes, "public", allowedOrigins, logger) : null;

  const gateway = createGateway({
    httpServer,
    core,
    log,
    clock,
    corsOrigin: allowedOrigins,
    centerId,
    authenticate: () => ({ viewer: "anonymous" }),
  });
  io = gateway.io;

  return {
    core,
    connector,
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
      connector?.close();
      if (publicServer?.listening) await new Promise<void>((r) => publicServer.close(() => r()));
      core.close();
      await gateway.close();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      db.$client.close();
    },
  };
}
