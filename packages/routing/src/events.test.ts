import { describe, expect, it } from "vitest";
import type { Decision } from "./decision.ts";
import { DECISION_INDEXED_RANKS, decisionSubjects, eventSubjects, LOG_DICTIONARY } from "./events.ts";

const decision = (agentIds: string[], rungIds: string[], ranked: number[]): Decision => ({
  callId: "c1",
  attempt: 1,
  queueId: "q",
  at: 0,
  strategy: "longest-idle",
  agentIds: rungIds,
  usedBackup: false,
  table: { agentIds, facts: agentIds.map(() => 0), ranked, keys: ranked.map((r) => r) },
  waitedSec: 0,
});

describe("how the log files a decision", () => {
  const roster = Array.from({ length: 40 }, (_, i) => `a${i}`);

  it("under the agents rung and the best ranked only, each once, not every candidate", () => {
    const d = decision(roster, ["a7"], [7, 3, 30, 12, 5, 9, 1, 2]);
    expect(DECISION_INDEXED_RANKS).toBe(5);
    expect(decisionSubjects(d)).toEqual(["a7", "a3", "a30", "a12", "a5"]);
  });

  it("files a ring-all offer under its best ranked only, not every agent it rang", () => {
    const ranked = [9, 1, 2, 3, 4, 5, 6, 7];
    const d = decision(
      roster,
      ranked.map((i) => roster[i]!),
      ranked,
    );
    expect(decisionSubjects(d)).toEqual(["a9", "a1", "a2", "a3", "a4"]);
  });

  it("names no one when nobody could ring", () => {
    expect(decisionSubjects(decision(roster, [], []))).toEqual([]);
  });

  it("stores the roster once (a shared path) and files an offer's end under its call only", () => {
    const d = decision(roster, ["a1"], [1]);
    expect(
      eventSubjects({ type: "call.offered", callId: "c1", agentIds: ["a1"], expiresAt: 0, decision: d }),
    ).toEqual({
      agentIds: ["a1"],
      callId: "c1",
      shared: ["decision", "table", "agentIds"],
      caller: null,
    });
    expect(
      eventSubjects({
        type: "call.offer_ended",
        callId: "c1",
        agentIds: ["a1", "a2"],
        reason: "TIMEOUT",
        autoNotAvailable: [],
      }),
    ).toEqual({ agentIds: [], callId: "c1", caller: null });
  });

  it("files a call's arrival under its caller's number, for call search", () => {
    expect(eventSubjects({ type: "call.arrived", callId: "c1", queueId: "q", from: "+84901" })).toEqual({
      agentIds: [],
      callId: "c1",
      caller: "+84901",
    });
  });
});

describe("the log's deflate dictionary", () => {
  it("fits the compact form's small window (1 KB), and holds every event's keys", () => {
    // Printable ASCII, so its length is its size in bytes.
    expect(LOG_DICTIONARY).toMatch(/^[\x20-\x7e]*$/);
    expect(LOG_DICTIONARY.length).toBeLessThanOrEqual(1024);
    for (const key of ["agentId", "callId", "status", "decision", "strategy", "queueId", "position"])
      expect(LOG_DICTIONARY).toContain(`"${key}":`);
  });
});
