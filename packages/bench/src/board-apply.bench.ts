/**
 * The browser's cost per batch at 10,000 agents (issue 12 §2, the soak's "clients fell behind"):
 * applying one delta to the board's replica and building the view React reads, now (BoardView: two
 * copies per container taking turns, brought up to date by the ids the delta changed) against the
 * view builder it replaced, in the same run on the same deltas. The baseline copied every changed
 * container whole (`{...agents}`: 10,000 entries), checked every record's identity, and rebuilt the
 * agents-today map from all agents whenever one agent's figures changed.
 *
 * Deltas come from the simulator's center (board-center.ts) through the core's BoardProjector, one
 * per 100 ms batch, as JSON (the bench measures apply, not unpacking). Knobs: BENCH_APPLY_AGENTS
 * (10,000), BENCH_APPLY_QUEUES (50), BENCH_APPLY_SPEED (3, ~800 events/s), BENCH_APPLY_BATCHES (200).
 */
import {
  type BoardDeltaWire,
  BoardProjector,
  BoardReplica,
  type BoardSnapshotWire,
  type BoardState,
  noBoardChanges,
} from "@callboard/contracts";
import { BoardView } from "@callboard/live";
import { boardCenter } from "./board-center.ts";
import { percentile } from "./stats.ts";

const agents = Number(process.env.BENCH_APPLY_AGENTS ?? 10_000);
const queues = Number(process.env.BENCH_APPLY_QUEUES ?? 50);
const speed = Number(process.env.BENCH_APPLY_SPEED ?? 3);
const batchCount = Number(process.env.BENCH_APPLY_BATCHES ?? 200);

const center = boardCenter({ agents, queues, speed });
for (let t = 0; t < 30_000; t += 100) center.tick();
const projector = new BoardProjector("bench", center.state, center.days);
const snapshot = projector.snapshotJson(center.now);
const deltas: string[] = [];
let events = 0;
while (deltas.length < batchCount) {
  const applied = center.tick();
  events += applied.length;
  const json = projector.advance(center.state, applied, center.now);
  if (json !== null) deltas.push(json);
}

/** The view builder of protocol 4 (packages/live's shared-state.ts), kept here as the baseline. */
function shareUnchanged<S extends object>(previous: S | null, live: S): S {
  const next: Record<string, unknown> = {};
  let changed = previous === null;
  for (const [key, value] of Object.entries(live)) {
    const before = previous ? (previous as Record<string, unknown>)[key] : undefined;
    const after = typeof value === "object" && value !== null ? reuse(before, value) : value;
    next[key] = after;
    if (after !== before) changed = true;
  }
  return changed || !previous ? (next as S) : previous;
}
function reuse(before: unknown, live: object): object {
  if (Array.isArray(live)) {
    const same =
      Array.isArray(before) && before.length === live.length && live.every((item, i) => item === before[i]);
    return same ? (before as object) : [...live];
  }
  if (typeof before !== "object" || before === null || Array.isArray(before)) return { ...live };
  const b = before as Record<string, unknown>;
  const l = live as Record<string, unknown>;
  let count = 0;
  for (const key in l) {
    if (!Object.hasOwn(l, key)) continue;
    count++;
    if (!Object.hasOwn(b, key) || b[key] !== l[key]) return { ...l };
  }
  return count === Object.keys(b).length ? b : { ...l };
}

interface Run {
  /** Per batch: apply to the replica and build the view, in ms. */
  ms: number[];
  /** The last view, to check both paths show the same board. */
  state: BoardState;
}

function baseline(): Run {
  const replica = new BoardReplica(JSON.parse(snapshot) as BoardSnapshotWire);
  let state = shareUnchanged(null, replica.state);
  let today = new Map(Object.entries(replica.state.agentsToday));
  const ms: number[] = [];
  for (const json of deltas) {
    const delta = JSON.parse(json) as BoardDeltaWire;
    const started = performance.now();
    replica.apply(delta);
    state = shareUnchanged(state, replica.state);
    if ((delta.agentsToday?.length ?? 0) > 0) today = new Map(Object.entries(replica.state.agentsToday));
    ms.push(performance.now() - started);
  }
  if (today.size !== Object.keys(state.agentsToday).length) throw new Error("baseline lost a figure");
  return { ms, state };
}

function now(): Run {
  const replica = new BoardReplica(JSON.parse(snapshot) as BoardSnapshotWire);
  const view = new BoardView(replica.state);
  const ms: number[] = [];
  for (const json of deltas) {
    const delta = JSON.parse(json) as BoardDeltaWire;
    const started = performance.now();
    const changes = noBoardChanges();
    replica.apply(delta, changes);
    view.advance(changes);
    ms.push(performance.now() - started);
  }
  return { ms, state: view.state };
}

// Alternate, twice each, so neither path always runs on a warmer (or busier) machine.
const runs = { baseline: [] as number[], now: [] as number[] };
let shown: { baseline: BoardState; now: BoardState } | null = null;
for (let round = 0; round < 2; round++) {
  const b = baseline();
  const n = now();
  runs.baseline.push(...b.ms);
  runs.now.push(...n.ms);
  shown = { baseline: b.state, now: n.state };
}
if (JSON.stringify(shown?.baseline) !== JSON.stringify(shown?.now)) {
  throw new Error("the two view builders disagree on the board they show");
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return { mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const base = summary(runs.baseline);
const next = summary(runs.now);
const fmt = (x: number) => `${x.toFixed(3)} ms`;
const perDelta = Math.round(deltas.reduce((a, d) => a + d.length, 0) / deltas.length);
console.log(
  `Board apply per batch, ${agents.toLocaleString("en")} agents, ${queues} queues, ` +
    `${Math.round(events / (deltas.length / 10))} events/s, ${deltas.length} batches × 2 runs (mean delta ${perDelta} B JSON)`,
);
console.log("| per batch: apply + view | now (BoardView) | baseline (copy + identity scan) | ratio |");
console.log("|---|---:|---:|---:|");
for (const key of ["mean", "p50", "p99"] as const) {
  console.log(`| ${key} | ${fmt(next[key])} | ${fmt(base[key])} | ${(next[key] / base[key]).toFixed(2)}× |`);
}
