import { timingSafeEqual } from "node:crypto";

/** Compares a presented secret with the expected one in constant time, so it cannot be guessed byte by byte. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer …` header; "" when there is none. */
export function bearerToken(header: string | undefined): string {
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
}

/** The request carries the operator token as `Authorization: Bearer …`. */
export function isOperator(header: string | undefined, expected: string): boolean {
  return sameSecret(bearerToken(header), expected);
}
