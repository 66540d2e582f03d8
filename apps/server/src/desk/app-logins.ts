import type { Agent } from "@callboard/routing";

/**
 * Which agents' App/Web clients are logged in, and until when: a client repeats "online" within its
 * ttl, and silence logs it out. Pure bookkeeping; the presence endpoint sweeps it on a timer.
 */
export class AppLogins {
  private readonly until = new Map<string, number>();

  /**
   * After a restart no heartbeat is known: every App/Web login the state records gets `graceMs` to
   * report again, or it counts as logged out.
   */
  constructor(agents: Iterable<Agent>, now: number, graceMs: number) {
    for (const agent of agents) if (agent.presence.app) this.until.set(agent.id, now + graceMs);
  }

  /** The client reported itself online until `until`. */
  beat(agentId: string, until: number): void {
    this.until.set(agentId, until);
  }

  /** The client has reported itself online and not gone silent. */
  has(agentId: string): boolean {
    return this.until.has(agentId);
  }

  /** The client logged out: no expiry to watch. */
  forget(agentId: string): void {
    this.until.delete(agentId);
  }

  /** Takes out and returns the logins that went silent by `now`. */
  expired(now: number): string[] {
    const silent: string[] = [];
    for (const [agentId, until] of this.until) {
      if (until > now) continue;
      this.until.delete(agentId);
      silent.push(agentId);
    }
    return silent;
  }
}
