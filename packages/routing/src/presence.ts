import type { Agent } from "./agent.ts";

export const PresenceSignal = { APP: "app", PUSH: "push", SIP: "sip" } as const;
export type PresenceSignal = (typeof PresenceSignal)[keyof typeof PresenceSignal];

/** Which of PCC's three online signals an agent has right now, in a stable order. */
export function onlineSignals(agent: Pick<Agent, "presence">): PresenceSignal[] {
  const signals: PresenceSignal[] = [];
  if (agent.presence.app) signals.push(PresenceSignal.APP);
  if (agent.presence.pushTokens.length > 0) signals.push(PresenceSignal.PUSH);
  if (agent.presence.sip) signals.push(PresenceSignal.SIP);
  return signals;
}

/** PCC: online if logged in on App/Web, OR has a push token after one App login, OR has a SIP phone registered. */
export function isOnline(agent: Pick<Agent, "presence">): boolean {
  return onlineSignals(agent).length > 0;
}
