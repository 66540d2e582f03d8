import type { InputEvent } from "@callboard/routing";
import type { Core } from "../core.ts";
import { AppLogins } from "./app-logins.ts";

/** A restarted core waits this long for logged-in clients' next heartbeat (the presence report's default ttl). */
export const RESTART_GRACE_MS = 60_000;
/** How often silent App/Web logins are looked for: a logout is noticed at most this late. */
export const SWEEP_MS = 5_000;

/**
 * The App/Web login signal, fed by agents' own clients: Stringee clients through
 * `/stringee/presence` (their access token) and Callboard's agent desk through the agent's session
 * (`desk.presence`). One tracker for both, so two sources never fight over one agent: a client
 * repeats "online" within its ttl, and silence logs it out (swept every SWEEP_MS). Heartbeats that
 * change nothing are not logged (submitIfChanged).
 */
export class AppPresence {
  private readonly logins: AppLogins;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      core: Core;
      clock: () => number;
      /** A sweep's logout could not be recorded (the core refused or is stopping). */
      onProblem: (message: string) => void;
      /**
       * Stringee mode: every App/Web login the state holds at boot came from a client, and gets
       * RESTART_GRACE_MS to report again. Standalone mode: the simulator and operators' feeds log
       * agents in too, without heartbeats, so nothing is assumed at boot (a desk's next heartbeat
       * puts it back under watch).
       */
      watchLoginsAtBoot: boolean;
    },
  ) {
    const atBoot = deps.watchLoginsAtBoot ? Object.values(deps.core.state.agents) : [];
    this.logins = new AppLogins(atBoot, deps.clock(), RESTART_GRACE_MS);
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  /** The client is logged in for `ttlMs` more (a heartbeat), or logged out. */
  report(agentId: string, online: boolean, ttlMs: number): Promise<unknown> {
    if (online) this.logins.beat(agentId, this.deps.clock() + ttlMs);
    else this.logins.forget(agentId);
    return this.deps.core.submitIfChanged({
      type: "agent.presence_changed",
      agentId,
      signal: "app",
      online,
    });
  }

  /** The agent's own client reports its App/Web login (and keeps it alive): that beats any other source. */
  reportsApp(agentId: string): boolean {
    return this.logins.has(agentId);
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Logs out the App/Web clients that went silent. */
  sweep(): void {
    const { core, clock } = this.deps;
    for (const agentId of this.logins.expired(clock())) {
      const input: InputEvent = { type: "agent.presence_changed", agentId, signal: "app", online: false };
      core.submitIfChanged(input).catch((error: Error) => this.deps.onProblem(error.message));
    }
  }
}
