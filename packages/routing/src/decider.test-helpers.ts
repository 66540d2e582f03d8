import { expect } from "vitest";
import { type Center, center, clone, summary, timed } from "./center.test-helpers.ts";
import type { RejectCode } from "./check.ts";
import { type StepOptions, type StepResult, step } from "./engine.ts";
import type { DomainEvent } from "./events.ts";

/** What came before: a center built with the center() helpers, or events (each accepted) at their times. */
export type History = ((c: Center) => void) | ReadonlyArray<readonly [DomainEvent, number]>;

/**
 * The engine as a decider: given a history, when one input (or a tick: null) arrives at a time,
 * then the engine events it produced — or a rejection that left the state exactly as it was.
 * Each `then…` returns the scenario (not named `then`: that would make it a thenable), so a story goes on with the next `when`.
 * @example
 * given((c) => { c.agent("a1", 100); c.teamQueue("q1", ["a1"], 100); })
 *   .when({ type: "call.arrived", callId: "c1", queueId: "q1", from: "1" }, 1_000)
 *   .thenEmits(["queued c1 #1", "offered c1→a1"]);
 */
export function given(history: History): Scenario {
  const c = center();
  if (typeof history === "function") history(c);
  else for (const [event, at] of history) c.send(event, at);
  return scenario(c);
}

export interface Scenario {
  /** The center so far, for assertions on the state the outcomes below do not cover. */
  center: Center;
  when(input: DomainEvent | null, at: number, options?: StepOptions): Outcome;
}

export interface Outcome {
  result: StepResult;
  /** The engine events the step applied (inputs left out), compactly: see summary(). */
  thenEmits(expected: string[]): Scenario;
  /** Like thenEmits, with each event's time: "16000 TIMEOUT c1←a1" (see timed()). */
  thenEmitsAt(expected: string[]): Scenario;
  /** Refused with `code` (and a message containing `message`); no timer was due, and the state is untouched. */
  thenRejects(code: RejectCode, message?: string): Scenario;
}

function scenario(c: Center): Scenario {
  return {
    center: c,
    when(input, at, options) {
      const before = clone(c.state);
      const result = step(c.state, input, at, options);
      const accepted = () => {
        if (!result.ok) throw new Error(`refused: ${result.rejection.code} ${result.rejection.message}`);
        c.log.push(...result.applied);
        return result.applied;
      };
      return {
        result,
        thenEmits(expected) {
          expect(summary(accepted())).toEqual(expected);
          return scenario(c);
        },
        thenEmitsAt(expected) {
          expect(timed(accepted())).toEqual(expected);
          return scenario(c);
        },
        thenRejects(code, message) {
          expect(result).toMatchObject({ ok: false, rejection: { code }, applied: [] });
          if (message !== undefined && !result.ok) expect(result.rejection.message).toContain(message);
          expect(c.state).toEqual(before);
          return scenario(c);
        },
      };
    },
  };
}

/** Inputs for `when`, spelled like the center() helpers that send them. */
export const arrived = (callId: string, queueId: string): DomainEvent => ({
  type: "call.arrived",
  callId,
  queueId,
  from: "84900000000",
});
export const answered = (callId: string, agentId: string): DomainEvent => ({
  type: "call.answered",
  callId,
  agentId,
});
