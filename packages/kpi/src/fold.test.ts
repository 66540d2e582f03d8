import type { LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { advise } from "./advise.ts";
import { foldKpi, queueKpis } from "./fold.ts";
import { center, foldFromScratch, MIN, MONDAY_0900_HCM, SEC, TUESDAY_0000_HCM } from "./kpi.test-helpers.ts";

const T0 = MONDAY_0900_HCM;

describe("each outcome", () => {
  it("counts answered, in service level, short and long abandons, time-outs, rejections and closures", () => {
    const c = center();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0, {
      agentWrapUpAfterCalls: true,
      wrapUpTimeLimit: 10,
      maximumQueueWaitTime: 60,
    });
    c.team("closed", ["a1"], T0, {
      schedule: {
        kind: "business-hours",
        timeZone: "Asia/Ho_Chi_Minh",
        hours: [{ days: [0], open: "08:00", close: "17:00" }],
      },
    });
    c.team("full", ["a1"], T0, { maximumQueueSize: 0 });

    c.arrive("c1", "q", T0); // offered to a1 at once
    c.answer("c1", T0 + 10 * SEC); // wait 10 s: in service level
    c.arrive("c2", "q", T0 + 11 * SEC);
    c.arrive("c3", "q", T0 + 12 * SEC);
    c.abandon("c2", T0 + 14 * SEC); // wait 3 s < 5 s: short abandon
    c.end("c1", T0 + 70 * SEC); // talk 60 s, wrap-up to T0 + 80 s
    c.tick(T0 + 90 * SEC); // c3 timed out at T0 + 72 s (its maximum wait): a1 was still in wrap-up
    c.arrive("c5", "q", T0 + 100 * SEC);
    c.arrive("c6", "q", T0 + 101 * SEC);
    c.answer("c5", T0 + 130 * SEC); // wait 30 s: out of service level
    c.abandon("c6", T0 + 131 * SEC); // wait 30 s: abandoned
    c.end("c5", T0 + 190 * SEC, { talkSec: 50 }); // the telephony's talk time: 50 s; wrap-up to 200 s
    c.arrive("c7", "closed", T0 + 200 * SEC);
    c.arrive("c8", "full", T0 + 200 * SEC);
    c.tick(T0 + 300 * SEC);

    const k = queueKpis(c.kpi, "q", T0 + 300 * SEC)!;
    expect(k.today).toMatchObject({
      arrived: 5,
      offered: 5,
      answered: 2,
      answeredInServiceLevel: 1,
      shortAbandoned: 1,
      abandoned: 1,
      timedOut: 1,
      rejected: 0,
      closed: 0,
      handled: 2,
      waitSec: 40,
      handleSec: 70 + 60, // (60 talk + 10 wrap) + (50 measured talk + 10 wrap)
      // a1 online and Available from T0: 300 s staffed; busy 60 + 10 + 60 + 10 (clock times).
      staffedSec: 300,
      busySec: 140,
    });
    // SL = answered within 20 s ÷ (offered − short abandons) = 1 ÷ 4.
    expect(k.today.serviceLevel).toBe(0.25);
    expect(k.today.abandonRate).toBe(0.25);
    expect(k.today.asaSec).toBe(20);
    expect(k.today.ahtSec).toBe(65);
    expect(k.today.occupancy).toBeCloseTo(140 / 300, 12);
    expect(k.window).toMatchObject({ ...k.today, from: T0, to: T0 + 300 * SEC });
    // The engine's own outcome counts agree (it does not split short abandons).
    expect(c.state.queueRuntime.q!.outcomes).toEqual({
      answered: 2,
      abandoned: 2,
      timed_out: 1,
      rejected: 0,
      closed: 0,
    });
    // Calls refused at the door are counted apart and never offered.
    expect(queueKpis(c.kpi, "closed", T0 + 300 * SEC)!.today).toMatchObject({
      arrived: 1,
      closed: 1,
      offered: 0,
    });
    expect(queueKpis(c.kpi, "full", T0 + 300 * SEC)!.today).toMatchObject({
      arrived: 1,
      rejected: 1,
      offered: 0,
    });
    expect(queueKpis(c.kpi, "nope", T0)).toBeNull();
  });

  it("a call PCC reports answered with no answer seen counts as answered, out of SL and ASA", () => {
    const c = center();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0);
    c.arrive("c1", "q", T0);
    c.end("c1", T0 + 40 * SEC, { answered: true });
    const today = queueKpis(c.kpi, "q", T0 + 60 * SEC)!.today;
    expect(today).toMatchObject({ offered: 1, answered: 1, answeredUnknownWait: 1, abandoned: 0 });
    expect(today.serviceLevel).toBeNull();
    expect(today.asaSec).toBeNull();
  });
});

describe("short abandons", () => {
  it("are callers who hang up under shortAbandonSec; the boundary itself is a real abandon", () => {
    const c = center();
    c.agent("a1", T0, { available: false }); // nobody answers
    c.team("q", ["a1"], T0, { shortAbandonSec: 5 });
    c.arrive("c1", "q", T0);
    c.abandon("c1", T0 + 4999);
    c.arrive("c2", "q", T0 + 10 * SEC);
    c.abandon("c2", T0 + 15 * SEC);
    const today = queueKpis(c.kpi, "q", T0 + MIN)!.today;
    expect(today).toMatchObject({ offered: 2, shortAbandoned: 1, abandoned: 1 });
    expect(today.abandonRate).toBe(1); // 1 ÷ (2 − 1)
    expect(today.serviceLevel).toBe(0);
  });

  it("answered exactly at T is within the service level", () => {
    const c = center();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0, { serviceLevelSec: 20 });
    c.arrive("c1", "q", T0);
    c.answer("c1", T0 + 20 * SEC);
    c.end("c1", T0 + 30 * SEC);
    c.arrive("c2", "q", T0 + 40 * SEC);
    c.answer("c2", T0 + 60 * SEC + 1);
    expect(queueKpis(c.kpi, "q", T0 + MIN + 1)!.today).toMatchObject({
      answered: 2,
      answeredInServiceLevel: 1,
    });
  });
});

describe("today: local midnight", () => {
  it("starts a new day at midnight in the queue's time zone, while the window looks back across it", () => {
    const c = center();
    const midnight = TUESDAY_0000_HCM; // 00:00 Tuesday in Ho Chi Minh City
    c.agent("a1", midnight - 2 * MIN);
    c.agent("a2", midnight - 2 * MIN);
    c.team("q", ["a1"], midnight - 2 * MIN);
    // New York's midnight is 12 hours later: its day keeps both calls.
    c.team("ny", ["a2"], midnight - 2 * MIN, {
      schedule: {
        kind: "business-hours",
        timeZone: "America/New_York",
        hours: [{ days: [0, 1, 2, 3, 4, 5, 6], open: "00:00", close: "24:00" }],
      },
    });
    c.arrive("c1", "q", midnight - 60 * SEC);
    c.answer("c1", midnight - 50 * SEC);
    c.end("c1", midnight - 20 * SEC);
    c.arrive("n1", "ny", midnight - 60 * SEC);
    expect(queueKpis(c.kpi, "q", midnight - 1)!.today).toMatchObject({ arrived: 1, answered: 1 });

    c.arrive("c2", "q", midnight + 30 * SEC);
    c.answer("c2", midnight + 40 * SEC);
    c.arrive("n2", "ny", midnight + 30 * SEC);
    const k = queueKpis(c.kpi, "q", midnight + 60 * SEC)!;
    expect(k.today).toMatchObject({ from: midnight, arrived: 1, answered: 1 });
    // Occupancy since midnight: staffed 60 s, busy 20 s (c2's talk, still open).
    expect(k.today).toMatchObject({ staffedSec: 60, busySec: 20 });
    expect(k.window).toMatchObject({ from: midnight - 2 * MIN, arrived: 2, answered: 2 });
    expect(k.window).toMatchObject({ staffedSec: 180, busySec: 30 + 20 });
    expect(queueKpis(c.kpi, "ny", midnight + 60 * SEC)!.today).toMatchObject({ arrived: 2 });
    expect(queueKpis(c.kpi, "ny", midnight + 60 * SEC)!.timeZone).toBe("America/New_York");
    // Read on a later day with no event since: today is empty, nothing is carried over.
    expect(queueKpis(c.kpi, "q", midnight + 25 * 3_600_000)!.today).toMatchObject({
      arrived: 0,
      answered: 0,
    });
  });
});

describe("the rolling window", () => {
  it("holds the current minute and the kpiWindowMin − 1 before it: exact to the minute", () => {
    const c = center();
    const m = Math.ceil(T0 / MIN) * MIN + 10 * MIN; // the start of a minute
    c.agent("a1", T0, { available: false });
    c.team("q", ["a1"], T0, { kpiWindowMin: 5 });
    c.arrive("early", "q", m - 1); // the last millisecond of minute m − 1
    c.arrive("c1", "q", m); // the first millisecond of minute m
    const at = (t: number) => queueKpis(c.kpi, "q", t)!.window;
    expect(at(m + 3 * MIN).arrived).toBe(2);
    expect(at(m + 4 * MIN)).toMatchObject({ arrived: 1, from: m }); // minute m − 1 has left
    expect(at(m + 5 * MIN - 1).arrived).toBe(1);
    expect(at(m + 5 * MIN)).toMatchObject({ arrived: 0, from: m + MIN });
    expect(queueKpis(c.kpi, "q", m + 5 * MIN)!.today.arrived).toBe(2);
  });

  it("a shorter window keeps the minutes still inside it; a longer one fills over its new length", () => {
    const c = center();
    const m = Math.ceil(T0 / MIN) * MIN + 10 * MIN;
    c.agent("a1", T0, { available: false });
    c.team("q", ["a1"], T0, { kpiWindowMin: 10 });
    for (let i = 0; i < 10; i++) c.arrive(`c${i}`, "q", m + i * MIN);
    c.team("q", ["a1"], m + 9 * MIN, { kpiWindowMin: 3 });
    expect(queueKpis(c.kpi, "q", m + 9 * MIN)!.window.arrived).toBe(3);
    c.team("q", ["a1"], m + 9 * MIN, { kpiWindowMin: 15 });
    expect(queueKpis(c.kpi, "q", m + 9 * MIN)!.window).toMatchObject({ arrived: 3, from: m - 5 * MIN });
  });
});

describe("late and out-of-order events", () => {
  it("count in their own minute while it is in the window, and in today while it is today", () => {
    const c = center();
    const m = Math.ceil(T0 / MIN) * MIN + 30 * MIN;
    c.agent("a1", T0, { available: false });
    c.team("q", ["a1"], T0, { kpiWindowMin: 15 });
    const arrive = (callId: string, at: number): LoggedEvent => ({
      type: "call.arrived",
      callId,
      queueId: "q",
      from: "84900000000",
      seq: c.state.seq + 1,
      at,
    });
    // Folded directly, out of time order (the engine itself never logs these).
    foldKpi(c.kpi, arrive("now", m), c.state);
    foldKpi(c.kpi, arrive("late3", m - 3 * MIN), c.state); // inside the window
    foldKpi(c.kpi, arrive("late14", m - 14 * MIN), c.state); // the window's first minute
    foldKpi(c.kpi, arrive("late15", m - 15 * MIN), c.state); // just out of the window, still today
    foldKpi(c.kpi, arrive("yesterday", T0 - 24 * 3_600_000), c.state); // neither
    foldKpi(c.kpi, arrive("now2", m + 1), c.state);
    const k = queueKpis(c.kpi, "q", m + 2)!;
    expect(k.window.arrived).toBe(4);
    expect(k.today.arrived).toBe(5);
  });
});

describe("replay equality", () => {
  it("folding the log from scratch gives the live value at every prefix", () => {
    const c = center();
    c.agent("a1", T0);
    c.agent("a2", T0);
    c.team("q", ["a1", "a2"], T0, {
      agentWrapUpAfterCalls: true,
      wrapUpTimeLimit: 15,
      maximumQueueWaitTime: 90,
    });
    const live: { length: number; at: number; kpis: unknown }[] = [];
    const snap = (at: number) => live.push({ length: c.log.length, at, kpis: queueKpis(c.kpi, "q", at) });
    let t = TUESDAY_0000_HCM - 20 * MIN; // crosses a midnight
    for (let i = 0; i < 60; i++) {
      t += ((i * 7919) % 97) * SEC;
      c.arrive(`c${i}`, "q", t);
      snap(t);
      const ringing = Object.values(c.state.calls).find((call) => call.status === "ringing");
      if (ringing && i % 4 !== 3) c.answer(ringing.id, t + 3 * SEC);
      t += 5 * SEC;
      const talking = Object.values(c.state.calls).find((call) => call.status === "talking");
      if (talking && i % 2 === 0) c.end(talking.id, t + 40 * SEC);
      else if (i % 5 === 0)
        c.send(
          { type: "agent.manual_status_set", agentId: "a2", status: i % 10 ? "AVAILABLE" : "SHORT_BREAK" },
          t,
        );
      t += 41 * SEC;
      c.tick(t);
      snap(t);
    }
    for (const { length, at, kpis } of live) {
      expect(queueKpis(foldFromScratch(c.log.slice(0, length)), "q", at)).toEqual(kpis);
    }
    expect((live.at(-1)!.kpis as { today: { answered: number } }).today.answered).toBeGreaterThan(5);
  });
});

describe("advise", () => {
  it("needs enough data, then sizes the queue with Erlang C", () => {
    const c = center();
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
    for (const id of ids) c.agent(id, T0);
    c.team("q", ids, T0, { kpiWindowMin: 15 });
    const settings = { serviceLevelSec: 20, serviceLevelTarget: 80 };
    // One call every 18 s (200/h), each talked 180 s: 10 Erlangs.
    for (let i = 0; i < 3; i++) {
      c.arrive(`c${i}`, "q", T0 + i * 18 * SEC);
      c.answer(`c${i}`, T0 + i * 18 * SEC);
    }
    expect(advise(queueKpis(c.kpi, "q", T0 + MIN)!, settings, 12)).toBeNull(); // 3 arrivals, none handled
    for (let i = 3; i < 50; i++) {
      const at = T0 + i * 18 * SEC;
      c.arrive(`c${i}`, "q", at);
      const ringing = c.ringing(`c${i}`);
      if (ringing) c.answer(`c${i}`, at);
      const done = Object.values(c.state.calls).filter(
        (call) => call.status === "talking" && call.answeredAt! <= at - 180 * SEC,
      );
      for (const call of done) c.end(call.id, at);
    }
    const kpis = queueKpis(c.kpi, "q", T0 + 50 * 18 * SEC)!;
    const advice = advise(kpis, settings, 12)!;
    expect(advice).not.toBeNull();
    expect(advice.ahtSec).toBeGreaterThan(170);
    expect(advice.loadErlangs).toBeGreaterThan(8);
    expect(advice.needed).toBeGreaterThan(advice.loadErlangs);
    expect(advice.shortBy).toBe(Math.max(0, advice.needed - 12));
    expect(advice.predictedServiceLevel).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(JSON.stringify(advice))).toEqual(advice);
  });
});
