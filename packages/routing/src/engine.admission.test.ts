// Admission: business hours and queue size decide whether a call may wait.
import { describe, expect, it } from "vitest";
import { center, HOUR, MONDAY_0900_HCM, SUNDAY_0900_HCM, summary } from "./center.test-helpers.ts";
import { arrived, given } from "./decider.test-helpers.ts";
import { nextDeadline } from "./route.ts";
import { emptyOutcomes } from "./state.ts";

describe("step: admission", () => {
  const businessHours = {
    schedule: {
      kind: "business-hours" as const,
      timeZone: "Asia/Ho_Chi_Minh",
      hours: [{ days: [1, 2, 3, 4, 5], open: "08:00", close: "17:00" }],
    },
  };

  it("queues a call inside business hours (Monday 09:00 in Ho Chi Minh City = 02:00Z)", () => {
    const t = MONDAY_0900_HCM;
    given((c) => {
      c.agent("a1", t - HOUR);
      c.teamQueue("q", ["a1"], t - HOUR, businessHours);
    })
      .when(arrived("c1", "q"), t)
      .thenEmits(["queued c1 #1", "offered c1→a1"]);
  });

  it("closes a call outside business hours: Sunday, before opening, and at closing time", () => {
    for (const [label, at] of [
      ["Sunday 09:00", SUNDAY_0900_HCM],
      ["Monday 07:59", MONDAY_0900_HCM - HOUR - 60_000],
      ["Monday 17:00", MONDAY_0900_HCM + 8 * HOUR],
    ] as const) {
      const c = center();
      c.agent("a1", at - HOUR);
      c.teamQueue("q", ["a1"], at - HOUR, businessHours);
      const applied = c.arrive("c1", "q", at);
      expect(summary(applied), label).toEqual(["closed c1"]);
      expect(applied.at(-1), label).toMatchObject({
        type: "call.finished",
        outcome: "closed",
        reason: "outside the queue's business hours",
        at,
      });
      expect(c.state.calls.c1, label).toBeUndefined();
      expect(c.state.agents.a1!.ringingCallId, label).toBeNull();
      expect(c.state.queueRuntime.q!.outcomes, label).toEqual({ ...emptyOutcomes(), closed: 1 });
    }
  });

  it("reads the hours in the queue's time zone, not UTC", () => {
    const c = center();
    const t = MONDAY_0900_HCM + 7 * HOUR; // 09:00Z = 16:00 in Ho Chi Minh City
    c.agent("a1", t - HOUR);
    c.teamQueue("q", ["a1"], t - HOUR, businessHours);
    c.teamQueue("utc", ["a1"], t - HOUR, {
      schedule: {
        kind: "business-hours",
        timeZone: "UTC",
        hours: [{ days: [1], open: "10:00", close: "17:00" }],
      },
    });
    expect(summary(c.arrive("c1", "q", t))).toEqual(["queued c1 #1", "offered c1→a1"]);
    expect(summary(c.arrive("c2", "utc", t))).toEqual(["closed c2"]);
  });

  it("rejects a call when maximumQueueSize calls already wait or ring; talking calls do not count", () => {
    const c = center();
    c.agent("a1", 100);
    c.teamQueue("q", ["a1"], 100, { maximumQueueSize: 2 });
    expect(summary(c.arrive("c1", "q", 1_000))).toEqual(["queued c1 #1", "offered c1→a1"]);
    expect(summary(c.arrive("c2", "q", 2_000))).toEqual(["queued c2 #2"]);
    const applied = c.arrive("c3", "q", 3_000);
    expect(summary(applied)).toEqual(["rejected c3"]);
    expect(applied.at(-1)).toMatchObject({ reason: "queue full: 2 of 2 places taken" });
    c.answer("c1", "a1", 4_000);
    expect(summary(c.arrive("c4", "q", 5_000))).toEqual(["queued c4 #2"]);
    expect(c.state.queueRuntime.q!.outcomes).toEqual({ ...emptyOutcomes(), answered: 1, rejected: 1 });
  });

  it("a queue of size 0 turns every caller away", () => {
    given((c) => {
      c.agent("a1", 100);
      c.teamQueue("q", ["a1"], 100, { maximumQueueSize: 0 });
    })
      .when(arrived("c1", "q"), 1_000)
      .thenEmits(["rejected c1"]);
  });

  it("PCC's defaults: 5 places, 60 s wait, 15 s answer timeout, 10 s wrap-up", () => {
    const c = center();
    c.agent("a1", 100, { available: false });
    c.teamQueue("q", ["a1"], 100);
    for (let i = 1; i <= 6; i++) c.arrive(`c${i}`, "q", 1_000 * i);
    expect(c.state.queueRuntime.q!.outcomes.rejected).toBe(1);
    expect(nextDeadline(c.state)).toBe(61_000);
    c.available("a1", 10_000);
    expect(c.state.calls.c1!.offerExpiresAt).toBe(25_000);
    c.answer("c1", "a1", 11_000);
    c.end("c1", 12_000);
    expect(c.state.agents.a1!.wrapUpUntil).toBe(22_000);
  });
});
