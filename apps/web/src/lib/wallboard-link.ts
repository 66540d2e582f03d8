/**
 * Where a wallboard's read-only token travels. It rides in the URL's fragment
 * (`/wallboard?queues=…#token=…`): a browser never sends a fragment to any server, so the token
 * stays out of access logs, proxies' logs and Referer headers. The page's own code reads it and
 * hands it to the core in the socket's handshake (`auth`), never in a URL.
 */

/** The link an admin copies onto a TV. */
export function wallboardLink(origin: string, token: string): string {
  return `${origin}/wallboard#${new URLSearchParams({ token })}`;
}

/** The token in a wallboard address's fragment (`#token=…`), or null. */
export function fragmentToken(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") || null;
}

/**
 * Links made before the token moved (`/wallboard?token=…`) keep working: the dashboard answers
 * them with a redirect to the same screen, the token moved into the fragment and the display
 * options kept. A redirect rather than accepting the token in the page and stripping it with
 * history.replaceState: it happens before any HTML, so no script, style or socket request is ever
 * made from an address holding the token (no Referer can carry it), and the TV's address bar —
 * what someone copies or bookmarks next — shows the new form at once. The one request that still
 * carries it is the old link itself, which nothing can un-send. Null when `url` needs no redirect.
 */
export function legacyWallboardRedirect(url: URL): URL | null {
  if (url.pathname !== "/wallboard") return null;
  const token = url.searchParams.get("token");
  if (token === null) return null;
  const target = new URL(url.href);
  target.searchParams.delete("token");
  target.hash = new URLSearchParams({ token }).toString();
  return target;
}
