import { SignJWT } from "jose";

/** The JOSE header Stringee requires on every token it accepts (only HS256 is supported). */
export const STRINGEE_JWT_HEADER = { typ: "JWT", alg: "HS256", cty: "stringee-api;v=1" } as const;

/** The default token lifetime, as in Stringee's own samples (exp = now + 3600). */
export const DEFAULT_TOKEN_TTL_SEC = 3600;

/** Inputs of a REST token; the token is a pure function of them. */
export interface RestTokenInput {
  /** The API key SID (`SK…`), sent as `iss`. */
  keySid: string;
  /** The API key secret: the HMAC-SHA256 key. Never logged. */
  keySecret: string;
  /** The current time in ms; the token is a pure function of it. */
  nowMs: number;
  ttlSec?: number;
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
}: RestTokenInput): Promise<string> {
  const nowSec = Math.floor(nowMs / 1000);
  const payload: RestTokenPayload = {
    jti: `${keySid}-${nowSec}`,
    iss: keySid,
    exp: nowSec + ttlSec,
    rest_api: true,
  };
  return new SignJWT({ ...payload }).setProtectedHeader(STRINGEE_JWT_HEADER).sign(hmacKey(keySecret));
}
