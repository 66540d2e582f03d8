import { describe, expect, it } from "vitest";
import { naturalCompare, type QueueFacts, troubleFirst, troubleOf } from "./queue-order.ts";

const q = (name: string, patch: Partial<QueueFacts> = {}): QueueFacts => ({
  id: name.toLowerCase().replace(/\s/g, "-"),
  name,
  waiting: 0,
  eligible: 3,
  longestWaitMs: 0,
  longestWaitAmberSec: 60,
  serviceLevelBelowTarget: false,
  ...patch,
});

describe("naturalCompare", () => {
  it("orders numbers by value, ignoring case", () => {
    const names = ["Queue 10", "queue 2", "Queue 1", "Queue 7", "Billing"];
    expect(names.sort(naturalCompare)).toEqual(["Billing", "Queue 1", "queue 2", "Queue 7", "Queue 10"]);
  });
});

describe("troubleFirst", () => {
  it("names the trouble", () => {
    expect(troubleOf(q("a", { waiting: 1, eligible: 0 }))).toBe(0);
    expect(troubleOf(q("a", { waiting: 0, eligible: 0 }))).toBe(3); // nobody to ring, but nobody waits
    expect(troubleOf(q("a", { serviceLevelBelowTarget: true }))).toBe(1);
    expect(troubleOf(q("a", { waiting: 1, longestWaitMs: 60_000 }))).toBe(2);
    expect(troubleOf(q("a", { waiting: 1, longestWaitMs: 59_999 }))).toBe(3);
  });

  it("puts trouble first, worst kind then longest wait, and the rest in natural order", () => {
    const queues = [
      q("Queue 10"),
      q("Queue 2", { waiting: 2, longestWaitMs: 90_000 }),
      q("Queue 7", { serviceLevelBelowTarget: true, waiting: 1, longestWaitMs: 5_000 }),
      q("Queue 1"),
      q("Queue 3", { waiting: 1, eligible: 0, longestWaitMs: 10_000 }),
      q("Queue 11", { serviceLevelBelowTarget: true, waiting: 1, longestWaitMs: 20_000 }),
      q("Queue 4", { waiting: 1, longestWaitMs: 3_000 }),
    ];
    expect(troubleFirst(queues).map((x) => x.name)).toEqual([
      "Queue 3",
      "Queue 11",
      "Queue 7",
      "Queue 2",
      "Queue 1",
      "Queue 4",
      "Queue 10",
    ]);
  });

  it("does not reorder its input", () => {
    const queues = [q("Queue 10"), q("Queue 9")];
    troubleFirst(queues);
    expect(queues.map((x) => x.name)).toEqual(["Queue 10", "Queue 9"]);
  });
});
