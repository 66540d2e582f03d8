/**
 * The core's doors the dashboard forwards: its API, the live stream, sign-in, raw events and health.
 * Everything else is the dashboard's own pages.
 */
const CORE_PREFIXES = ["/trpc/", "/socket.io/", "/auth/", "/api/events", "/healthz", "/health", "/metrics"];

export function isCorePath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  return CORE_PREFIXES.some((prefix) =>
    prefix.endsWith("/") ? path.startsWith(prefix) || path === prefix.slice(0, -1) : path === prefix,
  );
}
