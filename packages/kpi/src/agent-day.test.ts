import { applyEvent, type CenterState, emptyState, type LoggedEvent } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import {
  type AgentDayState,
  agentDaySnapshot,
  agentDayStateFrom,
  agentToday,
  emptyAgentDayState,
  foldAgentDay,
} from "./agent-day.ts";
import { center, MIN, MONDAY_0900_HCM, SEC, TUESDAY_0000_HCM } from "./kpi.test-helpers.ts";

const T0 = MONDAY_0900_HCM;
const HCM = "Asia/Ho_Chi_Minh";

/** The center of kpi.test-helpers, with the agent-day fold run after each step, as the server runs it. */
function agentCenter() {
  const c = center();
  const days = emptyAgentDayState(HCM);
  const send: typeof c.send = (event, at) => {
    const applied = c.send(event, at);
    for (const e of applied) foldAgentDay(days, e, c.state);
    return applied;
  };
  const answer = (callId: string, at: number, agentId = c.ringing(callId)!) =>
    send({ type: "call.answered", callId, agentId }, at);
  return {
    ...c,
    send,
    days,
    answer,
    end: (callId: string, at: number, extra: { talkSec?: number } = {}) =>
      send({ type: "call.ended", callId, ...extra }, at),
    tick: (at: number) => send(null, at),
    arrive: (callId: string, queueId: string, at: number) =>
      send({ type: "call.arrived", callId, queueId, from: "84900000000" }, at),
    today: (agentId: string, now: number) => agentToday(days.agents.get(agentId), now, HCM),
  };
}

/** The board's way: from a snapshot of the fold at `log[k - 1]`, then each event with the state before it. */
function foldFromSnapshot(log: readonly LoggedEvent[], k: number, now: number): AgentDayState {
  const state: CenterState = emptyState();
  const days = emptyAgentDayState(HCM);
  for (const e of log.slice(0, k)) {
    foldAgentDay(days, e, state);
    applyEvent(state, e);
    state.seq = e.seq;
  }
  const resumed = agentDayStateFrom(agentDaySnapshot(days, log[k - 1]?.at ?? now));
  for (const e of log.slice(k)) {
    foldAgentDay(resumed, e, state);
    applyEvent(state, e);
    state.seq = e.seq;
  }
  return resumed;
}

describe("an agent's figures today", () => {
  it("counts answers, timed-out offers and talk time (the telephony's, else answer to end)", () => {
    const c = agentCenter();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0, { waitAgentAnswerTimeout: 20 });
    c.arrive("c1", "q", T0);
    c.tick(T0 + 25 * SEC); // a1's offer timed out at T0 + 20 s: a miss; offered again
    c.answer("c1", T0 + 30 * SEC);
    c.end("c1", T0 + 90 * SEC); // 60 s of talk
    c.arrive("c2", "q", T0 + 100 * SEC);
    c.answer("c2", T0 + 105 * SEC);
    c.end("c2", T0 + 200 * SEC, { talkSec: 42.5 });
    expect(c.today("a1", T0 + 300 * SEC)).toEqual({ answered: 2, missed: 1, talkMs: 102_500 });
    expect(c.today("nobody", T0)).toEqual({ answered: 0, missed: 0, talkMs: 0 });
  });

  it("counts an offer the agent declined at the desk as a miss", () => {
    const c = agentCenter();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0);
    c.arrive("c1", "q", T0);
    c.send({ type: "call.declined", callId: "c1", agentId: "a1" }, T0 + 5 * SEC);
    expect(c.today("a1", T0 + 6 * SEC)).toEqual({ answered: 0, missed: 1, talkMs: 0 });
  });

  it("does not count an offer withdrawn because the agent went on a break as a miss", () => {
    const c = agentCenter();
    c.agent("a1", T0);
    c.team("q", ["a1"], T0);
    c.arrive("c1", "q", T0);
    c.send({ type: "agent.manual_status_set", agentId: "a1", status: "LUNCH_BREAK" }, T0 + SEC);
    expect(c.log.some((e) => e.type === "call.offer_ended" && e.reason === "AGENT_UNAVAILABLE")).toBe(true);
    expect(c.today("a1", T0 + 2 * SEC)).toEqual({ answered: 0, missed: 0, talkMs: 0 });
    expect(c.state.agents.a1!.missedOffers).toBe(0);
  });

  it("starts from zero at local midnight, read or folded, and counts talk on the day the call ends", () => {
    const c = agentCenter();
    const late = TUESDAY_0000_HCM - 10 * MIN;
    c.agent("a1", late);
    c.team("q", ["a1"], late);
    c.arrive("c1", "q", late);
    c.answer("c1", late + MIN);
    expect(c.today("a1", TUESDAY_0000_HCM - 1)).toEqual({ answered: 1, missed: 0, talkMs: 0 });
    // Nothing happened since midnight: the read alone resets.
    expect(c.today("a1", TUESDAY_0000_HCM)).toEqual({ answered: 0, missed: 0, talkMs: 0 });
    c.end("c1", TUESDAY_0000_HCM + 5 * MIN); // 14 min of talk, counted on Tuesday
    expect(c.today("a1", TUESDAY_0000_HCM + 6 * MIN)).toEqual({ answered: 0, missed: 0, talkMs: 14 * MIN });
  });

  it("drops an event from a day before the agent's figures (late, out of order)", () => {
    const days = emptyAgentDayState(HCM);
    const answered = (seq: number, at: number): LoggedEvent => ({
      type: "call.answered",
      callId: `c${seq}`,
      agentId: "a1",
      seq,
      at,
    });
    expect(foldAgentDay(days, answered(1, TUESDAY_0000_HCM + MIN), emptyState())).toBe(true);
    expect(foldAgentDay(days, answered(2, TUESDAY_0000_HCM - MIN), emptyState())).toBe(false);
    expect(agentToday(days.agents.get("a1"), TUESDAY_0000_HCM + 2 * MIN, HCM).answered).toBe(1);
  });

  it("replaces an agent's record when it changes and leaves the others' alone", () => {
    const c = agentCenter();
    c.agent("a1", T0);
    c.agent("a2", T0);
    c.team("q", ["a1", "a2"], T0);
    c.arrive("c1", "q", T0);
    c.answer("c1", T0 + SEC, "a1");
    c.arrive("c2", "q", T0 + 2 * SEC);
    c.answer("c2", T0 + 3 * SEC, "a2");
    const a1 = c.days.agents.get("a1");
    const a2 = c.days.agents.get("a2");
    c.end("c1", T0 + MIN);
    expect(c.days.agents.get("a1")).not.toBe(a1);
    expect(c.days.agents.get("a2")).toBe(a2);
  });
});

describe("replay equality", () => {
  it("live (after each step) = from scratch (before each event) = from a snapshot at any seq", () => {
    const c = agentCenter();
    c.agent("a1", T0);
    c.agent("a2", T0);
    c.team("q", ["a1", "a2"], T0, {
      waitAgentAnswerTimeout: 15,
      agentWrapUpAfterCalls: true,
      wrapUpTimeLimit: 5,
    });
    let t = TUESDAY_0000_HCM - 20 * MIN; // crosses a midnight
    for (let i = 0; i < 30; i++) {
      c.arrive(`c${i}`, "q", t);
      t += 20 * SEC; // the first offer times out: a miss
      c.tick(t);
      const ringing = c.ringing(`c${i}`);
      if (ringing && i % 3 !== 0) {
        c.answer(`c${i}`, t + SEC);
        c.end(`c${i}`, t + MIN + i * SEC, i % 2 === 0 ? { talkSec: 30 + i } : {});
      } else {
        c.send({ type: "call.abandoned", callId: `c${i}` }, t + 2 * SEC);
      }
      t += 2 * MIN;
    }
    const now = t;
    const live = (id: string) => agentToday(c.days.agents.get(id), now, HCM);
    expect(live("a1").answered + live("a2").answered).toBeGreaterThan(0);
    for (let k = 1; k <= c.log.length; k += 7) {
      const resumed = foldFromSnapshot(c.log, k, now);
      for (const id of ["a1", "a2"]) expect(agentToday(resumed.agents.get(id), now, HCM)).toEqual(live(id));
    }
  });
});
