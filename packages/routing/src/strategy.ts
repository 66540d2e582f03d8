import type { Agent } from "./agent.ts";
import type { Strategy } from "./queue.ts";

/** What each strategy orders by (lower rings first); ties go to the lower agent id. */
export const STRATEGY_KEY: Record<Strategy, string> = {
  "longest-idle": "free since (earliest first)",
  "round-robin": "turns after the agent offered last in this queue",
  "fewest-calls": "answered calls (fewest first)",
  "least-talk-time": "total talk time (least first)",
  "top-down": "position in the queue's groups (first first)",
  random: "seeded random draw",
  "ring-all": "free since (all ring at once)",
};

export interface KeyContext {
  /** Agent ids in the queue's fixed order: groups in queue order, members in group order. */
  roster: readonly string[];
  /** Index in `roster` of the agent offered last in this queue (round-robin), or -1. */
  lastOfferedIndex: number;
  callId: string;
  attempt: number;
  seed: number;
}

/** The ordering key of one agent under a strategy. Pure: the same inputs give the same key. */
export function strategyKey(strategy: Strategy, agent: Agent, rosterIndex: number, ctx: KeyContext): number {
  switch (strategy) {
    case "longest-idle":
    case "ring-all":
      return agent.idleSince;
    case "fewest-calls":
      return agent.answeredCalls;
    case "least-talk-time":
      return agent.talkTimeMs;
    case "top-down":
      return rosterIndex;
    case "round-robin": {
      const n = ctx.roster.length;
      return (rosterIndex - ctx.lastOfferedIndex - 1 + n) % n;
    }
    case "random":
      return hash32(`${ctx.seed}|${ctx.callId}|${ctx.attempt}|${agent.id}`);
  }
}

/** FNV-1a: a stable 32-bit hash, so "random" is reproducible from the log. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
