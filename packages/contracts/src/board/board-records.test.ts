import { newAgent, RoutingType } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { decodeAgent, encodeAgent } from "./agent-row.ts";
import { BOARD_DECISIONS, BoardRecords } from "./board-records.ts";
import type { DecisionSummary } from "./board-state.ts";

const agent = (id: string) => ({
  ...newAgent(
    { id, name: `Agent ${id}`, phoneNumber: "+84900000001", routingType: RoutingType.PHONE },
    1_000,
  ),
  manualStatus: "LUNCH_BREAK" as const,
  presence: { app: true, pushTokens: ["t1"], sip: false },
  ringingCallId: "c1",
});
const json = (value: unknown) => JSON.stringify(value);
const summary = (n: number): DecisionSummary => ({
  callId: `c${n}`,
  attempt: 1,
  queueId: "q",
  at: n,
  strategy: "longest-idle",
  agentIds: ["a"],
  usedBackup: false,
  waitedSec: 0,
  candidates: 3,
  verdicts: { CHOSEN: 1, RANKED_LOWER: 1, BACKUP_HELD: 0, NOT_ELIGIBLE: 1 },
});

describe("agent rows", () => {
  it("decode what they encode", () => {
    expect(decodeAgent(encodeAgent(agent("a1")))).toEqual(agent("a1"));
    expect(decodeAgent(JSON.parse(json(encodeAgent(agent("a1")))))).toEqual(agent("a1"));
  });
});

describe("BoardRecords' digest", () => {
  it("depends on the records held, not on the order they came in or were replaced", () => {
    const a = new BoardRecords();
    const b = new BoardRecords();
    a.set("agents", "a1", agent("a1"), json(encodeAgent(agent("a1"))));
    a.set("agents", "a2", agent("a2"), json(encodeAgent(agent("a2"))));
    b.set("agents", "a2", agent("a2"), "stale");
    b.set("agents", "a1", agent("a1"), json(encodeAgent(agent("a1"))));
    expect(b.digest).not.toBe(a.digest);
    b.set("agents", "a2", agent("a2"), json(encodeAgent(agent("a2"))));
    expect(b.digest).toBe(a.digest);
    b.set("calls", "c9", {} as never, "{}");
    b.remove("calls", "c9");
    b.remove("calls", "never-there");
    expect(b.digest).toBe(a.digest);
  });

  it("keeps the newest BOARD_DECISIONS decisions, once each, and their digest", () => {
    const records = new BoardRecords();
    const all = Array.from({ length: BOARD_DECISIONS + 5 }, (_, i) => summary(i));
    for (const d of all) records.addDecisions([d], json);
    records.addDecisions([all.at(-1)!], json); // already there: nothing changes
    const newest = all.slice(5).reverse();
    expect(records.state.decisions).toEqual(newest);
    const fresh = new BoardRecords();
    fresh.addDecisions(newest, json);
    expect(fresh.digest).toBe(records.digest);
  });
});
