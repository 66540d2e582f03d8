import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  DomainRejectedError,
  describeZodError,
  PccWriteError,
  type PccWriteFailure,
  submitEventSchema,
} from "@callboard/contracts";
import type { RejectCode } from "@callboard/routing";
import type { Logger } from "pino";
import type { Core } from "./core.ts";
import type { AllowedOrigins } from "./env.ts";
import { isOperator, sameSecret } from "./stringee/credentials.ts";

/** Bodies larger than this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The HTTP status a domain refusal is answered with. */
export const HTTP_STATUS_FOR_REJECTION: Record<RejectCode, number> = {
  UNKNOWN_AGENT: 404,
  UNKNOWN_GROUP: 404,
  UNKNOWN_QUEUE: 404,
  UNKNOWN_CALL: 404,
  INVALID: 400,
  CONFLICT: 409,
};

/** The HTTP status a failed write-through to PCC is answered with: retry later (412), or PCC said no (502). */
export const HTTP_STATUS_FOR_PCC_WRITE: Record<PccWriteFailure, number> = {
  NOT_SYNCED: 412,
  PCC_REFUSED: 502,
};

/** A request the client must fix: its status and a message that says what is wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}

/** The raw body, refused with 413 past MAX_BODY_BYTES (webhook signatures are computed over these bytes). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON text, or says why it is not JSON (400). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A JSON body (content-type checked, size limited). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.includes("application/json")) {
    throw new HttpError(415, "the body must be JSON (content-type: application/json)");
  }
  return parseJson(await readBody(req));
}

/**
 * Runs a handler and answers its expected failures: HttpError with its status, a domain refusal
 * with the domain's words, a failed write to PCC with 412/502. Anything else is a bug and goes to
 * the caller's 500.
 */
export async function answerErrors(res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.status === 413) res.setHeader("connection", "close");
      sendJson(res, error.status, { error: error.message });
    } else if (error instanceof DomainRejectedError) {
      sendJson(res, HTTP_STATUS_FOR_REJECTION[error.code], { error: error.message, code: error.code });
    } else if (error instanceof PccWriteError) {
      sendJson(res, HTTP_STATUS_FOR_PCC_WRITE[error.kind], { error: error.message, code: error.kind });
    } else {
      throw error;
    }
  }
}

/**
 * POST /api/events: the plain-HTTP door for event sources that are not TypeScript clients
 * (agent apps, scripts, the e2e suite). Same validation and answers as the events.submit mutation.
 */
export async function handleSubmitEvent(
  req: IncomingMessage,
  res: ServerResponse,
  core: Core,
): Promise<void> {
  await answerErrors(res, async () => {
    if (req.method !== "POST") throw new HttpError(405, "use POST");
    const parsed = submitEventSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    const result = await core.submit(parsed.data.event, parsed.data.idempotencyKey ?? null);
    sendJson(res, result.duplicate ? 200 : 201, result);
  });
}

/**
 * The core's two HTTP listeners: `private` (PORT/HOST: the board, its API, raw inputs, metrics)
 * and, in stringee mode, `public` (STRINGEE_PUBLIC_PORT: what PCC and agents' clients must reach).
 */
export type Listener = "private" | "public";

/**
 * Who may pass a door. The dispatcher checks the ones it can from the request line and headers;
 * the other kinds are declared here and checked by their handler, because the check needs the raw
 * body (PCC's signature) or yields the caller (an agent's access token names the agent).
 * Sign-in will add role guards here.
 */
export type Guard =
  | { kind: "none" }
  /** `Authorization: Bearer <CALLBOARD_OPERATOR_TOKEN>`. */
  | { kind: "operator-token"; token: string }
  /** `?key=<STRINGEE_ROUTING_KEY>` on PCC's get_list_agents_url. */
  | { kind: "routing-key"; key: string }
  /** X-STRINGEE-SIGNATURE over the raw body: checked by the handler. */
  | { kind: "pcc-signature" }
  /** `Authorization: Bearer <agent access token>`: checked by the handler, which learns the agent. */
  | { kind: "agent-access-token" };

/**
 * Which browsers may call a door. `board`: the origins of CALLBOARD_CORS_ORIGIN. `any-origin`:
 * every page (agents' Web clients report presence from their own sites; the bearer token is the
 * credential, there are no cookies).
 */
export type CorsPolicy = "board" | "any-origin";

/** One door of the server: where it is, which listener serves it, who may pass, which pages may call it. */
export interface Route {
  /** The exact path, or a prefix when `prefix` (the query string is never part of it). */
  path: string;
  prefix?: boolean;
  on: Listener | "both";
  guard: Guard;
  cors: CorsPolicy;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

const NONE: Guard = { kind: "none" };
export const Guards = {
  none: NONE,
  operatorToken: (token: string): Guard => ({ kind: "operator-token", token }),
  /** No key configured: the routing webhook is open (a warning in the README). */
  routingKey: (key: string | null): Guard => (key === null ? NONE : { kind: "routing-key", key }),
} as const;

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

/** Why a request may not pass `guard`, or null when it may. */
function refusal(guard: Guard, req: IncomingMessage): string | null {
  switch (guard.kind) {
    case "operator-token":
      return isOperator(req.headers.authorization, guard.token)
        ? null
        : "send the operator token as Authorization: Bearer <CALLBOARD_OPERATOR_TOKEN>";
    case "routing-key":
      return sameSecret(queryParam(req.url, "key"), guard.key)
        ? null
        : "the routing URL's key is missing or wrong (see STRINGEE_ROUTING_KEY)";
    default:
      return null;
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

function allowBoardOrigin(origin: string | undefined, allowed: AllowedOrigins, res: ServerResponse): void {
  if (!origin) return;
  if (allowed !== "*" && !allowed.includes(origin)) return;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("vary", "origin");
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", "content-type, trpc-accept");
}

/**
 * Answers one request from the route table: CORS (and preflights), then the guard, then the
 * handler. A path this listener does not serve is a 404 that names the listener, and the other
 * one when it serves the path.
 */
export function dispatch(
  routes: readonly Route[],
  listener: Listener,
  allowed: AllowedOrigins,
  req: IncomingMessage,
  res: ServerResponse,
  fail: (error: unknown) => void,
): void {
  // The request-target is untrusted: take the path as text rather than letting URL parsing throw.
  const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
  const found = findRoute(routes, listener, pathname);
  if (!found.route) {
    // The board reads the private listener's answers, its 404s included.
    if (listener === "private") allowBoardOrigin(req.headers.origin, allowed, res);
    const elsewhere = found.servedOn ? ` (it is served on the ${found.servedOn} listener)` : "";
    sendJson(res, 404, {
      error: `no route for ${req.method} ${pathname} on the ${listener} listener${elsewhere}`,
    });
    return;
  }
  const { route } = found;
  if (answerCors(route.cors, allowed, req, res)) return;
  const refused = refusal(route.guard, req);
  if (refused !== null) {
    sendJson(res, 401, { error: refused });
    return;
  }
  const done = route.handle(req, res);
  if (done) done.catch(fail);
}

/** An HTTP server answering from the route table; a handler bug answers 500 and is logged (without the query: it may carry a key). */
export function serveRoutes(
  routes: readonly Route[],
  listener: Listener,
  allowed: AllowedOrigins,
  logger: Logger,
): Server {
  return createServer((req, res) => {
    const fail = (error: unknown) => {
      logger.error({ err: error, path: (req.url ?? "").split("?", 1)[0], listener }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    };
    try {
      dispatch(routes, listener, allowed, req, res, fail);
    } catch (error) {
      fail(error);
    }
  });
}
