import { describe, expect, it } from "vitest";
import { center, MIN, MONDAY_0900_HCM, SEC, TUESDAY_0000_HCM } from "./kpi.test-helpers.ts";
import {
  emptyStatusDayState,
  foldStatusDay,
  restoreStatusDay,
  statusDayJson,
  statusToday,
} from "./status-day.ts";

const HCM = "Asia/Ho_Chi_Minh";

/** The center of the KPI tests, with the status-day fold run on every logged event. */
function dayOf(run: (c: ReturnType<typeof center>) => void) {
  const c = center();
  run(c);
  const days = emptyStatusDayState(HCM);
  for (const e of c.log) foldStatusDay(days, e);
  return { c, days };
}

describe("an agent's time in each status today", () => {
  const t0 = MONDAY_0900_HCM;

  it("adds up each status held, the current one up to now", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.send({ type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" }, t0 + 10 * MIN);
      c.send({ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" }, t0 + 40 * MIN);
    });
    // center().agent makes the agent Available at t0.
    expect(statusToday(days, "lan", t0 + 45 * MIN)).toEqual({ AVAILABLE: 15 * MIN, LUNCH_BREAK: 30 * MIN });
  });

  it("starts again at local midnight: yesterday's time is dropped, the status carries over", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
    });
    expect(statusToday(days, "lan", TUESDAY_0000_HCM + 5 * MIN)).toEqual({ AVAILABLE: 5 * MIN });
  });

  it("the automatic Not available after missed calls counts as a status change", () => {
    const { days } = dayOf((c) => {
      c.agent("lan", t0);
      c.team("q", ["lan"], t0, { waitAgentAnswerTimeout: 20, maxConsecutiveMisses: 1 });
      c.arrive("c1", "q", t0 + MIN);
      c.tick(t0 + MIN + 20 * SEC);
    });
    expect(statusToday(days, "lan", t0 + 2 * MIN)).toEqual({
      AVAILABLE: MIN + 20 * SEC,
      NOT_AVAILABLE: 40 * SEC,
    });
  });

  it("survives a checkpoint: restored from its JSON it folds on to the same figures", () => {
    const { c, days } = dayOf((c) => {
      c.agent("lan", t0);
      c.send({ type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" }, t0 + 10 * MIN);
    });
    const half = emptyStatusDayState(HCM);
    const cut = Math.floor(c.log.length / 2);
    for (const e of c.log.slice(0, cut)) foldStatusDay(half, e);
    const restored = restoreStatusDay(JSON.parse(JSON.stringify(statusDayJson(half))));
    for (const e of c.log.slice(cut)) foldStatusDay(restored, e);
    expect(statusToday(restored, "lan", t0 + 20 * MIN)).toEqual(statusToday(days, "lan", t0 + 20 * MIN));
  });

  it("knows nothing of an agent it never saw", () => {
    expect(statusToday(emptyStatusDayState(HCM), "nobody", t0)).toBeNull();
  });
});
