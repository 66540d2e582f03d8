import type { LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { recordedBehaviour } from "./behaviour.ts";
import { MINUTE, simulatedLog, stateAt, T0 } from "./day.test-helpers.ts";
import { planChange } from "./plan.ts";
import { runPeriod } from "./run.ts";
import { splitAt } from "./split.ts";
import { copyState, runWhatIf } from "./whatif.ts";

const isTimer = (e: LoggedEvent) =>
  (e.type === "call.offer_ended" && e.reason === "TIMEOUT") ||
  (e.type === "call.finished" && e.outcome === "timed_out") ||
  e.type === "agent.wrap_up_ended";

/**
 * The tool's proof: the recorded inputs of a simulated stretch, replayed with no change through the
 * what-if model (answers, declines and ends of calls driven by the agents' recorded behaviour, the
 * engine woken where the log shows), give back the recorded events — every decision, seq and time.
 */
describe("a what-if with no change", () => {
  const log = simulatedLog({ minutes: 6 * 60 });
  const from = T0 + 60 * MINUTE;
  const to = T0 + 5 * 60 * MINUTE;
  const first = splitAt(log, from);
  const end = splitAt(log, to);
  const period = log.slice(first, end);

  it("reproduces the recorded period event for event", { timeout: 60_000 }, () => {
    const start = stateAt(log, first);
    const plan = planChange(start, period, "unused", { kind: "none" });
    const applied: LoggedEvent[] = [];
    const run = runPeriod(copyState(start), period, to, plan, recordedBehaviour(period), 1, {
      applied: (e) => applied.push(e),
    });
    expect(period.filter((e) => e.type === "call.offered").length).toBeGreaterThan(500);
    expect(run.refused).toBe(0);
    const firstDiff = applied.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(period[i]));
    if (firstDiff >= 0)
      expect(applied[firstDiff], `first difference at ${firstDiff}`).toEqual(period[firstDiff]);
    // The period ends between steps: timers due before its end that the live core fired at a later
    // step are the only events the run may not have reached.
    expect(period.slice(applied.length).every(isTimer)).toBe(true);
    expect(period.length - applied.length).toBeLessThan(10);
  });

  it("shows no differing decision and the same figures for both runs", { timeout: 60_000 }, () => {
    const queueId = period.find((e) => e.type === "call.arrived")!.queueId;
    const result = runWhatIf({
      start: stateAt(log, first),
      period,
      from,
      to,
      queueId,
      change: { kind: "none" },
      seed: 1,
    });
    if (result.kind !== "done") throw new Error("expected a result");
    expect(result.decisions.differing).toBe(0);
    expect(result.decisions.real).toBeGreaterThan(100);
    expect(result.whatIf).toEqual(result.real);
    expect(result.real.kpi.answered).toBeGreaterThan(50);
    expect(result.real.waiting).toHaveLength(4 * 60);
  });
});
