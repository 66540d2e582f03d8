import type { IncomingMessage, ServerResponse } from "node:http";
import type { Actor } from "@callboard/contracts";
import { BOARD_SNAPSHOT_PATH } from "@callboard/contracts";
import type { Auth } from "./auth/auth.ts";
import { authHandlers } from "./auth/auth-handlers.ts";
import type { RequestPolicy } from "./auth/request-policy.ts";
import { type BoardFeed, pickEncoding } from "./board-feed.ts";
import type { Core } from "./core.ts";
import { Guards, type Route } from "./doors.ts";
import type { StringeeConfig } from "./env.ts";
import { answerErrors, HttpError, handleSubmitEvent, sendJson } from "./http.ts";
import type { createMetrics } from "./metrics.ts";
import type { Connector } from "./stringee/connector.ts";

export interface RouteDeps {
  core: Core;
  /** The board stream: its snapshots are served here. */
  feed: BoardFeed;
  auth: Auth;
  policy: RequestPolicy;
  clock: () => number;
  metrics: ReturnType<typeof createMetrics>;
  /** tRPC's standalone handler, mounted at /trpc/; it reads who is calling from the actor. */
  trpc: (req: IncomingMessage, res: ServerResponse, actor: Actor) => void;
  /** Bearer token machines (scrapers, back offices) may use instead of a session; null = sessions only. */
  operatorToken: string | null;
  /** Stringee mode: the connector's handlers and the secrets that guard them; null in standalone mode. */
  stringee: { connector: Connector; config: StringeeConfig } | null;
}

/**
 * Every HTTP door of the core, in one table: path, listener, guard, CORS policy, rate limit and
 * handler. Both listeners dispatch through it (doors.ts `serveRoutes`); the public listener
 * (stringee mode) serves only what PCC and agents' clients must reach. Only `/healthz` (a bare
 * "ok"), sign-in and PCC's webhooks (with their own keys) are open. Socket.IO is the one door outside
 * it: the gateway authenticates each connection with the same session and Origin rules.
 */
export function buildRoutes({
  core,
  feed,
  auth,
  policy,
  clock,
  metrics,
  trpc,
  operatorToken,
  stringee,
}: RouteDeps): Route[] {
  const sign = authHandlers({ auth, policy, clock });
  const post =
    (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) =>
      answerErrors(res, async () => {
        if (req.method !== "POST") throw new HttpError(405, "use POST");
        await handle(req, res);
      });
  const routes: Route[] = [
    {
      path: "/trpc/",
      prefix: true,
      on: "private",
      // Every procedure checks its own role (packages/api/src/trpc.ts); the door passes who is calling.
      guard: Guards.none,
      cors: "board",
      limit: "writes",
      handle: (req, res, actor) => trpc(req, res, actor),
    },
    { path: "/auth/sign-in", on: "private", guard: Guards.none, cors: "board", handle: post(sign.signIn) },
    {
      path: "/auth/sign-in-link",
      on: "private",
      guard: Guards.none,
      cors: "board",
      handle: post(sign.signInLink),
    },
    { path: "/auth/sign-out", on: "private", guard: Guards.none, cors: "board", handle: post(sign.signOut) },
    {
      path: "/api/events",
      on: "private",
      // Raw input can plant agents and calls: admins, or machines holding the operator token.
      guard: Guards.role("admin", operatorToken),
      cors: "board",
      limit: "writes",
      handle: (req, res, actor) => handleSubmitEvent(req, res, { core, auth }, actor),
    },
    {
      path: BOARD_SNAPSHOT_PATH,
      on: "private",
      // The board shows people and phone numbers: signed-in staff, like board:subscribe.
      guard: Guards.role("viewer", null),
      cors: "board",
      handle: (req, res) =>
        answerErrors(res, async () => {
          if (req.method !== "GET") throw new HttpError(405, "use GET");
          const encoding = pickEncoding(req.headers["accept-encoding"]);
          const { seq, body } = await feed.snapshot(encoding);
          res.writeHead(200, {
            "content-type": "application/json; charset=utf-8",
            "cache-control": "no-store",
            vary: "Accept-Encoding",
            "x-callboard-seq": String(seq),
            ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
          });
          res.end(body);
        }),
    },
    {
      path: "/healthz",
      on: "both",
      guard: Guards.none,
      cors: "board",
      // Anyone may know the process is up; nothing about the center.
      handle: (_req, res) => sendJson(res, 200, { ok: true }),
    },
    {
      path: "/health",
      on: "private",
      guard: Guards.role("viewer", operatorToken),
      cors: "board",
      handle: (_req, res) => sendJson(res, 200, { ok: true, seq: core.state.seq, at: clock() }),
    },
    {
      path: "/metrics",
      on: "private",
      guard: Guards.role("viewer", operatorToken),
      cors: "board",
      handle: async (_req, res) => {
        const text = await metrics.registry.metrics();
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(text);
      },
    },
  ];
  if (!stringee) return routes;
  const { connector, config } = stringee;
  const { handlers } = connector;
  // PCC and agents' clients get a listener of their own unless the operator asked to share (STRINGEE_PUBLIC_PORT=off).
  const pcc = config.publicListener ? "public" : "private";
  return [
    ...routes,
    {
      path: "/stringee/routing",
      on: pcc,
      guard: Guards.routingKey(config.routingKey),
      cors: "board",
      limit: "webhook",
      handle: handlers.routing,
    },
    {
      path: "/stringee/events",
      on: pcc,
      guard: config.signingSecret === null ? Guards.none : { kind: "pcc-signature" },
      cors: "board",
      limit: "webhook",
      handle: handlers.events,
    },
    {
      path: "/stringee/customer-info",
      on: pcc,
      guard: Guards.routingKey(config.routingKey),
      cors: "board",
      limit: "webhook",
      handle: handlers.customerInfo,
    },
    // Agents' Web clients report from their own pages: any origin, authenticated by the bearer token.
    {
      path: "/stringee/presence",
      on: pcc,
      guard: { kind: "agent-access-token" },
      cors: "any-origin",
      limit: "webhook",
      handle: handlers.presence,
    },
    {
      path: "/stringee/agent-token",
      on: pcc,
      guard: Guards.operatorToken(config.operatorToken),
      cors: "board",
      // Throttled like the webhooks, so guesses at the operator token from the internet are slow.
      limit: "webhook",
      handle: handlers.agentToken,
    },
  ];
}
