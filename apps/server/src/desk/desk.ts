import type { DeskHandle, TelephonyPort } from "@callboard/api";
import { DESK_PRESENCE_TTL_MS, type DeskToken } from "@callboard/contracts";
import type { AppPresence } from "./app-presence.ts";
import { Softphones } from "./softphones.ts";

export interface Desk extends DeskHandle {
  /** Agents whose softphone is open in a tab now: people drive them, so the simulator leaves them be. */
  agentsAtDesk(): Set<string>;
}

/**
 * The server side of the agent desk: the telephony port, the page's presence (one App/Web login
 * signal shared with Stringee clients, AppPresence) and which tab holds each agent's softphone.
 */
export function createDesk(deps: {
  clock: () => number;
  appPresence: AppPresence;
  telephony: TelephonyPort;
  /** Stringee mode only. */
  issueToken: ((agentId: string) => Promise<DeskToken>) | null;
}): Desk {
  const { clock, appPresence } = deps;
  const softphones = new Softphones();
  return {
    telephony: deps.telephony,
    issueToken: deps.issueToken,
    holdsSoftphone: (agentId, deviceId) => softphones.holds(agentId, deviceId, clock()),
    agentsAtDesk: () => softphones.agentsAt(clock()),
    async presence(agentId, report) {
      const now = clock();
      if (report.online) {
        const holds = softphones.claim(
          agentId,
          report.deviceId,
          now,
          now + DESK_PRESENCE_TTL_MS,
          report.takeOver ?? false,
        );
        // Another tab holds the softphone: that tab's heartbeats keep the agent online.
        if (holds) await appPresence.report(agentId, true, DESK_PRESENCE_TTL_MS);
        return { online: true, holdsSoftphone: holds };
      }
      if (softphones.release(agentId, report.deviceId)) await appPresence.report(agentId, false, 0);
      return { online: false, holdsSoftphone: false };
    },
  };
}
