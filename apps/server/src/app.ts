import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter, type Context } from "@callboard/api";
import {
  assertLogFormat,
  createDb,
  createEventLog,
  migrateDb,
  centerId as readCenterId,
} from "@callboard/db";
import { EVENT_FORMAT, type LoggedEvent } from "@callboard/routing";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { Core } from "./core.ts";
import type { StringeeConfig } from "./env.ts";
import { type CallboardServer, createGateway } from "./gateway.ts";
import { handleSubmitEvent, sendJson } from "./http.ts";
import { createMetrics } from "./metrics.ts";
import { type Connector, createConnector } from "./stringee/connector.ts";
import { isOperator } from "./stringee/credentials.ts";

export interface AppOptions {
  dbPath: string;
  clock?: () => number;
  corsOrigin?: string;
  logger: Logger;
  /** Stringee mode: PCC's webhooks, sync and agent endpoints; null or absent = standalone. */
  stringee?: StringeeConfig | null;
  /** Stringee mode's REST calls go through this fetch (tests: the real one, to a fake PCC). */
  fetch?: typeof globalThis.fetch;
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

  const corsOrigin = options.corsOrigin ?? "*"; // tests and embedders; main passes the configured list
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: (): Context => ({
      core,
      log,
      clock,
      centerId,
      connectorStatus: connector?.state.status ?? null,
      pcc: connector,
      viewer: "anonymous",
    }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC handler failed");
    },
  });

  /** A server for `handle`; a handler bug answers 500 and is logged (without the query: it may carry a key). */
  const serve = (handle: typeof route) =>
    createServer((req, res) => {
      const fail = (error: unknown) => {
        logger.error({ err: error, path: (req.url ?? "").split("?", 1)[0] }, "request failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        else res.destroy();
      };
      try {
        handle(req, res, fail);
      } catch (error) {
        fail(error);
      }
    });
  const httpServer = serve(route);
  // Stringee mode's public face: PCC's webhooks and agents' clients only — never the board's API.
  const publicServer = connector
    ? serve((req, res, fail) => {
        const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
        if (pathname === "/stringee/presence") {
          // Agents' Web clients report from their own pages: any origin, authenticated by the bearer token.
          res.setHeader("access-control-allow-origin", "*");
          res.setHeader("access-control-allow-headers", "authorization, content-type");
          res.setHeader("access-control-allow-methods", "POST, OPTIONS");
          if (req.method === "OPTIONS") {
            res.writeHead(204).end();
            return;
          }
        }
        if (connector.route(pathname, req, res, fail)) return;
        if (pathname === "/healthz") sendJson(res, 200, { ok: true });
        else sendJson(res, 404, { error: `no route for ${req.method} ${pathname} on the public listener` });
      })
    : null;

  function route(req: IncomingMessage, res: ServerResponse, fail: (error: unknown) => void): void {
    // The request-target is untrusted: take the path as text rather than letting URL parsing throw.
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    setCors(req.headers.origin, res, corsOrigin);
    if (req.method === "OPTIONS") {
      res.writeHead(204).end();
      return;
    }
    if (pathname.startsWith("/trpc/")) {
      trpcHandler(req, res);
    } else if (pathname === "/api/events") {
      // In stringee mode the core faces the internet for PCC's webhooks: raw input needs the operator token.
      if (options.stringee && !isOperator(req.headers.authorization, options.stringee.operatorToken)) {
        sendJson(res, 401, {
          error: "stringee mode: send the operator token as Authorization: Bearer <token>",
        });
        return;
      }
      handleSubmitEvent(req, res, core).catch(fail);
    } else if (connector?.route(pathname, req, res, fail)) {
      // handled by the Stringee connector
    } else if (pathname === "/healthz") {
      sendJson(res, 200, { ok: true, seq: core.state.seq });
    } else if (pathname === "/metrics") {
      metrics.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { "content-type": metrics.registry.contentType });
          res.end(text);
        })
        .catch(fail);
    } else {
      sendJson(res, 404, { error: `no route for ${req.method} ${pathname}` });
    }
  }

  const gateway = createGateway({
    httpServer,
    core,
    log,
    clock,
    corsOrigin,
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

function setCors(origin: string | undefined, res: ServerResponse, allowed: string): void {
  if (!origin) return;
  if (allowed !== "*" && !allowed.split(",").includes(origin)) return;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("vary", "origin");
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", "content-type, trpc-accept");
}
