import { describe, expect, it } from "vitest";
import { F, FIELDS } from "./counters.ts";
import { A, AGENT_FIELDS, HISTORY_BUCKET_MS } from "./history-recorder.ts";
import { agentSeries, historyPeriods, queueSeries } from "./history-series.ts";

const H = 3_600_000;
const BERLIN_SPRING = Date.parse("2026-03-28T23:00:00Z"); // 29 March: 23 hours
const HCM_DAY = Date.parse("2026-11-22T17:00:00Z");

function row(bucket: number, set: Record<number, number>, width = FIELDS) {
  const values = new Float64Array(width);
  for (const [f, v] of Object.entries(set)) values[Number(f)] = v;
  return { bucket, values };
}

describe("historyPeriods", () => {
  it("cuts a day into 96 quarters, 24 hours or one day", () => {
    const end = HCM_DAY + 24 * H;
    expect(historyPeriods(HCM_DAY, end, "15min", "Asia/Ho_Chi_Minh")).toHaveLength(96);
    expect(historyPeriods(HCM_DAY, end, "hour", "Asia/Ho_Chi_Minh")).toHaveLength(24);
    expect(historyPeriods(HCM_DAY, end + 24 * H, "day", "Asia/Ho_Chi_Minh")).toEqual([
      { from: HCM_DAY, to: end },
      { from: end, to: end + 24 * H },
    ]);
  });

  it("gives a day of 23 hours 23 hours", () => {
    const hours = historyPeriods(BERLIN_SPRING, BERLIN_SPRING + 23 * H, "hour", "Europe/Berlin");
    expect(hours).toHaveLength(23);
    expect(historyPeriods(BERLIN_SPRING, BERLIN_SPRING + 23 * H, "day", "Europe/Berlin")).toHaveLength(1);
  });
});

describe("queueSeries", () => {
  it("sums buckets into their period and applies the live formulas", () => {
    const rows = [
      row(HCM_DAY, {
        [F.OFFERED]: 4,
        [F.ANSWERED]: 3,
        [F.ANSWERED_IN_SL]: 2,
        [F.WAIT_MS]: 30_000,
        [F.ABANDONED]: 1,
      }),
      row(HCM_DAY + HISTORY_BUCKET_MS, {
        [F.OFFERED]: 2,
        [F.ANSWERED]: 1,
        [F.ANSWERED_IN_SL]: 1,
        [F.SHORT_ABANDONED]: 1,
      }),
      row(HCM_DAY + H, { [F.OFFERED]: 1, [F.TIMED_OUT]: 1 }),
      row(HCM_DAY - HISTORY_BUCKET_MS, { [F.OFFERED]: 99 }), // before the range
    ];
    const [first, second] = queueSeries(
      rows,
      historyPeriods(HCM_DAY, HCM_DAY + 2 * H, "hour", "Asia/Ho_Chi_Minh"),
    );
    expect(first).toMatchObject({ offered: 6, answered: 4, abandoned: 1, shortAbandoned: 1, timedOut: 0 });
    expect(first!.serviceLevel).toBe(3 / 5);
    expect(first!.asaSec).toBe(30 / 4);
    expect(first!.abandonRate).toBe(1 / 5);
    expect(second).toMatchObject({ offered: 1, timedOut: 1, serviceLevel: 0, asaSec: null });
  });
});

describe("agentSeries", () => {
  it("sums an agent's counts and state times, in seconds", () => {
    const rows = [
      row(HCM_DAY, { [A.ANSWERED]: 2, [A.ON_CALL_MS]: 600_000, [A.CAN_RING_MS]: 300_000 }, AGENT_FIELDS),
      row(HCM_DAY + HISTORY_BUCKET_MS, { [A.HANDLED]: 2, [A.OFFLINE_MS]: 900_000 }, AGENT_FIELDS),
    ];
    expect(agentSeries(rows, [{ from: HCM_DAY, to: HCM_DAY + H }])).toEqual([
      {
        from: HCM_DAY,
        to: HCM_DAY + H,
        answered: 2,
        handled: 2,
        talkSec: 0,
        handleSec: 0,
        canRingSec: 300,
        onCallSec: 600,
        wrapUpSec: 0,
        awaySec: 0,
        offlineSec: 900,
      },
    ]);
  });
});
