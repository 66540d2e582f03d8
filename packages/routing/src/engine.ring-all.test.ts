// Ring-all: every agent who can ring rings at once; the first answer wins.
import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import { backup, center, offers, PLAIN, primary, timed } from "./center.test-helpers.ts";
import { step } from "./engine.ts";

describe("step: ring-all", () => {
  function ringAll() {
    const c = center();
    c.agent("a1", 100);
    c.agent("a2", 200);
    c.agent("a3", 300);
    c.agent("a4", 400, { available: false });
    c.agent("b1", 400);
    c.group("team", ["a1", "a2", "a3", "a4"], 400);
    c.group("spare", ["b1"], 400);
    c.queue("q", [...primary("team"), ...backup("spare")], 400, {
      ...PLAIN,
      strategy: "ring-all",
      waitAgentAnswerTimeout: 10,
    });
    return c;
  }

  it("rings every primary agent that can ring at once; the first answer wins and the others stop ringing", () => {
    const c = ringAll();
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→a1,a2,a3"]);
    const d = c.state.decisions[0]!;
    expect(candidatesOf(d).map((k) => [k.agentId, k.verdict, k.rank, k.key])).toEqual([
      ["a1", "CHOSEN", 1, 100],
      ["a2", "CHOSEN", 2, 200],
      ["a3", "CHOSEN", 3, 300],
      ["b1", "BACKUP_HELD", null, null],
      ["a4", "NOT_ELIGIBLE", null, null],
    ]);
    for (const id of ["a1", "a2", "a3"]) expect(c.state.agents[id]!.ringingCallId).toBe("c1");
    c.answer("c1", "a2", 2_000);
    expect(c.state.calls.c1).toMatchObject({ status: "talking", agentId: "a2", ringing: [] });
    for (const id of ["a1", "a3"]) {
      expect(c.state.agents[id]).toMatchObject({ ringingCallId: null, missedOffers: 0 });
    }
    // The released agents ring for the next caller right away.
    expect(offers(c.arrive("c2", "q", 3_000))).toEqual(["offered c2→a1,a3"]);
    // A late answer from an agent released by c1 is refused.
    expect(step(c.state, { type: "call.answered", callId: "c1", agentId: "a1" }, 4_000).ok).toBe(false);
  });

  it("a timeout releases all of them at once, counts a miss for each, and rings them all again, with the backup (fresh) first", () => {
    const c = ringAll();
    c.arrive("c1", "q", 1_000);
    // Every primary who can ring has missed the call, so the backup group (no delay) joins, ranked first.
    expect(timed(c.tick(11_000))).toEqual(["11000 TIMEOUT c1←a1,a2,a3", "11000 offered c1→b1,a1,a2,a3"]);
    for (const id of ["a1", "a2", "a3"]) {
      expect(c.state.agents[id]).toMatchObject({
        missedOffers: 1,
        consecutiveMisses: 1,
        ringingCallId: "c1",
      });
    }
    expect(c.state.agents.b1).toMatchObject({ missedOffers: 0, ringingCallId: "c1" });
    expect(c.state.calls.c1!.missedBy).toEqual(["a1", "a2", "a3"]);
    expect(c.state.decisions[0]!.usedBackup).toBe(true);
    expect(
      candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict, k.rank, k.missedThisCall]),
    ).toEqual([
      ["b1", "CHOSEN", 1, false],
      ["a1", "CHOSEN", 2, true],
      ["a2", "CHOSEN", 3, true],
      ["a3", "CHOSEN", 4, true],
      ["a4", "NOT_ELIGIBLE", null, false],
    ]);
  });

  it("one agent dropping out stops only its ringing", () => {
    const c = ringAll();
    c.arrive("c1", "q", 1_000);
    expect(offers(c.status("a2", "LUNCH_BREAK", 2_000))).toEqual(["AGENT_UNAVAILABLE c1←a2"]);
    expect(c.state.calls.c1).toMatchObject({
      status: "ringing",
      ringing: ["a1", "a3"],
      offerExpiresAt: 11_000,
    });
    c.answer("c1", "a3", 3_000);
    expect(c.state.agents.a1!.ringingCallId).toBeNull();
  });

  it("rings the backup group, all of it, when no primary agent can", () => {
    const c = ringAll();
    for (const id of ["a1", "a2", "a3"]) c.status(id, "SHORT_BREAK", 500);
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→b1"]);
    expect(c.state.decisions[0]!.usedBackup).toBe(true);
  });
});
