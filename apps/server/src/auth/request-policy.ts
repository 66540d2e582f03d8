import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * Which requests a listener accepts, parsed once from the environment: the host names browsers may
 * use (DNS rebinding), the browser origins that may send commands (CSRF), and whether a loopback
 * peer (the dashboard's proxy) may tell us the client's address and the original host.
 */
export interface RequestPolicy {
  /** Host names (without port) accepted besides localhost and IP literals; "*" accepts any. */
  allowedHosts: "*" | readonly string[];
  /** Extra browser origins allowed besides the request's own; "*" allows any. */
  allowedOrigins: "*" | readonly string[];
  /** Trust X-Forwarded-For/-Host/-Proto from loopback peers (the dashboard proxies the core). */
  trustLoopbackProxy: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function fromTrustedProxy(req: IncomingMessage, policy: RequestPolicy): boolean {
  return policy.trustLoopbackProxy && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(",", 1)[0]?.trim() || undefined;
}

/** The client's address: the proxy's X-Forwarded-For when it comes from our own proxy, else the peer. */
export function clientAddress(req: IncomingMessage, policy: RequestPolicy): string | null {
  const forwarded = fromTrustedProxy(req, policy) ? firstHeader(req.headers["x-forwarded-for"]) : undefined;
  const address = forwarded ?? req.socket.remoteAddress ?? null;
  return address === null ? null : address.slice(0, 64);
}

/** The host the browser asked for (host[:port]), as the browser sent it. */
export function requestHost(req: IncomingMessage, policy: RequestPolicy): string {
  const forwarded = fromTrustedProxy(req, policy) ? firstHeader(req.headers["x-forwarded-host"]) : undefined;
  return (forwarded ?? req.headers.host ?? "").toLowerCase();
}

/** True when the request came over HTTPS (directly or through our proxy): cookies get Secure. */
export function isHttps(req: IncomingMessage, policy: RequestPolicy): boolean {
  if ("encrypted" in req.socket && req.socket.encrypted) return true;
  return fromTrustedProxy(req, policy) && firstHeader(req.headers["x-forwarded-proto"]) === "https";
}

function hostName(hostAndPort: string): string {
  if (hostAndPort.startsWith("[")) return hostAndPort.slice(1, hostAndPort.indexOf("]"));
  return hostAndPort.split(":", 1)[0] ?? "";
}

/**
 * DNS rebinding defence: a page on attacker.example that re-points its name at this machine still
 * sends `Host: attacker.example`. IP literals and localhost cannot be rebound, so they always pass.
 */
export function hostProblem(req: IncomingMessage, policy: RequestPolicy): string | null {
  const host = requestHost(req, policy);
  if (host === "") return "the request has no Host header";
  const name = hostName(host);
  if (name === "localhost" || name.endsWith(".localhost") || isIP(name) !== 0) return null;
  if (policy.allowedHosts === "*" || policy.allowedHosts.includes(name)) return null;
  return `the host "${name}" is not one this Callboard serves (set CALLBOARD_ALLOWED_HOSTS)`;
}

/**
 * CSRF defence for state-changing requests: a browser always sends Origin on a cross-site POST, and
 * Sec-Fetch-Site says who initiated it. Same-origin and listed origins pass; requests with neither
 * header are not from a browser page and carry no ambient credentials to abuse.
 */
export function originProblem(req: IncomingMessage, policy: RequestPolicy): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) {
    const site = req.headers["sec-fetch-site"];
    if (site === undefined || site === "same-origin" || site === "none") return null;
    return `a ${site} request may not change anything here`;
  }
  if (policy.allowedOrigins === "*" || policy.allowedOrigins.includes(origin)) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return `the Origin "${origin.slice(0, 100)}" is not a URL`;
  }
  if (originHost === requestHost(req, policy)) return null;
  return `the origin ${origin.slice(0, 100)} may not send commands here (set CALLBOARD_CORS_ORIGIN)`;
}

/** `application/json`, exactly, as the media type (parameters such as charset allowed). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(";", 1)[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}
