import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import { type Actor, hasRole, type Principal, type StaffRole } from "@callboard/contracts";
import type { Logger } from "pino";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { hostProblem, isJsonContentType, originProblem, type RequestPolicy } from "./auth/request-policy.ts";
import type { AllowedOrigins } from "./env.ts";
import { sendJson } from "./http.ts";
import { isOperator, sameSecret } from "./stringee/credentials.ts";

/**
 * The core's two HTTP listeners: `private` (PORT/HOST: the board, its API, raw inputs, metrics)
 * and, in stringee mode, `public` (STRINGEE_PUBLIC_PORT: what PCC and agents' clients must reach).
 */
export type Listener = "private" | "public";

/**
 * Who may pass a door. The dispatcher checks the ones it can from the request line and headers;
 * `pcc-signature` and `agent-access-token` are declared here and checked by their handler, because
 * the check needs the raw body (PCC's signature) or yields the caller (the token names the agent).
 */
export type Guard =
  | { kind: "none" }
  /** A signed-in person holding `role` or higher; or, when `operatorToken` is set, that bearer token. */
  | { kind: "role"; role: StaffRole; operatorToken: string | null }
  /** `Authorization: Bearer <CALLBOARD_OPERATOR_TOKEN>`. */
  | { kind: "operator-token"; token: string }
  /** `?key=<STRINGEE_ROUTING_KEY>` on PCC's get_list_agents_url. */
  | { kind: "routing-key"; key: string }
  /** X-STRINGEE-SIGNATURE over the raw body: checked by the handler. */
  | { kind: "pcc-signature" }
  /** `Authorization: Bearer <agent access token>`: checked by the handler, which learns the agent. */
  | { kind: "agent-access-token" };

/**
 * Which browsers may call a door. `board`: the dashboard's own origin and CALLBOARD_CORS_ORIGIN's.
 * `any-origin`: every page (agents' Web clients report presence from their own sites; the bearer
 * token is the credential, there are no cookies).
 */
export type CorsPolicy = "board" | "any-origin";

/** How many requests a door takes: changes per caller, or webhooks per address (429 + Retry-After beyond). */
export type RateLimit = "none" | "writes" | "webhook";

/** One door of the server: where it is, which listener serves it, who may pass, which pages may call it. */
export interface Route {
  /** The exact path, or a prefix when `prefix` (the query string is never part of it). */
  path: string;
  prefix?: boolean;
  on: Listener | "both";
  guard: Guard;
  cors: CorsPolicy;
  /** Default "none". tRPC's `writes` limit applies to its mutations (POST) only. */
  limit?: RateLimit;
  handle(req: IncomingMessage, res: ServerResponse, actor: Actor): void | Promise<void>;
}

const NONE: Guard = { kind: "none" };
export const Guards = {
  none: NONE,
  role: (role: StaffRole, operatorToken: string | null = null): Guard => ({
    kind: "role",
    role,
    operatorToken,
  }),
  operatorToken: (token: string): Guard => ({ kind: "operator-token", token }),
  /** No key configured: the routing webhook is open (a warning in the README). */
  routingKey: (key: string | null): Guard => (key === null ? NONE : { kind: "routing-key", key }),
} as const;

/** What the dispatcher needs to know besides the table: origins, the Host/Origin policy, and who is calling. */
export interface DoorPolicy {
  allowedOrigins: AllowedOrigins;
  request: RequestPolicy;
  /** The person or screen a request's session cookie names, or null. */
  principalOf(req: IncomingMessage): Principal | null;
  /** The caller's address, for audit and rate limits. */
  addressOf(req: IncomingMessage): string | null;
  limits: { writesPerMinute: number; webhooksPerSecond: number };
}

const served = (route: Route, listener: Listener) => route.on === "both" || route.on === listener;
const matches = (route: Route, pathname: string) =>
  route.prefix ? pathname.startsWith(route.path) : route.path === pathname;

/** The route serving `pathname` on `listener`, or why there is none (naming the listener that serves it). */
export function findRoute(
  routes: readonly Route[],
  listener: Listener,
  pathname: string,
): { route: Route } | { route: null; servedOn: Listener | null } {
  const candidates = routes.filter((route) => matches(route, pathname));
  const route = candidates.find((candidate) => served(candidate, listener));
  if (route) return { route };
  const elsewhere = candidates[0];
  return { route: null, servedOn: elsewhere ? (elsewhere.on as Listener) : null };
}

/** A query parameter of an untrusted request-target; "" when absent or unparseable. */
function queryParam(target: string | undefined, name: string): string {
  try {
    return new URL(target ?? "/", "http://callboard.invalid").searchParams.get(name) ?? "";
  } catch {
    return "";
  }
}

type Verdict = { ok: true; actor: Actor } | { ok: false; status: 401 | 403; error: string };

/** Who is calling and whether they may pass `guard`. */
function authorize(guard: Guard, req: IncomingMessage, policy: DoorPolicy): Verdict {
  const address = policy.addressOf(req);
  const anonymous: Verdict = { ok: true, actor: { principal: null, address } };
  switch (guard.kind) {
    case "role": {
      if (guard.operatorToken !== null && isOperator(req.headers.authorization, guard.operatorToken)) {
        return { ok: true, actor: { principal: { kind: "operator" }, address } };
      }
      const principal = policy.principalOf(req);
      if (principal?.kind !== "user") {
        const token =
          guard.operatorToken === null ? "" : " or send Authorization: Bearer <CALLBOARD_OPERATOR_TOKEN>";
        return { ok: false, status: 401, error: `sign in first${token}` };
      }
      if (!hasRole(principal.role, guard.role)) {
        return {
          ok: false,
          status: 403,
          error: `this needs the ${guard.role} role; you are ${principal.role}`,
        };
      }
      return { ok: true, actor: { principal, address } };
    }
    case "operator-token":
      return isOperator(req.headers.authorization, guard.token)
        ? { ok: true, actor: { principal: { kind: "operator" }, address } }
        : {
            ok: false,
            status: 401,
            error: "send the operator token as Authorization: Bearer <CALLBOARD_OPERATOR_TOKEN>",
          };
    case "routing-key":
      return sameSecret(queryParam(req.url, "key"), guard.key)
        ? anonymous
        : {
            ok: false,
            status: 401,
            error: "the routing URL's key is missing or wrong (see STRINGEE_ROUTING_KEY)",
          };
    default:
      // tRPC's procedures check roles themselves (every one is role-checked): pass who is calling.
      return { ok: true, actor: { principal: policy.principalOf(req), address } };
  }
}

/** Sets the CORS headers `policy` gives this request's Origin; true when the request was a preflight, answered. */
function answerCors(
  policy: CorsPolicy,
  allowed: AllowedOrigins,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (policy === "any-origin") {
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "authorization, content-type");
    res.setHeader("access-control-allow-methods", "POST, OPTIONS");
  } else {
    allowBoardOrigin(req.headers.origin, allowed, res);
  }
  if (req.method !== "OPTIONS") return false;
  res.writeHead(204).end();
  return true;
}

/** Listed origins only: the dashboard itself is same-origin (it proxies the core) and needs no CORS. */
function allowBoardOrigin(origin: string | undefined, allowed: AllowedOrigins, res: ServerResponse): void {
  if (!origin) return;
  if (allowed !== "*" && !allowed.includes(origin)) return;
  res.setHeader("access-control-allow-origin", origin);
  // "*" opens reads to any page, but never with the person's cookie: only listed origins get credentials.
  if (allowed !== "*") res.setHeader("access-control-allow-credentials", "true");
  res.setHeader("vary", "origin");
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", "content-type, trpc-accept");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Rate limiters for the doors that have one; keys are sessions, tokens or addresses. */
export function createDoorLimiters(limits: DoorPolicy["limits"]) {
  return {
    writes: new RateLimiterMemory({ points: limits.writesPerMinute, duration: 60 }),
    webhook: new RateLimiterMemory({ points: limits.webhooksPerSecond, duration: 1 }),
  };
}
type DoorLimiters = ReturnType<typeof createDoorLimiters>;

function limitKey(actor: Actor): string {
  const p = actor.principal;
  // Per person, not per session: signing in again does not buy another allowance.
  if (p?.kind === "user") return `user:${p.userId}`;
  return `address:${actor.address ?? "unknown"}`;
}

/** Refuses with 429 + Retry-After when the caller is over its limit; true when refused. */
async function overLimit(
  route: Route,
  req: IncomingMessage,
  res: ServerResponse,
  actor: Actor,
  limiters: DoorLimiters,
): Promise<boolean> {
  const kind = route.limit ?? "none";
  if (kind === "none" || (kind === "writes" && SAFE_METHODS.has(req.method ?? "GET"))) return false;
  // Machines holding the operator token are trusted event feeds: the per-person cap is not theirs.
  if (kind === "writes" && actor.principal?.kind === "operator") return false;
  const key = kind === "webhook" ? `address:${actor.address ?? "unknown"}` : limitKey(actor);
  try {
    await limiters[kind].consume(key);
    return false;
  } catch (refusal) {
    const ms = (refusal as { msBeforeNext?: number }).msBeforeNext ?? 1000;
    res.setHeader("retry-after", String(Math.max(1, Math.ceil(ms / 1000))));
    sendJson(res, 429, { error: `too many requests: try again in ${Math.max(1, Math.ceil(ms / 1000))} s` });
    return true;
  }
}

/**
 * The checks a browser-facing (private) door applies before its guard: the Host must be one this
 * Callboard serves (DNS rebinding), and a state-changing request must come from our own pages or a
 * listed origin (CSRF) with a JSON body named exactly `application/json`.
 */
function browserProblem(
  req: IncomingMessage,
  route: Route,
  policy: DoorPolicy,
): { status: number; error: string } | null {
  // Machine doors authenticate every request with a secret of their own, never with a cookie.
  if (route.guard.kind !== "none" && route.guard.kind !== "role") return null;
  const host = hostProblem(req, policy.request);
  if (host) return { status: 421, error: host };
  if (SAFE_METHODS.has(req.method ?? "GET") || route.cors === "any-origin") return null;
  const origin = originProblem(req, policy.request);
  if (origin) return { status: 403, error: origin };
  if (!isJsonContentType(req.headers["content-type"])) {
    return { status: 415, error: "the body must be JSON (content-type: application/json)" };
  }
  return null;
}

/**
 * Answers one request from the route table: Host and CSRF checks (private listener), CORS (and
 * preflights), the guard, the rate limit, then the handler. A path this listener does not serve is a
 * 404 that names the listener, and the other one when it serves the path.
 */
export async function dispatch(
  routes: readonly Route[],
  listener: Listener,
  policy: DoorPolicy,
  limiters: DoorLimiters,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // The request-target is untrusted: take the path as text rather than letting URL parsing throw.
  const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
  // Answers are data about people and calls: never sniffed as another type, never cached on the way.
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "no-store");
  const found = findRoute(routes, listener, pathname);
  if (!found.route) {
    if (listener === "private") allowBoardOrigin(req.headers.origin, policy.allowedOrigins, res);
    const elsewhere = found.servedOn ? ` (it is served on the ${found.servedOn} listener)` : "";
    sendJson(res, 404, {
      error: `no route for ${req.method} ${pathname} on the ${listener} listener${elsewhere}`,
    });
    return;
  }
  const { route } = found;
  if (answerCors(route.cors, policy.allowedOrigins, req, res)) return;
  if (listener === "private") {
    const problem = browserProblem(req, route, policy);
    if (problem) {
      sendJson(res, problem.status, { error: problem.error });
      return;
    }
  }
  const verdict = authorize(route.guard, req, policy);
  if (!verdict.ok) {
    sendJson(res, verdict.status, { error: verdict.error });
    return;
  }
  if (await overLimit(route, req, res, verdict.actor, limiters)) return;
  await route.handle(req, res, verdict.actor);
}

/** Slow or hoarding clients cannot pin the core: bounded headers, request time and connections. */
export const SERVER_LIMITS = {
  maxHeaderSize: 16 * 1024,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
} as const;

/** An HTTP server answering from the route table; a handler bug answers 500 and is logged (without the query: it may carry a key). */
export function serveRoutes(
  routes: readonly Route[],
  listener: Listener,
  policy: DoorPolicy,
  logger: Logger,
  maxConnections: number,
): Server {
  const limiters = createDoorLimiters(policy.limits);
  // Node's own check for a missing Host answers an empty 400; this one says why.
  const options = { maxHeaderSize: SERVER_LIMITS.maxHeaderSize, requireHostHeader: false };
  const server = createServer(options, (req, res) => {
    if (req.headers.host === undefined && req.httpVersion === "1.1") {
      res.setHeader("connection", "close");
      sendJson(res, 400, { error: "an HTTP/1.1 request must carry a Host header" });
      return;
    }
    if (!server.listening) {
      // Stopping: a request on a connection kept alive from before is refused, and the connection closed.
      res.setHeader("connection", "close");
      res.setHeader("retry-after", "2");
      sendJson(res, 503, { error: "the Callboard core is shutting down; retry in a moment" });
      return;
    }
    dispatch(routes, listener, policy, limiters, req, res).catch((error: unknown) => {
      logger.error({ err: error, path: (req.url ?? "").split("?", 1)[0], listener }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  // A request Node cannot parse (malformed, headers past maxHeaderSize) never reaches dispatch:
  // answer it here with the same JSON `error` every other refusal has, then close.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, `the request's headers exceed ${SERVER_LIMITS.maxHeaderSize} bytes`]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "the request took too long to arrive"]
          : [400, `malformed HTTP request (${error.code ?? "parse error"})`];
    const body = JSON.stringify({ error: reason });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.requestTimeout = SERVER_LIMITS.requestTimeoutMs;
  server.headersTimeout = SERVER_LIMITS.headersTimeoutMs;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs;
  server.maxConnections = maxConnections;
  return server;
}
