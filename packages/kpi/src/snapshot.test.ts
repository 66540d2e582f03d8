import { emptyState, type LoggedEvent, replay } from "@callboard/routing";
import { describe, expect, it } from "vitest";
import { emptyKpiState, foldKpi, queueKpis, recordHistory } from "./fold.ts";
import { createHistoryRecorder, drainHistory } from "./history-recorder.ts";
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

  it("restored under a history recorder at or past its seq, records the tail as a full fold does", () => {
    const cut = Math.floor(log.length * 0.4);
    const storedUpTo = log[Math.floor(log.length * 0.5)]!.seq;
    const full = emptyKpiState(createHistoryRecorder(storedUpTo));
    const state = emptyState();
    let snapshot: ReturnType<typeof kpiSnapshot> | null = null;
    for (const [i, e] of log.entries()) {
      replay(state, [e]);
      foldKpi(full, e, state);
      if (i === cut - 1) snapshot = JSON.parse(JSON.stringify(kpiSnapshot(full)));
    }
    // The checkpoint boot: the center at the cut, then only the log's tail.
    const tailState = emptyState();
    replay(tailState, log.slice(0, cut));
    const recorder = createHistoryRecorder(storedUpTo);
    const restored = restoreKpi(snapshot!);
    recordHistory(restored, recorder);
    for (const e of log.slice(cut)) {
      replay(tailState, [e]);
      foldKpi(restored, e, tailState);
    }
    const a = drainHistory(full.history!);
    const b = drainHistory(recorder);
    expect(b.queues.length).toBeGreaterThan(0);
    expect(b.agents.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it("refuses a history recorder behind the snapshot: the events between would be lost", () => {
    const state = emptyState();
    const kpi = emptyKpiState();
    for (const e of log.slice(0, 200)) {
      replay(state, [e]);
      foldKpi(kpi, e, state);
    }
    const restored = restoreKpi(kpiSnapshot(kpi));
    expect(restored.history).toBeNull();
    expect(() => recordHistory(restored, createHistoryRecorder(restored.seq - 1))).toThrow(
      /history is stored up to seq \d+, before the KPI fold's seq \d+/,
    );
    expect(restored.history).toBeNull();
    recordHistory(restored, createHistoryRecorder(restored.seq));
    expect(restored.history).not.toBeNull();
  });
});
