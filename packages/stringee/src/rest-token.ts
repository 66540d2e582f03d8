import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** The JOSE header Stringee requires on every token it accepts (only HS256 is supported). */
export const STRINGEE_JWT_HEADER = { typ: "JWT", alg: "HS256", cty: "stringee-api;v=1" } as const;

/** The default token lifetime, as in Stringee's own samples (exp = now + 3600). */
export const DEFAULT_TOKEN_TTL_SEC = 3600;

/** Inputs of a REST token; with `jti` given, the token is a pure function of them. */
export interface RestTokenInput {
  /** The API key SID (`SK…`), sent as `iss`. */
  keySid: string;
  /** The API key secret: the HMAC-SHA256 key. Never logged. */
  keySecret: string;
  /** The current time in ms. */
  nowMs: number;
  ttlSec?: number;
  /** The token's id; a fresh random one by default (newJti). Tests pass one to get a pure function. */
  jti?: string;
}

/**
 * A unique token id: the key SID and the second (Stringee's suggested "apiKeySid_timestamp", kept
 * readable), plus a random UUID — two tokens signed in the same second must not share a jti.
 */
export function newJti(keySid: string, nowSec: number): string {
  return `${keySid}-${nowSec}-${randomUUID()}`;
}

/** Claims of a REST token (PCC doc §2.1). */
export interface RestTokenPayload {
  jti: string;
  iss: string;
  exp: number;
  rest_api: true;
}

/** The secret as jose wants an HMAC key. */
export function hmacKey(keySecret: string): Uint8Array {
  return new TextEncoder().encode(keySecret);
}

/** Signs the server-to-PCC JWT sent in `X-STRINGEE-AUTH`, so every REST call can prove it holds the key. */
export async function createRestToken({
  keySid,
  keySecret,
  nowMs,
  ttlSec = DEFAULT_TOKEN_TTL_SEC,
  jti,
}: RestTokenInput): Promise<string> {
  const nowSec = Math.floor(nowMs / 1000);
  const payload: RestTokenPayload = {
    jti: jti ?? newJti(keySid, nowSec),
    iss: keySid,
    exp: nowSec + ttlSec,
    rest_api: true,
  };
  return new SignJWT({ ...payload }).setProtectedHeader(STRINGEE_JWT_HEADER).sign(hmacKey(keySecret));
}
