import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventLog } from "@callboard/db";
import type { AgentProfile, LoggedEvent, ManualStatus } from "@callboard/routing";
import { createPccClient } from "@callboard/stringee";
import type { Logger } from "pino";
import type { Core } from "../core.ts";
import type { AppPresence } from "../desk/app-presence.ts";
import type { StringeeConfig } from "../env.ts";
import { handleAgentToken } from "./agent-token.ts";
import { handleCallEvents } from "./call-events.ts";
import { handleCustomerInfo } from "./customer-info.ts";
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
  /** The App/Web login tracker, shared with the agent desk. */
  appPresence: AppPresence;
  /** Tests call PCC's fake with a real fetch; injectable for nothing else. */
  fetch?: typeof globalThis.fetch;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The connector's doors, mounted by the server's route table (apps/server/src/routes.ts), which
 * also holds their paths, listeners, guards (operator token, routing key) and CORS policies.
 */
export interface ConnectorHandlers {
  /** PCC's get_list_agents_url. */
  routing: Handler;
  /** PCC's event_url (call events, signed). */
  events: Handler;
  /** Agents' clients report their online signals (their access token authenticates them). */
  presence: Handler;
  /** The back office asks for an agent's access token. */
  agentToken: Handler;
  /** PCC's get_customer_info_url: the ringing call's caller and queue, for the agent's SDK. */
  customerInfo: Handler;
}

export interface Connector {
  /** What the board's connector panel shows. */
  panel: ConnectorPanel;
  handlers: ConnectorHandlers;
  syncNow(): Promise<void>;
  /**
   * Writes a supervisor's manual status change to PCC first (PCC is the source the sync reads; without
   * this the next sync would undo the change), then records it. PCC refusing it refuses the change.
   */
  setManualStatus(agentId: string, status: ManualStatus): Promise<void>;
  /** An admin's new agent, created at PCC first (POST /v1/agent) for the same reason. */
  createAgent(agent: AgentProfile, status: ManualStatus): Promise<void>;
  /** An admin's edit of an agent's profile, written to PCC first (PUT /v1/agent/{id}). */
  updateAgent(agent: AgentProfile): Promise<void>;
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
  const { appPresence } = options;
  const presence = new PresenceEndpoint({ core, state, keySecret: config.keySecret, clock, appPresence });
  const sync = startSync({
    core,
    client,
    config,
    state,
    logger,
    clock,
    clientLoggedIn: (agentId) => appPresence.reportsApp(agentId),
  });
  const warnings = new WarnOnce();
  const writeThrough = startWriteThrough({ core, client, pccAgentIds: sync.pccAgentIds, state, clock });
  const handlers: ConnectorHandlers = {
    routing: (req, res) =>
      handleRoutingWebhook(req, res, {
        core,
        log,
        list: config.routingList,
        warnings,
        state,
        logger,
        clock,
      }),
    events: (req, res) =>
      handleCallEvents(req, res, { core, state, signingSecret: config.signingSecret, logger, clock }),
    presence: (req, res) => presence.handle(req, res),
    agentToken: (req, res) => handleAgentToken(req, res, { core, config, clock }),
    customerInfo: (req, res) => handleCustomerInfo(req, res, { core, config }),
  };
  return {
    panel: state,
    handlers,
    syncNow: () => sync.syncNow(),
    setManualStatus: writeThrough.setManualStatus,
    createAgent: writeThrough.createAgent,
    updateAgent: writeThrough.updateAgent,
    close() {
      writeThrough.stop();
      sync.stop();
    },
  };
}
