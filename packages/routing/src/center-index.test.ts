import { describe, expect, it } from "vitest";
import { applyEvent } from "./apply.ts";
import { clone, MONDAY_0900_HCM, primary, profile, queueConfig } from "./center.test-helpers.ts";
import { type CenterIndex, centerIndex } from "./center-index.ts";
import { step } from "./engine.ts";
import type { InputEvent } from "./events.ts";
import { type CenterState, emptyState } from "./state.ts";

const T = MONDAY_0900_HCM;

/** What a fresh build must reproduce (the day test compares the same fields). */
const comparable = (index: CenterIndex) => ({
  memberships: index.memberships,
  tables: index.tables,
  ringable: index.ringable,
  waiting: index.waiting,
});

function run(state: CenterState, events: InputEvent[]): void {
  for (const event of events) {
    const outcome = step(state, event, T);
    if (!outcome.ok) throw new Error(outcome.rejection.message);
  }
}

describe("the engine's index when agents join", () => {
  it("keeps the index for an agent in no group, and it equals a fresh build", () => {
    const state = emptyState();
    run(state, [
      { type: "agent.upserted", agent: profile("a1") },
      { type: "group.upserted", group: { id: "g", name: "g", members: ["a1"] } },
      { type: "queue.upserted", queue: queueConfig("q", primary("g")) },
    ]);
    const before = centerIndex(state);
    run(state, [{ type: "agent.upserted", agent: profile("a2") }]);
    expect(centerIndex(state)).toBe(before);
    expect(comparable(centerIndex(state))).toEqual(comparable(centerIndex(clone(state))));
  });

  it("rebuilds when the new agent is already a member of a queue's group: its table gains a row", () => {
    // Inputs refuse a group naming an agent that does not exist yet; a log folded by replay is not
    // checked, so the index must still cope with one.
    const state = emptyState();
    const fold = (event: InputEvent) => applyEvent(state, { ...event, seq: state.seq + 1, at: T });
    fold({ type: "agent.upserted", agent: profile("a1") });
    fold({ type: "group.upserted", group: { id: "g", name: "g", members: ["a1", "a2"] } });
    fold({ type: "queue.upserted", queue: queueConfig("q", primary("g")) });
    const before = centerIndex(state);
    fold({ type: "agent.upserted", agent: profile("a2") });
    expect(centerIndex(state)).not.toBe(before);
    expect(centerIndex(state).tables.get("q")?.agentIds).toEqual(["a1", "a2"]);
    expect(comparable(centerIndex(state))).toEqual(comparable(centerIndex(clone(state))));
  });
});
