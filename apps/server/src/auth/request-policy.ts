import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * Which requests a listener accepts, parsed once from the environment: the host names browsers may
 * use (DNS rebinding), the browser origins that may send commands (CSRF), and whether a loopback
 * peer (the dashboard's proxy) may tell us the client's address and scheme.
 */
export interface RequestPolicy {
  /** Host names (without port) accepted besides localhost and IP literals; "*" accepts any. */
  allowedHosts: "*" | readonly string[];
  /** Extra browser origins allowed besides the request's own; "*" allows any. */
  allowedOrigins: "*" | readonly string[];
  /** Read X-Forwarded-For/-Proto from loopback peers (the dashboard proxies the core). */
  trustLoopbackProxy: boolean;
  /**
   * Trusted proxies in front of the dashboard (e.g. a TLS terminator): 0 = browsers reach the
   * dashboard directly. Each proxy appends to X-Forwarded-*, so the client is that many entries
   * before the last; anything earlier is whatever the client claimed, and is ignored.
   */
  trustedProxyHops: number;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function fromTrustedProxy(req: IncomingMessage, policy: RequestPolicy): boolean {
  return policy.trustLoopbackProxy && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

/**
 * The entry of an X-Forwarded-* list that our own proxies wrote: proxies append, so the last entry is
 * what the dashboard saw, and each trusted hop in front of it moves one further back. Entries before
 * those are the client's own claims (spoofable) and are never read.
 */
function forwarded(req: IncomingMessage, policy: RequestPolicy, name: string): string | undefined {
  if (!fromTrustedProxy(req, policy)) return undefined;
  const raw = req.headers[name];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((e) => e.trim());
  const entry = entries[entries.length - 1 - policy.trustedProxyHops];
  return entry || undefined;
}

/** The client's address: what our own proxies saw (X-Forwarded-For), else the peer. */
export function clientAddress(req: IncomingMessage, policy: RequestPolicy): string | null {
  const address = forwarded(req, policy, "x-forwarded-for") ?? req.socket.remoteAddress ?? null;
  return address === null ? null : address.slice(0, 64);
}

/**
 * The host the browser asked for (host[:port]). The dashboard's proxy keeps the browser's Host, so it
 * is read from Host itself — never from X-Forwarded-Host, which a page's script can set.
 */
export function requestHost(req: IncomingMessage): string {
  return (req.headers.host ?? "").toLowerCase();
}

/** True when the browser came over HTTPS (directly, or as our trusted proxies say): cookies get Secure. */
export function isHttps(req: IncomingMessage, policy: RequestPolicy): boolean {
  if ("encrypted" in req.socket && req.socket.encrypted) return true;
  return forwarded(req, policy, "x-forwarded-proto") === "https";
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
  const host = requestHost(req);
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
  if (originHost === requestHost(req)) return null;
  return `the origin ${origin.slice(0, 100)} may not send commands here (set CALLBOARD_CORS_ORIGIN)`;
}

/** `application/json`, exactly, as the media type (parameters such as charset allowed). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(";", 1)[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}
