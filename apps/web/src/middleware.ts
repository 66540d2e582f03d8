import { SESSION_COOKIE } from "@callboard/contracts/protocol";
import { type NextRequest, NextResponse } from "next/server";
import { isDevelopment } from "~/env";
import {
  contentSecurityPolicy,
  isAgentDesk,
  isPublicPage,
  STATIC_SECURITY_HEADERS,
} from "~/lib/security-headers";
import { legacyWallboardRedirect } from "~/lib/wallboard-link";

/**
 * Every page gets a fresh CSP nonce and the security headers; a page other than sign-in and the
 * wallboard, opened without a session cookie, goes to the sign-in form first; an old wallboard link
 * with its token in the query is sent to the same screen with the token in the fragment.
 */
export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const moved = legacyWallboardRedirect(request.nextUrl);
  if (moved) {
    // The token leaves the query (see lib/wallboard-link); never cached, never passed on as Referer.
    const response = NextResponse.redirect(moved, 302);
    response.headers.set("cache-control", "no-store");
    response.headers.set("referrer-policy", "no-referrer");
    return response;
  }
  if (!isPublicPage(pathname) && !request.cookies.has(SESSION_COOKIE)) {
    const target = new URL("/signin", request.url);
    if (pathname !== "/") target.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(target);
  }
  const nonce = btoa(crypto.randomUUID());
  const desk = isAgentDesk(pathname);
  const csp = contentSecurityPolicy(nonce, isDevelopment, desk ? "agent-desk" : "any");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (desk) response.headers.set("permissions-policy", "camera=(), microphone=(self), geolocation=()");
  return response;
}

export const config = {
  // Pages only: static assets need no nonce, and the core's doors never reach Next (server.ts proxies them).
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
