/**
 * Which tab holds each agent's softphone. One tab per agent rings and may answer; another tab of the
 * same agent is told so, and may take the softphone over (the first then says it lost it). A holder
 * that stops reporting for its ttl (the tab was closed without a word, the laptop slept) lets go by
 * itself. Pure bookkeeping over the times it is given.
 */
export class Softphones {
  private readonly holders = new Map<string, { deviceId: string; until: number }>();

  /**
   * The tab `deviceId` reports itself open until `until`; true when it holds (or now takes) the
   * softphone: nobody held it, the holder went silent, it was this tab already, or it takes over.
   */
  claim(agentId: string, deviceId: string, now: number, until: number, takeOver = false): boolean {
    const holder = this.holders.get(agentId);
    if (holder && holder.deviceId !== deviceId && holder.until > now && !takeOver) return false;
    this.holders.set(agentId, { deviceId, until });
    return true;
  }

  /** The tab closes: it lets go if it held the softphone; true when it did. */
  release(agentId: string, deviceId: string): boolean {
    if (this.holders.get(agentId)?.deviceId !== deviceId) return false;
    this.holders.delete(agentId);
    return true;
  }

  holds(agentId: string, deviceId: string, now: number): boolean {
    const holder = this.holders.get(agentId);
    return holder !== undefined && holder.deviceId === deviceId && holder.until > now;
  }

  /** Agents whose softphone is open in some tab at `now` (people, not the simulator, drive them). */
  agentsAt(now: number): Set<string> {
    const agents = new Set<string>();
    for (const [agentId, holder] of this.holders) if (holder.until > now) agents.add(agentId);
    return agents;
  }
}
