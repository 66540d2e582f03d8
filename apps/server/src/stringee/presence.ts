import type { IncomingMessage, ServerResponse } from "node:http";
import { describeZodError, presenceReportSchema } from "@callboard/contracts";
import { type InputEvent, own } from "@callboard/routing";
import { verifyAgentAccessToken } from "@callboard/stringee";
import type { Core } from "../core.ts";
import { answerErrors, HttpError, readJson, sendJson } from "../http.ts";
import { AppLogins } from "./app-logins.ts";
import { bearerToken } from "./credentials.ts";
import type { ConnectorPanel } from "./status.ts";

/** A restarted core waits this long for logged-in clients' next heartbeat (the report schema's default ttl). */
const RESTART_GRACE_MS = 60_000;
/** How often silent App/Web logins are looked for: a logout is noticed at most this late. */
const SWEEP_MS = 5_000;

export interface PresenceDeps {
  core: Core;
  state: ConnectorPanel;
  keySecret: string;
  clock: () => number;
}

/**
 * PCC has no presence webhook, so agents' own clients report the three online signals here,
 * authenticated with the access token Callboard issued them (Bearer). A logged-in App/Web client
 * repeats "online" within its ttl; silence logs it out (AppLogins, swept every SWEEP_MS).
 */
export class PresenceEndpoint {
  private readonly logins: AppLogins;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: PresenceDeps) {
    this.logins = new AppLogins(Object.values(deps.core.state.agents), deps.clock(), RESTART_GRACE_MS);
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return answerErrors(res, async () => {
      const { core, clock } = this.deps;
      if (req.method !== "POST") throw new HttpError(405, "use POST");
      const agentId = await this.authenticate(req);
      if (!own(core.state.agents, agentId))
        throw new HttpError(404, `agent "${agentId}" is not synced from PCC`);
      const parsed = presenceReportSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
      const report = parsed.data;
      let input: InputEvent;
      if (report.signal === "push") {
        input = {
          type: "agent.push_token_changed",
          agentId,
          token: report.token,
          registered: report.registered,
        };
      } else {
        const online = report.signal === "app" ? report.online : report.registered;
        input = { type: "agent.presence_changed", agentId, signal: report.signal, online };
        if (report.signal === "app") {
          if (online) this.logins.beat(agentId, clock() + report.ttlSec * 1000);
          else this.logins.forget(agentId);
        }
      }
      // Heartbeats that change nothing are not logged.
      await core.submitIfChanged(input);
      sendJson(res, 200, { ok: true, agentId });
    });
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** The agent's own client reports its App/Web login (and keeps it alive): that beats any other source. */
  reportsApp(agentId: string): boolean {
    return this.logins.has(agentId);
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

  /** Logs out the App/Web clients that went silent. */
  private sweep(): void {
    const { core, clock } = this.deps;
    const now = clock();
    for (const agentId of this.logins.expired(now)) {
      const input: InputEvent = { type: "agent.presence_changed", agentId, signal: "app", online: false };
      core
        .submitIfChanged(input)
        .catch((error: Error) => this.deps.state.problem("presence", error.message, now));
    }
  }
}
