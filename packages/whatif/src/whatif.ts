import { applyEvent, type CenterState, type LoggedEvent } from "@callboard/routing";
import { recordedBehaviour } from "./behaviour.ts";
import type { WhatIfChange } from "./change.ts";
import { compareDecisions, type DecisionComparison } from "./compare.ts";
import { type RunFigures, RunMeter, SAMPLE_MS } from "./measure.ts";
import { type ChangePlan, planChange } from "./plan.ts";
import { runPeriod } from "./run.ts";

/** The differing decisions a result carries, each with both candidate tables. */
export const DIFFS_SHOWN = 5;

export interface WhatIfInput {
  /** The center as it stood at `from` (the log folded up to its first event at or after `from`); not modified. */
  start: CenterState;
  /** The recorded events from the first at or after `from`, up to the last before `to`, in seq order. */
  period: readonly LoggedEvent[];
  from: number;
  to: number;
  queueId: string;
  change: WhatIfChange;
  /** Seeds the draws (fixed per run, so a what-if gives the same answer every time). */
  seed: number;
  progress?: (fraction: number) => void;
}

export type WhatIfResult =
  | { kind: "no-data"; queueId: string; from: number; to: number }
  | {
      kind: "done";
      queueId: string;
      from: number;
      to: number;
      change: WhatIfChange;
      seed: number;
      sampleMs: number;
      real: RunFigures;
      whatIf: RunFigures;
      decisions: DecisionComparison;
      agents: ChangePlan["agents"];
      /** The names of the agents in the differing decisions' candidate tables (added agents included). */
      names: Record<string, string>;
      /** Inputs the what-if run refused (e.g. a recorded status change for a removed agent's call). */
      refused: number;
    };

/** A deep copy of a center: its state is plain JSON (docs/architecture.md, State shape). */
export const copyState = (state: CenterState): CenterState =>
  JSON.parse(JSON.stringify(state)) as CenterState;

/** True when a call of the queue arrived in the period: without one there is nothing to compare. */
export function periodHasCalls(period: readonly LoggedEvent[], queueId: string): boolean {
  return period.some((e) => e.type === "call.arrived" && e.queueId === queueId);
}

/**
 * Runs the period twice from the same start: as recorded (the log folded, nothing decided) and
 * under the change (runPeriod), measures both with the same KPI fold and compares their decisions.
 */
export function runWhatIf(input: WhatIfInput): WhatIfResult {
  const { start, period, from, to, queueId, change, seed } = input;
  if (!periodHasCalls(period, queueId)) return { kind: "no-data", queueId, from, to };

  const realState = copyState(start);
  const realMeter = new RunMeter(start, queueId, from, to);
  for (const e of period) {
    realMeter.sampleUntil(realState, e.at);
    applyEvent(realState, e);
    realMeter.observe(e, realState);
  }
  const real = realMeter.finish(realState);
  input.progress?.(0);

  const whatIfState = copyState(start);
  whatIfState.clock = Math.max(whatIfState.clock, from);
  const meter = new RunMeter(start, queueId, from, to);
  const plan = planChange(start, period, queueId, change);
  const run = runPeriod(whatIfState, period, to, plan, recordedBehaviour(period), seed, {
    beforeStep: (state, at) => meter.sampleUntil(state, at),
    applied: (e, state) => meter.observe(e, state),
    progress: input.progress,
  });
  const whatIf = meter.finish(run.state);
  const decisions = compareDecisions(realMeter.offers, meter.offers, DIFFS_SHOWN);
  const names: Record<string, string> = {};
  for (const diff of decisions.first)
    for (const d of [diff.real, diff.whatIf])
      for (const id of d?.table.agentIds ?? [])
        names[id] ??= run.state.agents[id]?.name ?? realState.agents[id]?.name ?? id;
  return {
    kind: "done",
    queueId,
    from,
    to,
    change,
    seed,
    sampleMs: SAMPLE_MS,
    real,
    whatIf,
    decisions,
    agents: plan.agents,
    names,
    refused: run.refused,
  };
}
