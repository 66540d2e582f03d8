// Backup groups: held back until no primary agent can ring, or until the call has waited long enough.
import { describe, expect, it } from "vitest";
import { candidatesOf } from "./candidate-table.ts";
import { backup, center, offers, PLAIN, primary, summary, timed } from "./center.test-helpers.ts";
import { nextDeadline } from "./route.ts";

describe("step: backup groups", () => {
  /** Primary p1 (on a break), backup b1; the backup may ring after `delay` seconds. */
  function withBackup(delay: number | null) {
    const c = center();
    c.agent("p1", 100, { available: false });
    c.agent("b1", 100);
    c.group("P", ["p1"], 100);
    c.group("B", ["b1"], 100);
    c.queue("q", [...primary("P"), ...backup("B")], 100, {
      routeToBackupAfterSec: delay,
      maximumQueueWaitTime: 0,
    });
    return c;
  }

  it("null delay: backup rings as soon as no primary agent can", () => {
    const c = withBackup(null);
    const applied = c.arrive("c1", "q", 1_000);
    expect(offers(applied)).toEqual(["offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({ usedBackup: true, waitedSec: 0 });
  });

  it("held back until the call has waited routeToBackupAfterSec: nextDeadline wakes the engine then; a late tick routes at the tick", () => {
    const c = withBackup(20);
    expect(summary(c.arrive("c1", "q", 1_000))).toEqual(["queued c1 #1"]);
    expect(nextDeadline(c.state)).toBe(21_000);
    expect(c.tick(20_999)).toEqual([]);
    expect(timed(c.tick(21_000))).toEqual(["21000 offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({
      at: 21_000,
      waitedSec: 20,
      usedBackup: true,
      agentIds: ["b1"],
    });

    // The opening is not an event of its own: a tick that comes late routes at its own time, once.
    const late = withBackup(20);
    late.arrive("c1", "q", 1_000);
    expect(timed(late.tick(90_000))).toEqual(["90000 offered c1→b1"]);
    expect(late.state.decisions[0]).toMatchObject({
      at: 90_000,
      waitedSec: 89,
      usedBackup: true,
      agentIds: ["b1"],
    });
    expect(late.state.calls.c1!.offerExpiresAt).toBe(105_000);
  });

  it("a call back to waiting after its primary offer was withdrawn still wakes the engine when backup groups open", () => {
    const c = center();
    c.agent("p1", 100);
    c.agent("b1", 100);
    c.group("P", ["p1"], 100);
    c.group("B", ["b1"], 100);
    c.queue("q", [...primary("P"), ...backup("B")], 100, { ...PLAIN, routeToBackupAfterSec: 10 });
    expect(offers(c.arrive("c1", "q", 1_000))).toEqual(["offered c1→p1"]);
    // The core asks for its next wake-up while the call rings (the opening is not due while ringing).
    expect(nextDeadline(c.state)).toBe(16_000);
    expect(summary(c.status("p1", "LUNCH_BREAK", 5_000))).toEqual(["AGENT_UNAVAILABLE c1←p1"]);
    expect(nextDeadline(c.state)).toBe(11_000);
    expect(timed(c.tick(11_000))).toEqual(["11000 offered c1→b1"]);
  });

  it("a primary agent that becomes free before the delay takes the call; the backup never rings", () => {
    const c = withBackup(20);
    c.arrive("c1", "q", 1_000);
    expect(offers(c.available("p1", 10_000))).toEqual(["offered c1→p1"]);
    expect(candidatesOf(c.state.decisions[0]!).map((k) => [k.agentId, k.verdict])).toEqual([
      ["p1", "CHOSEN"],
      ["b1", "BACKUP_HELD"],
    ]);
    c.answer("c1", "p1", 11_000);
    expect(offers(c.tick(60_000))).toEqual([]);
  });

  it("a primary who already missed the call goes after a fresh backup agent; before routeToBackupAfterSec it is rung again", () => {
    const table = (c: ReturnType<typeof withBackup>) =>
      candidatesOf(c.state.decisions[0]!).map((k) => [
        k.agentId,
        k.tier,
        k.verdict,
        k.rank,
        k.missedThisCall,
      ]);

    // Backup allowed at once: the only primary who can ring has let the call ring out, so the backup
    // group opens and its fresh agent rings before the primary who missed.
    const c = withBackup(null);
    c.available("p1", 200);
    c.arrive("c1", "q", 1_000);
    expect(offers(c.tick(16_000))).toEqual(["TIMEOUT c1←p1", "offered c1→b1"]);
    expect(c.state.decisions[0]).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(table(c)).toEqual([
      ["b1", "backup", "CHOSEN", 1, false],
      ["p1", "primary", "RANKED_LOWER", 2, true],
    ]);

    // Backup after 20 s: until the call has waited that long, the primary who missed is rung again…
    const d = withBackup(20);
    d.available("p1", 200);
    d.arrive("c1", "q", 1_000);
    expect(offers(d.tick(16_000))).toEqual(["TIMEOUT c1←p1", "offered c1→p1"]);
    expect(d.state.decisions[0]).toMatchObject({ agentIds: ["p1"], usedBackup: false, waitedSec: 15 });
    expect(table(d)).toEqual([
      ["p1", "primary", "CHOSEN", 1, true],
      ["b1", "backup", "BACKUP_HELD", null, false],
    ]);
    // …(nothing to do at 21 000: the call is ringing)…
    expect(nextDeadline(d.state)).toBe(31_000);
    // …and its next miss, after the delay, hands the call to the fresh backup.
    expect(offers(d.tick(31_000))).toEqual(["TIMEOUT c1←p1", "offered c1→b1"]);
    expect(d.state.decisions[0]).toMatchObject({ agentIds: ["b1"], usedBackup: true });
    expect(table(d)).toEqual([
      ["b1", "backup", "CHOSEN", 1, false],
      ["p1", "primary", "RANKED_LOWER", 2, true],
    ]);

    // A primary who goes on a break while the backup is still held: the call waits for the delay.
    const e = withBackup(20);
    e.available("p1", 200);
    e.arrive("c1", "q", 1_000);
    expect(offers(e.status("p1", "LUNCH_BREAK", 5_000))).toEqual(["AGENT_UNAVAILABLE c1←p1"]);
    expect(nextDeadline(e.state)).toBe(21_000);
    expect(offers(e.tick(21_000))).toEqual(["offered c1→b1"]);
  });
});
