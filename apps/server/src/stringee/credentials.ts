import { timingSafeEqual } from "node:crypto";

/** Compares a presented secret with the expected one in constant time, so it cannot be guessed byte by byte. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
