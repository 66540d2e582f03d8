import type { QueueKpiView } from "@callboard/kpi";
import { describe, expect, it } from "vitest";
import { kpiViewOnWire } from "./kpi-beat.ts";

const period = {
  offered: 7,
  answered: 6,
  abandoned: 1,
  shortAbandoned: 0,
  timedOut: 0,
  serviceLevel: 5 / 6,
  asaSec: 12.345678,
  abandonRate: 1 / 7,
  ahtSec: null,
  occupancy: 0.666666666,
};
const view: QueueKpiView = {
  queueId: "sales",
  today: period,
  window: { ...period, serviceLevel: null },
  windowMin: 15,
  advice: { needed: 3, canRing: 2, shortBy: 1, predictedServiceLevel: 0.712345 },
  target: { serviceLevelSec: 20, serviceLevelTarget: 80, longestWaitAmberSec: 60, longestWaitRedSec: 120 },
  levels: { serviceLevelToday: "ok", serviceLevelWindow: "none", longestWait: "ok", staffing: "warn" },
};

describe("kpiViewOnWire", () => {
  it("rounds ratios to 0.01 % and seconds to 0.1 s, keeping nulls, counts and levels", () => {
    const wire = kpiViewOnWire(view);
    expect(wire.today).toEqual({
      ...period,
      serviceLevel: 0.8333,
      asaSec: 12.3,
      abandonRate: 0.1429,
      occupancy: 0.6667,
    });
    expect(wire.window.serviceLevel).toBeNull();
    expect(wire.window.ahtSec).toBeNull();
    expect(wire.advice).toEqual({ needed: 3, canRing: 2, shortBy: 1, predictedServiceLevel: 0.7123 });
    expect(wire.target).toBe(view.target);
    expect(wire.levels).toBe(view.levels);
    expect(kpiViewOnWire({ ...view, advice: null }).advice).toBeNull();
  });

  it("is what a screen would show: rounding twice changes nothing", () => {
    expect(kpiViewOnWire(kpiViewOnWire(view))).toEqual(kpiViewOnWire(view));
  });
});
