import { PccWriteError } from "@callboard/contracts";
import type { ManualStatus } from "@callboard/routing";
import { PCC_MANUAL_STATUS, type PccClient, PccError } from "@callboard/stringee";
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
  const setManualStatus = async (agentId: string, status: ManualStatus): Promise<void> => {
    const pccId = pccAgentIds.get(agentId);
    if (pccId === undefined) {
      throw new PccWriteError(
        "NOT_SYNCED",
        `agent "${agentId}" is not synced from PCC yet; try again after the next sync`,
      );
    }
    try {
      await client.updateAgent(pccId, { manual_status: PCC_MANUAL_STATUS[status] });
    } catch (error) {
      if (!(error instanceof PccError)) throw error;
      state.problem("sync", `writing ${agentId}'s manual status to PCC failed: ${error.message}`, clock());
      throw new PccWriteError("PCC_REFUSED", `PCC refused the change: ${error.message}`, { cause: error });
    }
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
  return { setManualStatus, stop };
}
