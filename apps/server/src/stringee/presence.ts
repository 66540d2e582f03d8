import type { IncomingMessage, ServerResponse } from "node:http";
import { describeZodError, presenceReportSchema } from "@callboard/contracts";
import { type InputEvent, own } from "@callboard/routing";
import { verifyAgentAccessToken } from "@callboard/stringee";
import type { Core } from "../core.ts";
import { answerErrors, HttpError, readJson, sendJson } from "../http.ts";
import type { ConnectorState } from "./status.ts";

/** A restarted core waits this long for logged-in clients' next heartbeat (the report schema's default ttl). */
const DEFAULT_APP_TTL_SEC = 60;

export interface PresenceDeps {
  core: Core;
  state: ConnectorState;
  keySecret: string;
  clock: () => number;
}

/**
 * PCC has no presence webhook, so agents' own clients report the three online signals here,
 * authenticated with the access token Callboard issued them (Bearer). A logged-in App/Web client
 * repeats "online" within its ttl; silence logs it out (AppPresenceExpiry).
 */
export class PresenceEndpoint {
  private readonly expiry = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: PresenceDeps) {
    // After a restart nobody's heartbeat is known: every App/Web login recorded in the log gets one
    // default ttl to report again, or it counts as logged out.
    const until = deps.clock() + DEFAULT_APP_TTL_SEC * 1000;
    for (const agent of Object.values(deps.core.state.agents)) {
      if (agent.presence.app) this.expiry.set(agent.id, until);
    }
    this.arm();
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
          if (online) this.expiry.set(agentId, clock() + report.ttlSec * 1000);
          else this.expiry.delete(agentId);
          this.arm();
        }
      }
      // Heartbeats that change nothing are not logged.
      if (changes(core, input)) await core.submit(input);
      sendJson(res, 200, { ok: true, agentId });
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async authenticate(req: IncomingMessage): Promise<string> {
    const header = req.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!token) throw new HttpError(401, "send the agent's access token as Authorization: Bearer <token>");
    const verified = await verifyAgentAccessToken(token, this.deps.keySecret, this.deps.clock());
    if (!verified.ok) {
      this.deps.state.problem("presence", `presence report refused: ${verified.message}`, this.deps.clock());
      throw new HttpError(401, verified.message);
    }
    return verified.userId;
  }

  /** Wakes at the earliest expiry and logs out the App/Web clients that went silent. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.expiry.size === 0) return;
    const next = Math.min(...this.expiry.values());
    this.timer = setTimeout(() => this.expire(), Math.max(0, next - this.deps.clock()));
    this.timer.unref();
  }

  private expire(): void {
    const { core, clock } = this.deps;
    const now = clock();
    for (const [agentId, until] of this.expiry) {
      if (until > now) continue;
      this.expiry.delete(agentId);
      const input: InputEvent = { type: "agent.presence_changed", agentId, signal: "app", online: false };
      if (changes(core, input)) {
        core.submit(input).catch((error: Error) => this.deps.state.problem("presence", error.message, now));
      }
    }
    this.arm();
  }
}

function changes(core: Core, input: InputEvent): boolean {
  if (input.type === "agent.presence_changed") {
    return own(core.state.agents, input.agentId)?.presence[input.signal] !== input.online;
  }
  if (input.type === "agent.push_token_changed") {
    const has = own(core.state.agents, input.agentId)?.presence.pushTokens.includes(input.token) ?? false;
    return has !== input.registered;
  }
  return true;
}
