import { timingSafeEqual } from "node:crypto";

/** Compares a presented secret with the expected one in constant time, so it cannot be guessed byte by byte. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token of an `Authorization: Bearer …` header; "" when there is none. The scheme is matched
 * case-insensitively (RFC 9110 §11.1: "bearer", "BEARER" are the same scheme), with any run of spaces.
 */
export function bearerToken(header: string | undefined): string {
  const match = header === undefined ? null : /^bearer +(.*)$/i.exec(header.trim());
  return match ? match[1]!.trim() : "";
}

/** The request carries the operator token as `Authorization: Bearer …`. */
export function isOperator(header: string | undefined, expected: string): boolean {
  return sameSecret(bearerToken(header), expected);
}
