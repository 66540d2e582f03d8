import type { APIRequestContext } from "@playwright/test";

/** The second core + board, in stringee mode against the fake PCC; ports beside the standalone pair's. */
export const FAKE_PCC_URL = "http://127.0.0.1:3104";
export const STRINGEE_CORE_URL = "http://127.0.0.1:3102";
export const STRINGEE_WEB_URL = "http://127.0.0.1:3103";
/** The stringee core's public listener: PCC's webhooks and agents' clients, nothing of the board. */
export const STRINGEE_PUBLIC_URL = "http://127.0.0.1:3105";

/** Test-only secrets, shared by the fake PCC, the core's environment and the spec (never real ones). */
export const PCC_KEYS = { keySid: "SK_callboard_e2e", keySecret: "e2e-key-secret-not-real" };
export const PROJECT_ID = 4242;
export const SIGNING_SECRET = "e2e-signing-secret-not-real";
export const OPERATOR_TOKEN = "e2e-operator-token-not-real";

/** The fake PCC's two agents; Callboard's agent id is PCC's stringee_user_id, with no mapping. */
export const AGENTS = {
  lan: { id: "lan", name: "Lan Nguyen" },
  minh: { id: "minh", name: "Minh Tran" },
} as const;

/** What only the running fake knows: PCC's own queue id (generated), with the queue's settings. */
export interface PccSeed {
  queueId: string;
  queueName: string;
  answerTimeoutSec: number;
}

/** Served by the fake PCC's wrapper; Playwright also waits on it to know the fake is up. */
export const SEED_PATH = "/e2e/seed";

export async function fetchSeed(request: APIRequestContext): Promise<PccSeed> {
  return (await (await request.get(`${FAKE_PCC_URL}${SEED_PATH}`)).json()) as PccSeed;
}

/** Logs the agent's App/Web client in the way a real client would: operator-issued token, then presence. */
export async function appLogin(
  request: APIRequestContext,
  agentId: string,
): Promise<{ sipUsername: string }> {
  const issued = await request.post(`${STRINGEE_PUBLIC_URL}/stringee/agent-token`, {
    data: { agentId },
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
  });
  if (!issued.ok()) throw new Error(`agent-token refused: ${issued.status()} ${await issued.text()}`);
  const { token, sip } = (await issued.json()) as { token: string; sip: { username: string } };
  const presence = await request.post(`${STRINGEE_PUBLIC_URL}/stringee/presence`, {
    // Longer than the whole run, so the login does not lapse for want of a heartbeat.
    data: { signal: "app", online: true, ttlSec: 600 },
    headers: { authorization: `Bearer ${token}` },
  });
  if (!presence.ok()) throw new Error(`presence refused: ${presence.status()} ${await presence.text()}`);
  return { sipUsername: sip.username };
}
