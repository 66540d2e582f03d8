import { describe, expect, it } from "vitest";
import { openHistory, queueKpis } from "./fold.ts";
import { type BucketDelta, createHistoryRecorder, drainHistory } from "./history-recorder.ts";
import { queueSeries } from "./history-series.ts";
import { center, MONDAY_0900_HCM, SEC } from "./kpi.test-helpers.ts";
import { localDay } from "./local-day.ts";

/**
 * A day's history equals the live tiles' "today" at midnight: a seeded day of traffic (answers,
 * abandons, time-outs, wrap-up, agents coming and going) folded once, with history's deltas kept
 * as the server stores them; at the last instant of each local day, the day's stored buckets plus
 * the time still open, read with the same formulas, equal `queueKpis(...).today` field by field.
 */

/** mulberry32, seeded: the same day every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TZ = "Asia/Ho_Chi_Minh";
const QUEUES = ["sales", "care"];

describe("a day's history at midnight", () => {
  for (const seed of [1, 2, 3]) {
    it(`equals the live today figures, for every queue, over two midnights (seed ${seed})`, () => {
      const recorder = createHistoryRecorder();
      const c = center(recorder);
      const stored: BucketDelta[] = [];
      const keep = () => stored.push(...drainHistory(recorder).queues);
      const rand = prng(seed);
      let now = MONDAY_0900_HCM;
      const agents = Array.from({ length: 6 }, (_, i) => `a${i}`);
      for (const id of agents) c.agent(id, now, { available: rand() < 0.8 });
      c.team("sales", agents.slice(0, 4), now, { serviceLevelSec: 20, shortAbandonSec: 5 });
      c.team("care", agents.slice(2), now, { agentWrapUpAfterCalls: true, wrapUpTimeLimit: 30 });
      keep();
      let calls = 0;
      const midnights = [localDay(now, TZ).end, localDay(localDay(now, TZ).end, TZ).end];
      const checked: number[] = [];
      const checkDay = (midnight: number) => {
        const readAt = midnight - 1;
        const day = localDay(readAt, TZ);
        const open = openHistory(c.kpi, readAt).queues;
        for (const q of QUEUES) {
          const rows = [...stored, ...open].filter((r) => r.id === q);
          const [history] = queueSeries(rows, [{ from: day.start, to: day.end }]);
          const live = queueKpis(c.kpi, q, readAt)!.today;
          expect({ ...history, to: readAt }).toEqual(live);
        }
        checked.push(midnight);
      };
      // 40 hours of traffic, one step every 20 s to 3 min.
      while (now < MONDAY_0900_HCM + 40 * 3_600_000) {
        const next = now + 20 * SEC + Math.floor(rand() * 160 * SEC);
        for (const m of midnights) if (now < m && next >= m) checkDay(m);
        now = next;
        c.tick(now); // timers due by now fire first, so the calls picked below still exist
        const r = rand();
        const live = Object.values(c.state.calls);
        const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
        if (r < 0.35) c.arrive(`c${++calls}`, QUEUES[Math.floor(rand() * 2)]!, now);
        else if (r < 0.55) {
          const call = pick(live.filter((x) => x.status === "ringing"));
          if (call) c.answer(call.id, now);
          else c.tick(now);
        } else if (r < 0.7) {
          const call = pick(live.filter((x) => x.status === "talking"));
          if (call) c.end(call.id, now, rand() < 0.5 ? { talkSec: Math.floor(rand() * 200) } : {});
          else c.tick(now);
        } else if (r < 0.78) {
          const call = pick(live.filter((x) => x.status !== "talking"));
          if (call) c.abandon(call.id, now);
          else c.tick(now);
        } else if (r < 0.86) {
          const id = pick(agents)!;
          c.send(
            {
              type: "agent.manual_status_set",
              agentId: id,
              status: rand() < 0.6 ? "AVAILABLE" : "LUNCH_BREAK",
            },
            now,
          );
        } else if (r < 0.9) {
          const id = pick(agents)!;
          c.send({ type: "agent.presence_changed", agentId: id, signal: "app", online: rand() < 0.7 }, now);
        } else c.tick(now);
        keep();
      }
      expect(checked).toEqual(midnights);
      // Not a vacuous day: calls of every fate were counted.
      const total = queueSeries(
        stored.filter((r) => r.id === "sales"),
        [{ from: 0, to: Number.MAX_SAFE_INTEGER }],
      )[0]!;
      expect(total.answered).toBeGreaterThan(10);
      expect(total.abandoned + total.shortAbandoned).toBeGreaterThan(0);
      expect(total.staffedSec).toBeGreaterThan(0);
    });
  }
});
