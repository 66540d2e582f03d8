import { errors, jwtVerify, SignJWT } from "jose";
import { DEFAULT_TOKEN_TTL_SEC, hmacKey, newJti, STRINGEE_JWT_HEADER } from "./rest-token.ts";

/** Inputs of an agent's client token; pure given nowMs and jti. */
export interface AgentAccessTokenInput {
  keySid: string;
  keySecret: string;
  /** The agent's stringee_user_id (Callboard's agent id). */
  userId: string;
  nowMs: number;
  ttlSec?: number;
  /** The token's id; a fresh random one by default (newJti), so no two tokens share one. */
  jti?: string;
}

/** Claims of a PCC client token (PCC doc §2.2): `icc_api` is what lets a PCC agent log in. */
export interface AgentAccessTokenPayload {
  jti: string;
  iss: string;
  exp: number;
  userId: string;
  icc_api: true;
}

/** Signs the token an agent's App/Web client connects with, so the agent logs in as its stringee_user_id. */
export async function createAgentAccessToken({
  keySid,
  keySecret,
  userId,
  nowMs,
  ttlSec = DEFAULT_TOKEN_TTL_SEC,
  jti,
}: AgentAccessTokenInput): Promise<string> {
  const nowSec = Math.floor(nowMs / 1000);
  const payload: AgentAccessTokenPayload = {
    jti: jti ?? newJti(keySid, nowSec),
    iss: keySid,
    exp: nowSec + ttlSec,
    userId,
    icc_api: true,
  };
  return new SignJWT({ ...payload }).setProtectedHeader(STRINGEE_JWT_HEADER).sign(hmacKey(keySecret));
}

/** The agent a client token names, or why it is refused. */
export type VerifyAgentTokenResult = { ok: true; userId: string } | { ok: false; message: string };

/**
 * Checks a client token Callboard issued (createAgentAccessToken): HS256 with the key secret, not
 * expired, `icc_api: true`, a `userId`. Agents' clients present it to report their presence.
 */
export async function verifyAgentAccessToken(
  token: string,
  keySecret: string,
  nowMs: number,
): Promise<VerifyAgentTokenResult> {
  try {
    const { payload } = await jwtVerify(token, hmacKey(keySecret), {
      algorithms: ["HS256"],
      currentDate: new Date(nowMs),
      requiredClaims: ["exp"],
    });
    if (payload.icc_api !== true)
      return { ok: false, message: "the token is not a PCC agent token (icc_api)" };
    if (typeof payload.userId !== "string" || payload.userId === "") {
      return { ok: false, message: "the token names no userId" };
    }
    return { ok: true, userId: payload.userId };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, message: "the token has expired" };
    return { ok: false, message: "the token is not valid for this project" };
  }
}
