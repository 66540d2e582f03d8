import {
  type CenterState,
  INPUT_EVENT_TYPES,
  type LoggedEvent,
  RejectCode,
  summarizeQueues,
} from "@callboard/routing";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Event types the engine itself derives (the inputs are INPUT_EVENT_TYPES). */
const ENGINE_EVENT_TYPES = [
  "call.queued",
  "call.finished",
  "call.offered",
  "call.offer_ended",
  "agent.wrap_up_ended",
] as const satisfies readonly LoggedEvent["type"][];
const KNOWN_TYPES: ReadonlySet<string> = new Set([...INPUT_EVENT_TYPES, ...ENGINE_EVENT_TYPES]);
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(RejectCode));

/**
 * Every label value comes from a closed set — event types, rejection codes, the queues the center
 * has (capped by CALLBOARD_MAX_QUEUES) — never from a request, so /metrics cannot be flooded with
 * series by arbitrary input. Anything else is counted as "other".
 */
const known = (set: ReadonlySet<string>, value: string) => (set.has(value) ? value : "other");

/** Prometheus metrics for /metrics: event rate, queue depth, decision latency, loop lag (default metrics), sockets. */
export function createMetrics(state: CenterState, clock: () => number, connectedSockets: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const events = new Counter({
    name: "callboard_events_total",
    help: "Events appended to the log, by type",
    labelNames: ["type"],
    registers: [registry],
  });
  const rejected = new Counter({
    name: "callboard_events_rejected_total",
    help: "Submitted events the domain refused, by reason",
    labelNames: ["code"],
    registers: [registry],
  });
  const stepSeconds = new Histogram({
    name: "callboard_engine_step_seconds",
    help: "Time to check, apply and route one input (includes the routing decisions it triggers)",
    buckets: [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05],
    registers: [registry],
  });
  new Gauge({
    name: "callboard_calls_waiting",
    help: "Calls waiting for an agent, by queue",
    labelNames: ["queue"],
    registers: [registry],
    collect() {
      // The same numbers the board shows, from the same function.
      this.reset();
      for (const [id, summary] of summarizeQueues(state, Object.keys(state.queues), clock()))
        this.set({ queue: id }, summary.waiting);
    },
  });
  new Gauge({
    name: "callboard_connected_sockets",
    help: "Browsers connected to the live stream",
    registers: [registry],
    collect() {
      this.set(connectedSockets());
    },
  });
  const divergences = new Counter({
    name: "callboard_board_divergences_total",
    help: "Boards whose digest disagreed with a batch's (each then loaded a fresh snapshot)",
    registers: [registry],
  });
  return {
    registry,
    onBoardDiverged() {
      divergences.inc();
    },
    onAppended(appended: LoggedEvent[]) {
      for (const event of appended) events.inc({ type: known(KNOWN_TYPES, event.type) });
    },
    onStep(durationMs: number) {
      stepSeconds.observe(durationMs / 1000);
    },
    onRejected(code: string) {
      rejected.inc({ code: known(KNOWN_CODES, code) });
    },
  };
}
