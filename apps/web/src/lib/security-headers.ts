/**
 * The dashboard's Content-Security-Policy: scripts only from this origin with this response's nonce
 * (no inline script without it, no eval outside development), connections only to this origin (the
 * core is proxied), and no framing by other sites.
 */
export function contentSecurityPolicy(
  nonce: string,
  dev: boolean,
  page: "any" | "agent-desk" = "any",
): string {
  // The agent desk's Stringee SDK (stringee mode) talks to Stringee's servers itself; no other page may.
  const connect = page === "agent-desk" ? `'self' ${STRINGEE_ORIGINS}` : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Where the Stringee Web SDK connects (its signalling sockets and API), for the agent desk only. */
const STRINGEE_ORIGINS = "https://*.stringee.com wss://*.stringee.com:*";

/** The agent desk is a softphone: it alone may ask for the microphone. */
export function isAgentDesk(pathname: string): boolean {
  return pathname === "/agent" || pathname.startsWith("/agent/");
}

/** Sent with every page besides the CSP. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** Pages anyone may open: signing in, and wallboards (they carry their own token). */
export function isPublicPage(pathname: string): boolean {
  return pathname === "/signin" || pathname === "/wallboard" || pathname.startsWith("/wallboard/");
}
