import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BOARD_SNAPSHOT_PATH } from "@callboard/contracts";
import { createAuthStore, createDb } from "@callboard/db";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { Auth } from "../auth/auth.ts";
import { clientAddress, type RequestPolicy } from "../auth/request-policy.ts";
import type { GatewayConfig } from "../env.ts";
import { type CallboardServer, createGateway } from "../gateway.ts";
import { authenticateSocket } from "../socket-access.ts";
import { GatewayFeed } from "./gateway-feed.ts";
import { closeRedis, connectRedis } from "./redis.ts";

/** Told to an agent's desk that reached a gateway: its live view is the core's (see decision 0018). */
export const DESK_ON_THE_CORE =
  "the agent desk's live view is served by the core, not by a board gateway: route this desk's socket to the core";

export interface GatewayApp {
  feed: GatewayFeed;
  io: CallboardServer;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A gateway process (decision 0018): boards' and wallboards' sockets, served from what the core
 * publishes on Redis — its own catch-up ring, heartbeats and tiles — so the core never serializes
 * for a socket. Sockets are authenticated like the core's (the same session cookies and wallboard
 * tokens, read from the core's SQLite file on this machine), and board snapshots are the core's,
 * fetched for the browser.
 */
export function createGatewayApp(
  config: Pick<
    GatewayConfig,
    "dbPath" | "redisUrl" | "coreUrl" | "allowedOrigins" | "allowedHosts" | "trustedProxyHops"
  >,
  logger: Logger,
  clock: () => number = Date.now,
): GatewayApp {
  // The core owns the file and its schema (it migrates at boot); a gateway only reads sessions and
  // tokens, plus the two housekeeping writes Auth makes (an expired session deleted, a token's
  // last use), which SQLite's locking serializes with the core's commits.
  const notTheCores = `${config.dbPath} is not a Callboard core's database yet: start the core first (it creates and migrates the file), and give the gateway the same CALLBOARD_DB_PATH or CALLBOARD_DATA_DIR`;
  if (!existsSync(config.dbPath)) throw new Error(notTheCores);
  const db = createDb(config.dbPath);
  const auth = (() => {
    try {
      return new Auth({ store: createAuthStore(db), clock });
    } catch (error) {
      db.$client.close();
      throw new Error(`${notTheCores} (${error instanceof Error ? error.message : String(error)})`);
    }
  })();
  const policy: RequestPolicy = {
    allowedHosts: config.allowedHosts,
    allowedOrigins: config.allowedOrigins,
    trustLoopbackProxy: true,
    trustedProxyHops: config.trustedProxyHops,
  };

  const httpServer = createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (path === "/healthz") {
      res.writeHead(feed.live ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: feed.live, role: "gateway", ring: feed.ringSize }));
      return;
    }
    if (path === BOARD_SNAPSHOT_PATH) {
      forwardSnapshot(req, res, config.coreUrl, clientAddress(req, policy), logger);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("a Callboard gateway serves /socket.io, /live/snapshot and /healthz only");
  });

  const redis = connectRedis(config.redisUrl, logger, "gateway");
  const feed = new GatewayFeed(clock, () => redis.status === "ready");
  const gateway = createGateway({
    httpServer,
    source: feed,
    corsOrigin: config.allowedOrigins,
    adapter: createAdapter(redis) as never,
    authenticate: (socket) =>
      authenticateSocket(socket.request, socket.handshake.auth ?? {}, { auth, policy }),
    // Revocations made on the core reach this process through the file: within ACCESS_CHECK_INTERVAL_MS.
    stillValid: (principals) => auth.stillValid(principals),
    onDiverged: () => logger.warn("a board's digest disagreed with its batch; it reloaded its snapshot"),
  });
  const { io } = gateway;
  io.on("core:batch", (message) => {
    const gapsBefore = feed.gaps;
    feed.receiveBatch(message);
    if (feed.gaps > gapsBefore)
      logger.warn(
        { fromSeq: message.fromSeq },
        "batches were missed (Redis was away): boards here re-subscribe and catch up from a snapshot",
      );
  });
  io.on("core:beat", (message) => feed.receiveBeat(message));
  io.on("connection", (socket) => {
    socket.on("agent:subscribe", (_input, ack) => {
      if (typeof ack === "function") ack({ ok: false, error: DESK_ON_THE_CORE });
    });
  });

  // Say when the boards here go stale (the core or Redis unheard) and when they are live again.
  let wasLive = false;
  const watch = setInterval(() => {
    if (feed.live === wasLive) return;
    wasLive = feed.live;
    if (wasLive) logger.info("the core is heard again: boards here are live");
    else logger.warn("the core is not heard over Redis: boards here show stale until it is");
  }, 1_000);

  return {
    feed,
    io,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    close: async () => {
      clearInterval(watch);
      httpServer.closeIdleConnections();
      await gateway.close("This gateway is restarting; this screen reconnects by itself and catches up.");
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await closeRedis(redis);
      db.$client.close();
    },
  };
}

/**
 * The board's snapshot, from the core: the browser's cookie and Accept-Encoding go along, the core
 * judges the session (its route's guard) and compresses; the answer is passed through untouched.
 */
function forwardSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  coreUrl: string,
  address: string | null,
  logger: Logger,
): void {
  if (req.method !== "GET") {
    res.writeHead(405, { "content-type": "text/plain" });
    res.end("use GET");
    return;
  }
  const headers: Record<string, string> = {};
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers["accept-encoding"]) headers["accept-encoding"] = String(req.headers["accept-encoding"]);
  if (req.headers.origin) headers.origin = req.headers.origin;
  if (address) headers["x-forwarded-for"] = address;
  const upstream = request(`${coreUrl}${BOARD_SNAPSHOT_PATH}`, { method: "GET", headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    logger.warn({ err: error }, "the core did not answer a snapshot request");
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { "content-type": "text/plain" });
    res.end("the Callboard core is not reachable from this gateway; retrying helps once it is back");
  });
  upstream.end();
}
