import type { IncomingMessage } from "node:http";
import { SESSION_COOKIE } from "@callboard/contracts/protocol";
import { parse, serialize } from "cookie";

/** The session token a request carries, or "" (a malformed Cookie header reads as none). */
export function sessionToken(req: IncomingMessage): string {
  const header = req.headers.cookie;
  if (header === undefined || header.length > 8_192) return "";
  try {
    return parse(header)[SESSION_COOKIE] ?? "";
  } catch {
    return "";
  }
}

/**
 * httpOnly (scripts never see it), SameSite=Lax (other sites' forms and fetches do not carry it),
 * Secure when the browser came over HTTPS, for the whole site.
 */
export function sessionCookie(token: string, expiresAt: number, secure: boolean, now: number): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}
