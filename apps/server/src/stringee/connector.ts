import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventLog } from "@callboard/db";
import type { LoggedEvent, ManualStatus } from "@callboard/routing";
import { createPccClient } from "@callboard/stringee";
import type { Logger } from "pino";
import type { Core } from "../core.ts";
import type { StringeeConfig } from "../env.ts";
import { handleAgentToken } from "./agent-token.ts";
import { handleCallEvents } from "./call-events.ts";
import { PresenceEndpoint } from "./presence.ts";
import { handleRoutingWebhook, WarnOnce } from "./routing-webhook.ts";
import { ConnectorPanel } from "./status.ts";
import { startSync } from "./sync.ts";
import { startWriteThrough } from "./write-through.ts";

export interface ConnectorOptions {
  core: Core;
  log: EventLog<LoggedEvent>;
  config: StringeeConfig;
  logger: Logger;
  clock: () => number;
  /** Tests call PCC's fake with a real fetch; injectable for nothing else. */
  fetch?: typeof globalThis.fetch;
}

export interface Connector {
  state: ConnectorPanel;
  /** Handles /stringee/* paths; false when the path is not the connector's. */
  route(pathname: string, req: IncomingMessage, res: ServerResponse, fail: (error: unknown) => void): boolean;
  syncNow(): Promise<void>;
  /**
   * Writes a supervisor's manual status change to PCC first (PCC is the source the sync reads; without
   * this the next sync would undo the change), then records it. PCC refusing it refuses the change.
   */
  setManualStatus(agentId: string, status: ManualStatus): Promise<void>;
  close(): void;
}

/** Stringee mode's edge: PCC's webhooks in, PCC's REST API polled, agents' presence and tokens. */
export function createConnector(options: ConnectorOptions): Connector {
  const { core, log, config, logger, clock } = options;
  const state = new ConnectorPanel(config);
  const client = createPccClient({
    baseUrl: config.baseUrl,
    keySid: config.keySid,
    keySecret: config.keySecret,
    now: clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const presence = new PresenceEndpoint({ core, state, keySecret: config.keySecret, clock });
  const sync = startSync({
    core,
    client,
    config,
    state,
    logger,
    clock,
    clientLoggedIn: (agentId) => presence.reportsApp(agentId),
  });
  const warnings = new WarnOnce();
  const writeThrough = startWriteThrough({ core, client, pccAgentIds: sync.pccAgentIds, state, clock });
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    "/stringee/routing": (req, res) =>
      handleRoutingWebhook(req, res, {
        core,
        log,
        key: config.routingKey,
        list: config.routingList,
        warnings,
        state,
        logger,
        clock,
      }),
    "/stringee/events": (req, res) =>
      handleCallEvents(req, res, { core, state, signingSecret: config.signingSecret, logger, clock }),
    "/stringee/presence": (req, res) => presence.handle(req, res),
    "/stringee/agent-token": (req, res) => handleAgentToken(req, res, { core, config, clock }),
  };
  return {
    state,
    route(pathname, req, res, fail) {
      const handler = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (!handler) return false;
      handler(req, res).catch(fail);
      return true;
    },
    syncNow: () => sync.syncNow(),
    setManualStatus: writeThrough.setManualStatus,
    close() {
      writeThrough.stop();
      sync.stop();
      presence.close();
    },
  };
}
