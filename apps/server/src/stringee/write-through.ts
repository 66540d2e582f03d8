import { PccWriteError } from "@callboard/contracts";
import type { AgentProfile, ManualStatus } from "@callboard/routing";
import { PCC_MANUAL_STATUS, type PccAgentInput, type PccClient, PccError } from "@callboard/stringee";
import type { Core } from "../core.ts";
import type { ConnectorPanel } from "./status.ts";

export interface WriteThroughOptions {
  core: Core;
  client: PccClient;
  /** PCC's agent id per stringee_user_id, from the last sync. */
  pccAgentIds: ReadonlyMap<string, string>;
  state: ConnectorPanel;
  clock: () => number;
}

/**
 * Manual status changes made in Callboard, written to PCC: PCC is what the sync reads, so a change
 * PCC never heard of would be undone by the next sync. A supervisor's change waits for PCC; the
 * engine's automatic Not available (after repeated misses) is already recorded and follows.
 */
export function startWriteThrough({ core, client, pccAgentIds, state, clock }: WriteThroughOptions) {
  const pccIdOf = (agentId: string): string => {
    const pccId = pccAgentIds.get(agentId);
    if (pccId === undefined) {
      throw new PccWriteError(
        "NOT_SYNCED",
        `agent "${agentId}" is not synced from PCC yet; try again after the next sync`,
      );
    }
    return pccId;
  };
  /** One PCC write; PCC's refusal refuses the change (and shows on the panel). */
  const write = async (what: string, call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof PccError)) throw error;
      state.problem("sync", `${what} at PCC failed: ${error.message}`, clock());
      throw new PccWriteError("PCC_REFUSED", `PCC refused the change: ${error.message}`, { cause: error });
    }
  };
  const setManualStatus = async (agentId: string, status: ManualStatus): Promise<void> => {
    const pccId = pccIdOf(agentId);
    await write(`writing ${agentId}'s manual status`, () =>
      client.updateAgent(pccId, { manual_status: PCC_MANUAL_STATUS[status] }),
    );
  };
  /** POST /v1/agent: the admin's new agent exists at PCC before Callboard records it. */
  const createAgent = async (agent: AgentProfile, status: ManualStatus): Promise<void> => {
    await write(`creating agent ${agent.id}`, () =>
      client.createAgent({ ...pccAgentFields(agent), manual_status: PCC_MANUAL_STATUS[status] }),
    );
  };
  /** PUT /v1/agent/{id}: name, number and routing type, as the sync will read them back. */
  const updateAgent = async (agent: AgentProfile): Promise<void> => {
    const pccId = pccIdOf(agent.id);
    await write(`updating agent ${agent.id}`, () => client.updateAgent(pccId, pccAgentFields(agent)));
  };
  const stop = core.onAppended((events) => {
    for (const event of events) {
      if (event.type !== "call.offer_ended") continue;
      for (const agentId of event.autoNotAvailable) {
        setManualStatus(agentId, "NOT_AVAILABLE").catch(() => {
          // A PCC failure is on the panel already; an agent not synced yet has nothing at PCC to update.
        });
      }
    }
  });
  return { setManualStatus, createAgent, updateAgent, stop };
}

/** An agent's profile in PCC's names; no number is an empty one (the sync reads "" back as none). */
function pccAgentFields(agent: AgentProfile): PccAgentInput {
  return {
    name: agent.name,
    stringee_user_id: agent.id,
    routing_type: agent.routingType,
    phone_number: agent.phoneNumber ?? "",
  };
}
