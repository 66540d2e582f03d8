import type { Agent, Presence } from "./agent.ts";

export const PresenceSignal = { APP: "app", PUSH: "push", SIP: "sip" } as const;
export type PresenceSignal = (typeof PresenceSignal)[keyof typeof PresenceSignal];

/** One bit per online signal, in onlineSignals()' order; decisions pack them into their candidate tables. */
export const SIGNAL_BIT = { app: 1, push: 2, sip: 4 } as const satisfies Record<PresenceSignal, number>;

/**
 * PCC's three online signals as a bit set (SIGNAL_BIT), without allocating — the one place that says
 * what each signal is: logged in on App/Web, a push token after one App login, a registered SIP phone.
 * @example signalBits({ app: false, pushTokens: ["ios"], sip: true }) === (SIGNAL_BIT.push | SIGNAL_BIT.sip)
 */
export function signalBits(presence: Presence): number {
  return (
    (presence.app ? SIGNAL_BIT.app : 0) |
    (presence.pushTokens.length > 0 ? SIGNAL_BIT.push : 0) |
    (presence.sip ? SIGNAL_BIT.sip : 0)
  );
}

/** The signals in a bit set from signalBits, in a stable order (app, push, sip). */
export function signalsOf(bits: number): PresenceSignal[] {
  const signals: PresenceSignal[] = [];
  if (bits & SIGNAL_BIT.app) signals.push(PresenceSignal.APP);
  if (bits & SIGNAL_BIT.push) signals.push(PresenceSignal.PUSH);
  if (bits & SIGNAL_BIT.sip) signals.push(PresenceSignal.SIP);
  return signals;
}

/** Which of PCC's three online signals an agent has right now, in a stable order (for people: badges). */
export function onlineSignals(agent: Pick<Agent, "presence">): PresenceSignal[] {
  return signalsOf(signalBits(agent.presence));
}

/**
 * PCC: online if logged in on App/Web, OR has a push token after one App login, OR has a SIP phone
 * registered. Allocation-free: eligibility asks it for every candidate of every decision.
 */
export function isOnline(agent: Pick<Agent, "presence">): boolean {
  return signalBits(agent.presence) !== 0;
}
