import type { IncomingMessage, ServerResponse } from "node:http";
import type { Core } from "./core.ts";
import type { StringeeConfig } from "./env.ts";
import { Guards, handleSubmitEvent, type Route, sendJson } from "./http.ts";
import type { createMetrics } from "./metrics.ts";
import type { Connector } from "./stringee/connector.ts";

export interface RouteDeps {
  core: Core;
  metrics: ReturnType<typeof createMetrics>;
  /** tRPC's standalone handler, mounted at /trpc/. */
  trpc: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stringee mode: the connector's handlers and the secrets that guard them; null in standalone mode. */
  stringee: { connector: Connector; config: StringeeConfig } | null;
}

/**
 * Every HTTP door of the core, in one table: path, listener, guard, CORS policy, handler. Both
 * listeners dispatch through it (http.ts `serveRoutes`); the public listener (stringee mode) serves
 * only what PCC and agents' clients must reach. Socket.IO is the one door outside it: the gateway
 * attaches to the private listener's server itself (its CORS from the same AllowedOrigins).
 */
export function buildRoutes({ core, metrics, trpc, stringee }: RouteDeps): Route[] {
  const routes: Route[] = [
    { path: "/trpc/", prefix: true, on: "private", guard: Guards.none, cors: "board", handle: trpc },
    {
      path: "/api/events",
      on: "private",
      // In stringee mode the core faces the internet for PCC's webhooks: raw input needs the operator token.
      guard: stringee ? Guards.operatorToken(stringee.config.operatorToken) : Guards.none,
      cors: "board",
      handle: (req, res) => handleSubmitEvent(req, res, core),
    },
    {
      path: "/healthz",
      on: "private",
      guard: Guards.none,
      cors: "board",
      handle: (_req, res) => sendJson(res, 200, { ok: true, seq: core.state.seq }),
    },
    {
      path: "/metrics",
      on: "private",
      guard: Guards.none,
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
  return [
    ...routes,
    // The internet's health check learns nothing about the log.
    {
      path: "/healthz",
      on: "public",
      guard: Guards.none,
      cors: "board",
      handle: (_req, res) => sendJson(res, 200, { ok: true }),
    },
    {
      path: "/stringee/routing",
      on: "both",
      guard: Guards.routingKey(config.routingKey),
      cors: "board",
      handle: handlers.routing,
    },
    {
      path: "/stringee/events",
      on: "both",
      guard: config.signingSecret === null ? Guards.none : { kind: "pcc-signature" },
      cors: "board",
      handle: handlers.events,
    },
    // Agents' Web clients report from their own pages: any origin, authenticated by the bearer token.
    {
      path: "/stringee/presence",
      on: "both",
      guard: { kind: "agent-access-token" },
      cors: "any-origin",
      handle: handlers.presence,
    },
    {
      path: "/stringee/agent-token",
      on: "both",
      guard: Guards.operatorToken(config.operatorToken),
      cors: "board",
      handle: handlers.agentToken,
    },
  ];
}
