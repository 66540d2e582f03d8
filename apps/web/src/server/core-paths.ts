/**
 * The core's doors the dashboard forwards: its API, the live stream and the board's snapshot
 * (compressed by the core; the proxy passes Accept-Encoding and Content-Encoding through untouched),
 * sign-in, raw events and health.
 * Everything else is the dashboard's own pages.
 */
const CORE_PREFIXES = [
  "/trpc/",
  "/socket.io/",
  "/live/",
  "/auth/",
  "/api/events",
  "/healthz",
  "/health",
  "/metrics",
];

export function isCorePath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  return CORE_PREFIXES.some((prefix) =>
    prefix.endsWith("/") ? path.startsWith(prefix) || path === prefix.slice(0, -1) : path === prefix,
  );
}

/** The query parameter the agent desk's socket carries: its live view is the core's, never a gateway's. */
export const DESK_AUDIENCE_QUERY = { audience: "desk" } as const;

/**
 * With gateways (CALLBOARD_GATEWAY_URLS, decision 0018), the doors they serve: boards' and
 * wallboards' sockets and the board's snapshot. The agent desk's socket stays on the core.
 */
export function isGatewayPath(url: string | undefined): boolean {
  const [path = "/", query = ""] = (url ?? "/").split("?", 2);
  if (path === "/live/snapshot") return true;
  if (path !== "/socket.io" && path !== "/socket.io/") return false;
  return new URLSearchParams(query).get("audience") !== DESK_AUDIENCE_QUERY.audience;
}
