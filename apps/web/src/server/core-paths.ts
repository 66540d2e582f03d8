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
