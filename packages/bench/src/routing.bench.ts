/**
 * `pnpm bench`: routing latency at the issue's scale (10,000 agents in 50 groups, 1,000 callers
 * waiting) next to a baseline measured in the same run on the same agent records (a plain linear scan
 * choosing the longest-idle agent that can ring). Prints a table with ratios and the issue's targets;
 * a missed target is reported, never an exit code. A broken scenario (an event rejected, a step that
 * does not make exactly the one offer expected) throws: its numbers would mean nothing.
 *
 * Knobs (environment): BENCH_DECISIONS (measured decisions wanted, default 2000), BENCH_BUDGET_SEC
 * (wall-clock budget of the measured phases, default 40; fewer decisions are measured, and said so,
 * when the engine is too slow to fit them).
 * Profile: cd packages/bench && node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/routing.bench.ts
 */
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import {
  AVAILABLE,
  CallStatus,
  type CenterState,
  type DomainEvent,
  type LoggedEvent,
  step,
} from "@callboard/routing";
import {
  agentIds,
  buildByReplay,
  checkEquivalence,
  FULL_CENTER,
  linearScan,
  queueAgents,
  queueId,
  SMALL_CENTER,
} from "./center.ts";
import { count, ratio, table, us } from "./report.ts";
import { repetitions, type Summary, summarize, toUs } from "./stats.ts";

const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
};

const TARGET_DECISIONS = Math.round(envNumber("BENCH_DECISIONS", 2_000));
const BUDGET_MS = envNumber("BENCH_BUDGET_SEC", 40) * 1000;
/** Share of the budget for the main stream (Available → offer); the rest measures call end → next offer. */
const MAIN_SHARE = 0.7;
const WARMUP_DECISIONS = 200;
/** At most this share of a stream's budget goes to warm-up. */
const WARMUP_SHARE = 0.1;
/** Measured even when the budget is gone, so there is something to report. */
const MIN_DECISIONS = 3;
const TARGET_P99_US = 100;

const spec = FULL_CENTER;
const wallStart = performance.now();
const elapsedMs = (since: number) => performance.now() - since;

// ---------------------------------------------------------------------------------------------- setup
checkEquivalence(SMALL_CENTER, isDeepStrictEqual);
const setupStart = performance.now();
const built = buildByReplay(spec);
const setupMs = elapsedMs(setupStart);
const state: CenterState = built.state;
let now = built.now;
const ids = agentIds(state);

const calls = Object.values(state.calls);
const waitingCount = () => Object.values(state.calls).filter((c) => c.status === CallStatus.WAITING).length;
const talkingCount = calls.filter((c) => c.status === CallStatus.TALKING).length;
const roles = new Map<string, number>();
const pools: string[][] = [];
const talkers: string[][] = [];
for (let q = 0; q < spec.queues; q++) {
  const agents = queueAgents(spec, q);
  for (const { role } of agents) roles.set(role, (roles.get(role) ?? 0) + 1);
  pools.push(agents.filter((a) => a.role === "idle").map((a) => a.id));
  talkers.push(agents.filter((a) => a.role === "talking").map((a) => a.id));
}
if (waitingCount() !== spec.waitingCalls) throw new Error(`setup: ${waitingCount()} callers waiting`);
if (linearScan(state.agents, ids) !== null) throw new Error("setup: some agent can ring, nobody should");

// ----------------------------------------------------------------------------------------- measuring
interface Timed {
  us: number;
  applied: LoggedEvent[];
}

function timedStep(event: DomainEvent): Timed {
  now += 1;
  const t0 = process.hrtime.bigint();
  const result = step(state, event, now);
  const t1 = process.hrtime.bigint();
  if (!result.ok)
    throw new Error(`${event.type} rejected: ${result.rejection.code}: ${result.rejection.message}`);
  return { us: toUs(t1 - t0), applied: result.applied };
}

/** Throws unless `applied` holds exactly one offer, of a call of `queue`, to `agent`; returns the call. */
function expectOneOffer(what: string, applied: readonly LoggedEvent[], agent: string, queue: string): string {
  const offers = applied.filter((e) => e.type === "call.offered");
  const offer = offers[0];
  if (offers.length !== 1 || offer?.type !== "call.offered" || offer.agentIds.join() !== agent) {
    const got = applied.map((e) => e.type).join(", ");
    throw new Error(`${what}: expected one offer to ${agent}, the engine applied [${got}]`);
  }
  const call = state.calls[offer.callId];
  if (call?.queueId !== queue) throw new Error(`${what}: offered ${offer.callId}, not a call of ${queue}`);
  return offer.callId;
}

function expectNoOffer(what: string, applied: readonly LoggedEvent[]): void {
  if (applied.some((e) => e.type === "call.offered")) throw new Error(`${what}: unexpected offer`);
}

interface Stream {
  warmup: number;
  measured: number;
  budgetHit: boolean;
}

/**
 * Runs `cycle(i, record)` for warm-up then measurement. Each cycle makes exactly one decision and
 * leaves the center as it found it (1,000 callers waiting, the same agents talking). `warmedUp` gets
 * the mean wall time of a warm-up cycle and the budget left, before measuring starts.
 */
function runStream(
  budgetMs: number,
  cycle: (i: number, record: boolean) => void,
  warmedUp: (cycles: number, cycleMs: number, budgetLeftMs: number) => void = () => {},
): Stream {
  const start = performance.now();
  let i = 0;
  while (i < WARMUP_DECISIONS && (i === 0 || elapsedMs(start) < budgetMs * WARMUP_SHARE)) cycle(i++, false);
  const warmup = i;
  warmedUp(warmup, elapsedMs(start) / warmup, budgetMs - elapsedMs(start));
  let measured = 0;
  while (measured < TARGET_DECISIONS && (measured < MIN_DECISIONS || elapsedMs(start) < budgetMs)) {
    cycle(i++, true);
    measured++;
  }
  return { warmup, measured, budgetHit: measured < TARGET_DECISIONS };
}

const samples = {
  available: [] as number[],
  baseline: [] as number[],
  withdraw: [] as number[],
  ended: [] as number[],
  answer: [] as number[],
  arrival: [] as number[],
};
let baselineReps = 1;
let baselineAgreed = 0;
/** Baseline time spent during warm-up (one scan per cycle), to size baselineReps. */
let warmupBaselineMs = 0;

/**
 * Main stream: an agent of queue q goes Available (the only one the engine may ring), the engine
 * offers it the oldest caller of q; then it goes back to Not available, the offer is withdrawn and
 * the caller waits again. The baseline scans the same records the engine decides on.
 */
function availableCycle(i: number, record: boolean): void {
  const q = i % spec.queues;
  const pool = pools[q]!;
  const agent = pool[Math.floor(i / spec.queues) % pool.length]!;
  const before = state.agents[agent]!;
  // The record the engine decides on once the status event is folded (`since` aside).
  state.agents[agent] = { ...before, manualStatus: AVAILABLE };
  for (let r = 0; r < (record ? baselineReps : 1); r++) {
    const t0 = process.hrtime.bigint();
    const picked = linearScan(state.agents, ids);
    const t1 = process.hrtime.bigint();
    if (record) samples.baseline.push(toUs(t1 - t0));
    else warmupBaselineMs += toUs(t1 - t0) / 1000;
    if (record && r === 0 && picked === agent) baselineAgreed++;
  }
  state.agents[agent] = before;

  const offered = timedStep({ type: "agent.manual_status_set", agentId: agent, status: AVAILABLE });
  expectOneOffer("Available", offered.applied, agent, queueId(q));
  const withdrawn = timedStep({ type: "agent.manual_status_set", agentId: agent, status: "NOT_AVAILABLE" });
  expectNoOffer("Not available", withdrawn.applied);
  if (!withdrawn.applied.some((e) => e.type === "call.offer_ended")) {
    throw new Error("Not available: the offer was not withdrawn");
  }
  if (record) {
    samples.available.push(offered.us);
    samples.withdraw.push(withdrawn.us);
  }
}

/**
 * Second stream: a talking agent of queue q hangs up (no wrap-up), the engine offers it the oldest
 * caller of q, it answers, and a new caller arrives in q so 1,000 are waiting again.
 */
let arrivals = 0;
function endedCycle(i: number, record: boolean): void {
  const q = i % spec.queues;
  const team = talkers[q]!;
  const agent = team[Math.floor(i / spec.queues) % team.length]!;
  const callId = state.agents[agent]!.activeCallId;
  if (callId === null) throw new Error(`call end: ${agent} is not on a call`);
  const ended = timedStep({ type: "call.ended", callId });
  const next = expectOneOffer("call end", ended.applied, agent, queueId(q));
  const answered = timedStep({ type: "call.answered", callId: next, agentId: agent });
  expectNoOffer("answer", answered.applied);
  const arrived = timedStep({
    type: "call.arrived",
    callId: `n${arrivals++}`,
    queueId: queueId(q),
    from: "84901234567",
  });
  expectNoOffer("arrival", arrived.applied);
  if (record) {
    samples.ended.push(ended.us);
    samples.answer.push(answered.us);
    samples.arrival.push(arrived.us);
  }
}

const mainBudget = BUDGET_MS * MAIN_SHARE;
// The baseline is timed several times per decision when few decisions fit, so it has about
// TARGET_DECISIONS samples too.
const main = runStream(mainBudget, availableCycle, (cycles, cycleMs, leftMs) => {
  const baselineMs = warmupBaselineMs / cycles;
  baselineReps = repetitions(cycleMs - baselineMs, baselineMs, leftMs, TARGET_DECISIONS);
});
const second = runStream(BUDGET_MS - mainBudget, endedCycle);
if (waitingCount() !== spec.waitingCalls) throw new Error(`after the run: ${waitingCount()} callers waiting`);

// -------------------------------------------------------------------------------------------- report
const engine = summarize(samples.available);
const baseline = summarize(samples.baseline);

const latencyRows = (pick: (s: Summary) => number, label: string): string[] => [
  label,
  us(pick(engine)),
  us(pick(baseline)),
  ratio(pick(engine), pick(baseline)),
];

const cpus = os.cpus();
console.log("Routing bench (@callboard/bench)");
console.log(
  `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, node ${process.version}; ` +
    `wall ${(elapsedMs(wallStart) / 1000).toFixed(1)} s`,
);
console.log(
  `center: ${ids.length.toLocaleString("en-US")} agents in ${2 * spec.queues} groups of ${spec.agentsPerGroup}, ` +
    `${spec.queues} queues (longest-idle; 1 primary + 1 backup group each; wrap-up off), ` +
    `${spec.waitingCalls.toLocaleString("en-US")} callers waiting, ${talkingCount.toLocaleString("en-US")} agents talking, ` +
    `${count(roles.get("offline") ?? 0)} offline, ${count(roles.get("break") ?? 0)} on a break, ` +
    `${count(roles.get("idle") ?? 0)} Not available`,
);
console.log(
  `setup: ${built.events.toLocaleString("en-US")} events folded with replay() in ${(setupMs / 1000).toFixed(1)} s ` +
    "(log = inputs + the admissions/offers step() derives; checked equal to step() on a small center)",
);
console.log(
  `decision = one step(state, agent.manual_status_set AVAILABLE, now): the agent is the only one that can ring ` +
    "and is offered the oldest caller of its queue (then set Not available again, which withdraws the offer)",
);
console.log(
  `measured ${main.measured.toLocaleString("en-US")} decisions after ${main.warmup} warm-up` +
    (main.budgetHit
      ? ` — FEWER than the ${TARGET_DECISIONS.toLocaleString("en-US")} wanted: the ${(mainBudget / 1000).toFixed(0)} s budget ran out`
      : "") +
    `; baseline timed ${baselineReps}× per decision on the same records (${baseline.n.toLocaleString("en-US")} samples), ` +
    `chose the engine's agent in ${baselineAgreed}/${main.measured}`,
);
console.log();
console.log(
  table(
    ["metric", "engine", "baseline (linear scan)", "ratio (engine/baseline)"],
    [
      ["timed decisions (samples)", count(engine.n), count(baseline.n), ""],
      latencyRows((s) => s.p50, "latency p50 (µs)"),
      latencyRows((s) => s.p90, "latency p90 (µs)"),
      latencyRows((s) => s.p99, "latency p99 (µs)"),
      latencyRows((s) => s.max, "latency max (µs)"),
      latencyRows((s) => s.mean, "latency mean (µs)"),
      ["decisions/s", count(engine.perSec), count(baseline.perSec), ratio(engine.perSec, baseline.perSec)],
    ],
  ),
);
console.log();
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
console.log(
  table(
    ["target (issue 4)", "measured", "result"],
    [
      [`engine p99 ≤ ${TARGET_P99_US} µs`, `${us(engine.p99)} µs`, verdict(engine.p99 <= TARGET_P99_US)],
      [
        "engine p99 ≤ baseline p50",
        `${us(engine.p99)} µs vs ${us(baseline.p50)} µs`,
        verdict(engine.p99 <= baseline.p50),
      ],
    ],
  ),
);
console.log();
console.log(
  `other steps, same center, engine only (call end stream: ${second.measured} decisions after ${second.warmup} warm-up` +
    `${second.budgetHit ? `, budget of ${((BUDGET_MS - mainBudget) / 1000).toFixed(0)} s ran out` : ""}):`,
);
const stepRow = (label: string, s: Summary): string[] => [
  label,
  count(s.n),
  us(s.p50),
  us(s.p99),
  us(s.max),
  count(s.perSec),
];
console.log(
  table(
    ["step", "n", "p50 (µs)", "p99 (µs)", "max (µs)", "steps/s"],
    [
      stepRow("Available → offer (decision, above)", engine),
      stepRow("call ended → next offer (decision)", summarize(samples.ended)),
      stepRow("Not available while ringing → withdraw", summarize(samples.withdraw)),
      stepRow("call answered", summarize(samples.answer)),
      stepRow("call arrived → queued (nobody free)", summarize(samples.arrival)),
    ],
  ),
);
