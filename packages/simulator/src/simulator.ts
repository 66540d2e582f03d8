import type { CenterState, InputEvent } from "@callboard/routing";
import { runAgentAction, startAgents } from "./agents.ts";
import { observeCalls, runCallAction, startArrivals } from "./calls.ts";
import { type Action, type Batch, PHASE, type SimContext } from "./context.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { observeAgents, runRecover } from "./recovery.ts";
import { buildRoster } from "./roster.ts";
import { Schedule } from "./schedule.ts";
import { setupEvents } from "./setup.ts";

/** How to shape the simulated center; everything but the seed has a demo-friendly default. */
export interface SimulatorOptions {
  /** Same seed, same center and, for the same tick times, the same traffic. */
  seed: number;
  /** Number of agents (default 40). */
  agents?: number;
  /** Number of queues (default: defaultQueueCount(agents), 3 for the demo: Sales, Support, Billing). */
  queues?: number;
  /** Time compression (default 1): 10 makes calls arrive, talk and end ten times faster. */
  speed?: number;
}

/**
 * A source of demo traffic. It only produces ordinary InputEvents, which the server submits like any
 * external source's: the simulator never touches the core's state, it only reads it.
 */
export interface Simulator {
  /**
   * Events that create the center: every agent, group and queue, logins and starting manual statuses.
   * Call once, before the first tick.
   */
  setup(now: number): InputEvent[];
  /**
   * Everything due at `now`, reacting to the current state (pass the state after the engine has
   * settled at `now`). Submit the returned events in order, all at the same `now`. Agents in
   * `driven` are signed in on the agent desk: people answer, hang up and change status for them,
   * so the simulator leaves them alone (their callers still call, wait and hang up).
   */
  tick(state: CenterState, now: number, driven?: ReadonlySet<string>): InputEvent[];
}

export const DEFAULT_AGENTS = 40;

/**
 * Queues for a roster of `agents` when none is asked: one per 200 agents, between 3 (the demo's
 * Sales, Support, Billing) and 50 (a 10,000-agent center's).
 * @example defaultQueueCount(40) === 3; defaultQueueCount(10_000) === 50
 */
export function defaultQueueCount(agents: number): number {
  return Math.min(50, Math.max(3, Math.round(agents / 200)));
}

const NOBODY: ReadonlySet<string> = new Set();
const ROSTER_STREAM = 1;
const TRAFFIC_STREAM = 2;

/**
 * Creates a seeded, deterministic simulator: no clock and no Math.random(), so a demo, a test and a
 * replay given the same seed and tick times produce the same events.
 * @example
 * const sim = createSimulator({ seed: 7 });
 * for (const e of sim.setup(now)) step(state, e, now);
 * // every 250 ms: step(state, null, now); for (const e of sim.tick(state, now)) step(state, e, now);
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const { seed, agents = DEFAULT_AGENTS, speed = 1 } = options;
  const queues = options.queues ?? defaultQueueCount(agents);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number (got ${seed})`);
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`agents must be an integer ≥ 1`);
  if (!Number.isInteger(queues) || queues < 1) throw new RangeError(`queues must be an integer ≥ 1`);
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number`);

  const roster = buildRoster(createRng(deriveSeed(seed, ROSTER_STREAM)), agents, queues);
  const ctx: SimContext = {
    rng: createRng(deriveSeed(seed, TRAFFIC_STREAM)),
    speed,
    roster,
    agents: new Map(roster.agents.map((a) => [a.profile.id, a])),
    schedule: new Schedule<Action>(),
    calls: new Map(),
    lunchTaken: new Set(),
    recovering: new Set(),
    seedTag: (Math.trunc(seed) >>> 0).toString(36),
    callNo: 0,
    tokenNo: 0,
  };
  let started = false;
  const start = (now: number) => {
    if (started) return;
    started = true;
    startAgents(ctx, now);
    startArrivals(ctx, now);
  };

  return {
    setup(now) {
      start(now);
      return setupEvents(ctx);
    },
    tick(state, now, driven = NOBODY) {
      start(now);
      observeCalls(ctx, state, now, driven);
      observeAgents(ctx, state, now);
      const batch: Batch = {
        state,
        now,
        events: [],
        touchedCalls: new Set(),
        changedAgents: new Set(),
        deferred: [],
        driven,
      };
      // Array sort is stable, so within a phase actions keep their schedule order.
      const due = ctx.schedule.popDue(now).sort((a, b) => PHASE[a.kind] - PHASE[b.kind]);
      for (const action of due) {
        if (action.kind === "activity" || action.kind === "return") runAgentAction(ctx, batch, action);
        else if (action.kind === "recover") runRecover(ctx, batch, action);
        else runCallAction(ctx, batch, action);
      }
      for (const action of batch.deferred) ctx.schedule.push(now, action);
      return batch.events;
    },
  };
}
