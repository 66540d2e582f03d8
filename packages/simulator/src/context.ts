import type { CenterState, InputEvent, ManualStatus } from "@callboard/routing";
import type { Rng } from "./prng.ts";
import type { Roster, RosterAgent } from "./roster.ts";
import type { Schedule } from "./schedule.ts";

/** Something the simulator has decided will happen; re-checked against the state when it comes due. */
export type Action =
  | { kind: "arrival"; at: number }
  | { kind: "answer"; callId: string; agentId: string; offer: number; offerExpiresAt: number }
  | { kind: "end"; callId: string }
  | { kind: "abandon"; callId: string }
  | { kind: "activity"; agentId: string }
  | { kind: "return"; agentId: string; restore: Restore }
  | { kind: "recover"; agentId: string };

/** What ends an agent's activity: the status it went to (only undone if still set), or a signal to restore. */
export type Restore =
  | { what: "status"; from: ManualStatus }
  | { what: "app" }
  | { what: "sip" }
  | { what: "push" }
  | { what: "login" };

/**
 * Order of due actions inside one tick. Agents change first (breaks start only when idle), then
 * answers, then hang-ups, then new calls: an arrival or a hang-up makes the engine offer calls, and
 * doing those last keeps a break from cutting short an offer made a moment earlier in the same tick.
 */
export const PHASE: Record<Action["kind"], number> = {
  activity: 0,
  return: 0,
  recover: 0,
  answer: 1,
  end: 2,
  abandon: 2,
  arrival: 3,
};

/** What the simulator remembers about a live call so it decides each thing once. */
export interface CallPlan {
  /** The offer (call.offers) whose ringing agents are being decided. */
  offer: number;
  /** Agents of that offer already decided (answer or ring out): with ring-all, each draws for itself. */
  decided: Set<string>;
  abandonScheduled: boolean;
  endScheduled: boolean;
}

/** The simulator's private, mutable memory; one per simulator instance. */
export interface SimContext {
  readonly rng: Rng;
  readonly speed: number;
  readonly roster: Roster;
  readonly agents: Map<string, RosterAgent>;
  readonly schedule: Schedule<Action>;
  readonly calls: Map<string, CallPlan>;
  readonly lunchTaken: Set<string>;
  /** Agents the engine set Not available after missed offers, whose return to Available is scheduled. */
  readonly recovering: Set<string>;
  /** Seed in a short form, part of every call id so runs with different seeds never collide. */
  readonly seedTag: string;
  callNo: number;
  tokenNo: number;
}

/**
 * One tick's work in progress. The state is the one passed to tick (before any of this tick's events),
 * so the sets record what this tick already did and later actions defer rather than race it.
 */
export interface Batch {
  readonly state: CenterState;
  readonly now: number;
  readonly events: InputEvent[];
  readonly touchedCalls: Set<string>;
  readonly changedAgents: Set<string>;
  readonly deferred: Action[];
  /** Agents people drive from the agent desk this tick: the simulator neither answers nor moves them. */
  readonly driven: ReadonlySet<string>;
}

/** The time `ms` of real-world behaviour after `now`, compressed by the simulator's speed. */
export function later(ctx: SimContext, now: number, ms: number): number {
  return now + Math.max(1, Math.round(ms / ctx.speed));
}
