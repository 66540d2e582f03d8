import { DomainRejectedError } from "@callboard/contracts";
import { hasTrackedCall, type InputEvent, own, SystemStatus } from "@callboard/routing";
import { type PccClient, PccError, pullCenter, reconcile } from "@callboard/stringee";
import type { Logger } from "pino";
import type { Core } from "../core.ts";
import type { StringeeConfig } from "../env.ts";
import type { ConnectorPanel } from "./status.ts";

export interface SyncOptions {
  core: Core;
  client: PccClient;
  config: StringeeConfig;
  state: ConnectorPanel;
  logger: Logger;
  clock: () => number;
  /**
   * The agent's own client reports its App/Web login: PCC's undocumented device_status must not
   * overrule it (STRINGEE_DEVICE_STATUS_ONLINE applies to the others only).
   */
  clientLoggedIn: (agentId: string) => boolean;
}

/** First retry after a failed sync; doubles up to the sync interval. */
const FIRST_RETRY_MS = 5_000;

/**
 * Pulls the whole center from PCC at start and on every interval, and submits what changed as
 * ordinary inputs. A failed sync is shown on the panel and retried sooner (backoff up to the
 * interval) — it never stops silently.
 */
export function startSync(options: SyncOptions): {
  syncNow(): Promise<void>;
  stop(): void;
  /** PCC's agent id (`AG_…`) per stringee_user_id, from the last successful pull. */
  pccAgentIds: Map<string, string>;
} {
  const { config, state, clock, logger } = options;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let failures = 0;
  let running: Promise<void> | null = null;
  const pccAgentIds = new Map<string, string>();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    state.status.sync.nextAt = clock() + delayMs;
    timer = setTimeout(() => void syncNow(), delayMs);
    timer.unref();
  };

  const syncNow = (): Promise<void> => {
    running ??= syncOnce(options, pccAgentIds)
      .then(() => {
        failures = 0;
        schedule(config.syncIntervalMs);
      })
      .catch((error: unknown) => {
        failures++;
        const message =
          error instanceof PccError ? error.message : `sync failed: ${(error as Error).message}`;
        state.status.sync.state = "failed";
        state.problem("sync", message, clock());
        logger.warn({ failures, message }, "Stringee sync failed; retrying");
        schedule(Math.min(config.syncIntervalMs, FIRST_RETRY_MS * 2 ** (failures - 1)));
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  void syncNow();
  return {
    syncNow,
    pccAgentIds,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * How long a call must have been talked on before PCC's "free" (system_status 1, which PCC's docs
 * say it keeps at 0 during a call) for its agent means the call's ended event was lost.
 */
const LOST_END_AFTER_MS = 60_000;

/** The call the agent talks on, if it was answered before `answeredBefore` (else null). */
function lostEnd(core: Core, callId: string | null, answeredBefore: number): string | null {
  const call = callId === null ? undefined : own(core.state.calls, callId);
  return call?.answeredAt != null && call.answeredAt < answeredBefore ? call.id : null;
}

async function syncOnce(
  { core, client, config, state, clock, logger, clientLoggedIn }: SyncOptions,
  pccAgentIds: Map<string, string>,
): Promise<void> {
  const started = clock();
  const sync = state.status.sync;
  sync.lastAttemptAt = started;
  const pulled = await pullCenter(client);
  // What changed in Callboard while the pull was on the wire is newer than PCC's answer: leave it.
  const changedSincePull = (agentId: string) => (own(core.state.agents, agentId)?.since ?? 0) > started;
  const result = reconcile(pulled, core.state);
  pccAgentIds.clear();
  for (const agent of pulled.agents) pccAgentIds.set(agent.stringee_user_id, agent.id);
  const inputs: InputEvent[] = result.events.filter(
    (e) => e.type !== "agent.manual_status_set" || !changedSincePull(e.agentId),
  );
  // Agents this pull creates get PCC's system status in result.events, right after their upsert;
  // these are the agents Callboard already had.
  for (const { agentId, systemStatus } of result.systemStatuses) {
    const agent = own(core.state.agents, agentId);
    // Only where PCC and Callboard disagree and Callboard tracks no call of the agent (the engine
    // refuses otherwise). Any number PCC reports is passed on: only 1 is free.
    if (!agent || systemStatus === null || agent.systemStatus === systemStatus) continue;
    if (changedSincePull(agentId)) continue;
    const stuck =
      systemStatus === SystemStatus.FREE
        ? lostEnd(core, agent.activeCallId, started - LOST_END_AFTER_MS)
        : null;
    if (stuck) {
      // PCC has had the agent free for a while, yet Callboard still sees the call: its `ended` event was
      // lost. End it, or the agent never rings again.
      inputs.push({
        type: "call.ended",
        callId: stuck,
        cause: "PCC reports the agent free; the ended event never came",
      });
      continue;
    }
    if (hasTrackedCall(agent)) continue;
    inputs.push({ type: "agent.system_status_reported", agentId, systemStatus });
  }
  if (config.deviceStatusOnline) {
    for (const pcc of pulled.agents) {
      const agent = own(core.state.agents, pcc.stringee_user_id);
      const online = pcc.device_status != null && config.deviceStatusOnline.includes(pcc.device_status);
      if (agent && !clientLoggedIn(agent.id) && agent.presence.app !== online) {
        inputs.push({ type: "agent.presence_changed", agentId: agent.id, signal: "app", online });
      }
    }
  }
  const warnings = [...result.warnings];
  for (const input of inputs) {
    try {
      await core.submit(input);
    } catch (error) {
      if (!(error instanceof DomainRejectedError)) throw error;
      warnings.push(`${input.type} refused: ${error.message}`);
    }
  }
  Object.assign(sync, {
    state: "ok",
    lastSuccessAt: clock(),
    durationMs: clock() - started,
    agents: pulled.agents.length,
    groups: pulled.groups.length,
    queues: pulled.queues.length,
    changes: inputs.length,
    warnings: warnings.slice(0, 50),
  });
  logger.info({ changes: inputs.length, warnings: warnings.length }, "Stringee sync done");
}
