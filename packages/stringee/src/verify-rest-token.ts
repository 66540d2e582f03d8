import { decodeProtectedHeader, errors, jwtVerify } from "jose";
import { hmacKey, type RestTokenPayload, STRINGEE_JWT_HEADER } from "./rest-token.ts";

/** Why a REST token was refused. */
export const RestTokenProblem = {
  MALFORMED: "malformed",
  BAD_HEADER: "bad-header",
  BAD_SIGNATURE: "bad-signature",
  EXPIRED: "expired",
  NOT_REST: "not-rest",
  WRONG_ISSUER: "wrong-issuer",
} as const;
export type RestTokenProblem = (typeof RestTokenProblem)[keyof typeof RestTokenProblem];

/** The token's claims, or why it was refused. */
export type VerifyRestTokenResult =
  | { ok: true; payload: RestTokenPayload }
  | { ok: false; problem: RestTokenProblem; message: string };

/** The clock and expected issuer to verify against. */
export interface VerifyRestTokenOptions {
  /** Defaults to the real clock. */
  nowMs?: number;
  /** When given, `iss` must equal it. */
  keySid?: string;
}

const fail = (problem: RestTokenProblem, message: string): VerifyRestTokenResult => ({
  ok: false,
  problem,
  message,
});

/** Checks a REST token the way PCC does (HS256, Stringee's cty, exp, rest_api), so the fake PCC refuses what PCC would. */
export async function verifyRestToken(
  token: string,
  keySecret: string,
  { nowMs = Date.now(), keySid }: VerifyRestTokenOptions = {},
): Promise<VerifyRestTokenResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail("malformed", "token is not a JWT");
  }
  if (header.alg !== STRINGEE_JWT_HEADER.alg || header.cty !== STRINGEE_JWT_HEADER.cty) {
    return fail("bad-header", `token header must have alg HS256 and cty ${STRINGEE_JWT_HEADER.cty}`);
  }
  try {
    const { payload } = await jwtVerify(token, hmacKey(keySecret), {
      algorithms: ["HS256"],
      currentDate: new Date(nowMs),
      requiredClaims: ["exp", "iss", "jti"],
    });
    if (payload.rest_api !== true) return fail("not-rest", "token payload must have rest_api: true");
    if (keySid !== undefined && payload.iss !== keySid)
      return fail("wrong-issuer", "token iss is not this key");
    return {
      ok: true,
      payload: {
        jti: String(payload.jti),
        iss: String(payload.iss),
        exp: Number(payload.exp),
        rest_api: true,
      },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return fail("expired", "token has expired");
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return fail("bad-signature", "token signature does not match the key secret");
    }
    return fail("malformed", "token claims are invalid");
  }
}
