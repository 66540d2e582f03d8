import type { IncomingMessage, ServerResponse } from "node:http";
import { agentTokenRequestSchema, describeZodError } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { createAgentAccessToken, sipRegistration } from "@callboard/stringee";
import type { Core } from "../core.ts";
import type { StringeeConfig } from "../env.ts";
import { answerErrors, HttpError, readJson, sendJson } from "../http.ts";

/**
 * POST /stringee/agent-token: the access token an agent's App/Web client logs in to PCC with
 * (userId = stringee_user_id, icc_api: true), and the agent's SIP registration details for a desk
 * phone. Operators only: the route table's guard checks Bearer CALLBOARD_OPERATOR_TOKEN first.
 */
export function handleAgentToken(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { core: Core; config: StringeeConfig; clock: () => number },
) {
  return answerErrors(res, async () => {
    const { core, config, clock } = deps;
    if (req.method !== "POST") throw new HttpError(405, "use POST");
    const parsed = agentTokenRequestSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    const { agentId, ttlSec } = parsed.data;
    if (!own(core.state.agents, agentId))
      throw new HttpError(404, `agent "${agentId}" is not synced from PCC`);
    const nowMs = clock();
    const token = await createAgentAccessToken({
      keySid: config.keySid,
      keySecret: config.keySecret,
      userId: agentId,
      nowMs,
      ttlSec,
    });
    sendJson(res, 200, {
      agentId,
      token,
      expiresAt: (Math.floor(nowMs / 1000) + ttlSec) * 1000,
      sip: sipRegistration({ projectId: config.projectId, userId: agentId }),
    });
  });
}
