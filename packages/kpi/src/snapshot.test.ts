import { emptyState, type LoggedEvent, replay } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { emptyKpiState, foldKpi, queueKpis } from "./fold.ts";
import { simulateMmc } from "./mmc.ts";
import { kpiSnapshot, restoreKpi } from "./snapshot.ts";

describe("a KPI snapshot (checkpoints)", () => {
  const log: LoggedEvent[] = [];
  simulateMmc({
    agents: 4,
    callsPerHour: 60,
    ahtSec: 180,
    calls: 3_000,
    seed: 3,
    onEvent: (e) => log.push(e),
  });

  it("restored through JSON, folds the rest of the log to the same figures as one pass", () => {
    const cut = Math.floor(log.length * 0.6);
    const state = emptyState();
    const whole = emptyKpiState();
    for (const e of log.slice(0, cut)) {
      replay(state, [e]);
      foldKpi(whole, e, state);
    }
    const restored = restoreKpi(JSON.parse(JSON.stringify(kpiSnapshot(whole))));
    expect(restored.seq).toBe(log[cut - 1]!.seq);
    for (const e of log.slice(cut)) {
      replay(state, [e]);
      foldKpi(whole, e, state);
      foldKpi(restored, e, state);
    }
    const end = log.at(-1)!.at;
    for (const now of [end, end + 60_000, end + 3_600_000]) {
      expect(queueKpis(restored, "mmc", now)).toEqual(queueKpis(whole, "mmc", now));
    }
    expect(queueKpis(whole, "mmc", end)?.today.answered).toBeGreaterThan(0);
  });

  it("restores typed arrays and forgets derived memberships", () => {
    const state = emptyState();
    const kpi = emptyKpiState();
    for (const e of log.slice(0, 200)) {
      replay(state, [e]);
      foldKpi(kpi, e, state);
    }
    const restored = restoreKpi(JSON.parse(JSON.stringify(kpiSnapshot(kpi))));
    const queue = restored.queues.get("mmc")!;
    expect(queue.ring).toBeInstanceOf(Float64Array);
    expect(Array.from(queue.ring)).toEqual(Array.from(kpi.queues.get("mmc")!.ring));
    expect(restored.membership).toBeNull();
  });
});
