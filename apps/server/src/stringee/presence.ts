import type { IncomingMessage, ServerResponse } from "node:http";
import { describeZodError, presenceReportSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { verifyAgentAccessToken } from "@callboard/stringee";
import type { Core } from "../core.ts";
import type { AppPresence } from "../desk/app-presence.ts";
import { answerErrors, HttpError, readJson, sendJson } from "../http.ts";
import { bearerToken } from "./credentials.ts";
import type { ConnectorPanel } from "./status.ts";

export interface PresenceDeps {
  core: Core;
  state: ConnectorPanel;
  keySecret: string;
  clock: () => number;
  /** The App/Web login tracker shared with the agent desk. */
  appPresence: AppPresence;
}

/**
 * PCC has no presence webhook, so agents' own clients report the three online signals here,
 * authenticated with the access token Callboard issued them (Bearer). A logged-in App/Web client
 * repeats "online" within its ttl; silence logs it out (AppPresence, shared with the agent desk).
 */
export class PresenceEndpoint {
  constructor(private readonly deps: PresenceDeps) {}

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return answerErrors(res, async () => {
      const { core, appPresence } = this.deps;
      if (req.method !== "POST") throw new HttpError(405, "use POST");
      const agentId = await this.authenticate(req);
      if (!own(core.state.agents, agentId))
        throw new HttpError(404, `agent "${agentId}" is not synced from PCC`);
      const parsed = presenceReportSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
      const report = parsed.data;
      if (report.signal === "app") {
        await appPresence.report(agentId, report.online, report.ttlSec * 1000);
      } else {
        // Heartbeats that change nothing are not logged.
        await core.submitIfChanged(
          report.signal === "push"
            ? {
                type: "agent.push_token_changed",
                agentId,
                token: report.token,
                registered: report.registered,
              }
            : { type: "agent.presence_changed", agentId, signal: "sip", online: report.registered },
        );
      }
      sendJson(res, 200, { ok: true, agentId });
    });
  }

  private async authenticate(req: IncomingMessage): Promise<string> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(401, "send the agent's access token as Authorization: Bearer <token>");
    const verified = await verifyAgentAccessToken(token, this.deps.keySecret, this.deps.clock());
    if (!verified.ok) {
      this.deps.state.problem("presence", `presence report refused: ${verified.message}`, this.deps.clock());
      throw new HttpError(401, verified.message);
    }
    return verified.userId;
  }
}
