import { createHmac, timingSafeEqual } from "node:crypto";

/** The header Stringee puts the webhook signature in. */
export const STRINGEE_SIGNATURE_HEADER = "X-STRINGEE-SIGNATURE";

/** base64(HMAC-SHA1(secret, raw body)), as Stringee signs event_url POSTs (PCC doc §2.3). */
export function signStringeeBody(secret: string, rawBody: string | Buffer): string {
  return createHmac("sha1", secret).update(rawBody).digest("base64");
}

/**
 * True only when `headerValue` is the signature of the exact raw body; compared in constant time so a
 * forger learns nothing from response times. Missing, empty or garbage headers are false, never thrown.
 */
export function verifyStringeeSignature(
  secret: string,
  rawBody: string | Buffer,
  headerValue: string | undefined,
): boolean {
  if (typeof headerValue !== "string" || headerValue.length === 0) return false;
  const expected = Buffer.from(signStringeeBody(secret, rawBody), "utf8");
  const given = Buffer.from(headerValue.trim(), "utf8");
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
