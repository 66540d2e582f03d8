import { describe, expect, it } from "vitest";
import { agentDay, emptyAgentDayState, foldAgentDay } from "./agent-day.ts";
import { center, MIN, MONDAY_0900_HCM, SEC, TUESDAY_0000_HCM } from "./kpi.test-helpers.ts";

const HCM = "Asia/Ho_Chi_Minh";

/** The center of the KPI tests, with the agent-day fold run on every logged event. */
function dayOf(run: (c: ReturnType<typeof center>) => void) {
  const c = center();
  run(c);
  const days = emptyAgentDayState(HCM);
  for (const e of c.log) foldAgentDay(days, e);
  return { c, days };
}

describe("an agent's day", () => {
  const t0 = MONDAY_0900_HCM;

  it("counts answered calls, missed and declined offers, talk time and time in each status", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.team("q", ["lan"], t0, { waitAgentAnswerTimeout: 20 });
      c.arrive("c1", "q", t0 + MIN);
      c.tick(t0 + MIN + 20 * SEC); // rings out: a miss, and it rings lan again
      c.send({ type: "call.declined", callId: "c1", agentId: "lan" }, t0 + MIN + 25 * SEC);
      c.answer("c1", t0 + MIN + 30 * SEC, "lan");
      c.end("c1", t0 + 3 * MIN + 30 * SEC);
      c.send({ type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" }, t0 + 10 * MIN);
    });
    expect(agentDay(days, "lan", t0 + 40 * MIN)).toEqual({
      dayStart: TUESDAY_0000_HCM - 24 * 60 * MIN,
      answered: 1,
      missed: 2,
      talkMs: 2 * MIN,
      statusMs: { AVAILABLE: 10 * MIN, LUNCH_BREAK: 30 * MIN },
    });
  });

  it("takes the telephony's measured talk time when it has one", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.team("q", ["lan"], t0);
      c.arrive("c1", "q", t0 + MIN);
      c.answer("c1", t0 + MIN + SEC, "lan");
      c.end("c1", t0 + 5 * MIN, { talkSec: 90 });
    });
    expect(agentDay(days, "lan", t0 + 6 * MIN)?.talkMs).toBe(90 * SEC);
  });

  it("starts again at local midnight: yesterday's figures are dropped, the status carries over", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.team("q", ["lan"], t0);
      c.arrive("c1", "q", t0 + MIN);
      c.answer("c1", t0 + MIN + SEC, "lan");
      c.end("c1", t0 + 2 * MIN);
    });
    expect(agentDay(days, "lan", TUESDAY_0000_HCM + 5 * MIN)).toEqual({
      dayStart: TUESDAY_0000_HCM,
      answered: 0,
      missed: 0,
      talkMs: 0,
      statusMs: { AVAILABLE: 5 * MIN },
    });
  });

  it("the automatic Not available after missed calls counts as a status change", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.team("q", ["lan"], t0, { waitAgentAnswerTimeout: 20, maxConsecutiveMisses: 1 });
      c.arrive("c1", "q", t0 + MIN);
      c.tick(t0 + MIN + 20 * SEC);
    });
    expect(agentDay(days, "lan", t0 + 2 * MIN)?.statusMs).toEqual({
      AVAILABLE: MIN + 20 * SEC,
      NOT_AVAILABLE: 40 * SEC,
    });
  });

  it("knows nothing of an agent it never saw", () => {
    expect(agentDay(emptyAgentDayState(HCM), "nobody", t0)).toBeNull();
  });
});
