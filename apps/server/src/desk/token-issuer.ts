import type { DeskToken } from "@callboard/contracts";
import { createAgentAccessToken } from "@callboard/stringee";

/** The desk's client tokens live this long: a stolen one is worth little, and the page renews it. */
export const DESK_TOKEN_TTL_SEC = 10 * 60;
/** The page asks for the next token this long before the current one expires. */
export const DESK_TOKEN_RENEW_BEFORE_SEC = 2 * 60;

/**
 * Issues the agent desk's Stringee client tokens (userId = the agent's stringee_user_id,
 * icc_api: true, DESK_TOKEN_TTL_SEC), each with its own jti. The caller is the agent's session
 * (tRPC `desk.token`), never the operator token.
 */
export function deskTokenIssuer(deps: {
  keySid: string;
  keySecret: string;
  clock: () => number;
  ttlSec?: number;
}): (agentId: string) => Promise<DeskToken> {
  const ttlSec = deps.ttlSec ?? DESK_TOKEN_TTL_SEC;
  return async (agentId) => {
    const nowMs = deps.clock();
    const token = await createAgentAccessToken({
      keySid: deps.keySid,
      keySecret: deps.keySecret,
      userId: agentId,
      nowMs,
      ttlSec,
    });
    const expiresAt = (Math.floor(nowMs / 1000) + ttlSec) * 1000;
    const renewBefore = Math.min(DESK_TOKEN_RENEW_BEFORE_SEC, Math.floor(ttlSec / 2)) * 1000;
    return { token, expiresAt, renewAt: expiresAt - renewBefore };
  };
}
