import { gunzipSync, gzip } from "node:zlib";
import type { CheckpointRow, NewCheckpoint } from "@callboard/db";
import {
  type AgentDayJson,
  type AgentDayState,
  agentDayJson,
  type KpiSnapshot,
  type KpiState,
  kpiSnapshot,
  restoreAgentDay,
  restoreKpi,
  restoreStatusDay,
  type StatusDayJson,
  type StatusDayState,
  statusDayJson,
} from "@callboard/kpi";
import { type CenterState, EVENT_FORMAT } from "@callboard/routing";

/**
 * Checkpoints: the center's state and the KPI folds (queues, agents' days) at one seq, so boot folds
 * only the log's tail. Bump when CenterState's or a fold's shape changes: an older checkpoint is then skipped (a full
 * replay rebuilds both), never misread. 2: the KPI fold counts talk time (FIELDS 16) and its agents
 * carry their id, for history.
 */
export const CHECKPOINT_FORMAT = 2;

interface Payload {
  format: number;
  eventFormat: number;
  centerId: string;
  seq: number;
  state: CenterState;
  kpi: KpiSnapshot;
  agentDays: AgentDayJson;
  statusDays: StatusDayJson;
}

/** The folds kept beside the core (LiveKpis), as a checkpoint stores them. */
export interface Folds {
  kpi: KpiState;
  agentDays: AgentDayState;
  statusDays: StatusDayState;
}

/**
 * Checkpoint defaults (CALLBOARD_CHECKPOINT_EVENTS / _MINUTES). At 10,000 agents the tail after a
 * checkpoint is the part of boot that grows (seed:days), so it is kept to 20,000 events: about 75 s
 * of an average day at 270 events/s, for ~0.7 MB of gzip and one JSON pass of the state each time.
 */
export const DEFAULT_CHECKPOINTS: CheckpointPolicy = { everyEvents: 20_000, everyMs: 5 * 60_000 };

export interface CheckpointPolicy {
  /** Take one after this many events since the last… */
  everyEvents: number;
  /** …or once this much time has passed with at least one event since (ms). */
  everyMs: number;
}

export interface CheckpointTiming {
  seq: number;
  bytes: number;
  /** On the core's thread: JSON of the state and KPIs. */
  serializeMs: number;
  /** In libuv's thread pool, beside routing. */
  compressMs: number;
}

/**
 * Decides when to take a checkpoint and encodes it without holding up routing: after a commit it
 * serializes the state (synchronous: the state must not move meanwhile), compresses it in the
 * thread pool, and hands the result to the core's next group commit (`take`). A checkpoint is only
 * ever of events already committed, so writing it later, with newer events, keeps it true.
 */
export class Checkpointer {
  private since = 0;
  private lastAt: number;
  private busy = false;
  private ready: NewCheckpoint | null = null;

  constructor(
    private readonly options: CheckpointPolicy & {
      centerId: string;
      folds: () => Folds;
      /** Boot time, or when the checkpoint boot started from was taken. */
      startedAt: number;
      /** A checkpoint is ready: the core should commit soon even if nothing else happens. */
      onReady: () => void;
      onWritten?: (timing: CheckpointTiming) => void;
      onError: (error: unknown) => void;
    },
  ) {
    this.lastAt = options.startedAt;
  }

  /** For the core's commit: the encoded checkpoint waiting to be written, once. */
  take(): NewCheckpoint | null {
    const ready = this.ready;
    this.ready = null;
    return ready;
  }

  /** After a commit of `count` events (listeners told, KPIs folded), with the state it left. */
  committed(count: number, state: CenterState, now: number): void {
    this.since += count;
    if (this.busy || this.ready !== null || this.since === 0) return;
    if (this.since < this.options.everyEvents && now - this.lastAt < this.options.everyMs) return;
    this.since = 0;
    this.lastAt = now;
    this.busy = true;
    const started = performance.now();
    const json = encodeCheckpoint(this.options.centerId, state, this.options.folds());
    const serializeMs = performance.now() - started;
    const seq = state.seq;
    const zipping = performance.now();
    gzip(json, { level: 1 }, (error, data) => {
      this.busy = false;
      if (error) {
        this.options.onError(error);
        return;
      }
      this.ready = { seq, at: now, centerId: this.options.centerId, format: CHECKPOINT_FORMAT, data };
      this.options.onWritten?.({
        seq,
        bytes: data.length,
        serializeMs,
        compressMs: performance.now() - zipping,
      });
      this.options.onReady();
    });
  }
}

/** The checkpoint's JSON (before compression). */
export function encodeCheckpoint(centerId: string, state: CenterState, folds: Folds): string {
  const payload: Payload = {
    format: CHECKPOINT_FORMAT,
    eventFormat: EVENT_FORMAT,
    centerId,
    seq: state.seq,
    state,
    kpi: kpiSnapshot(folds.kpi),
    agentDays: agentDayJson(folds.agentDays),
    statusDays: statusDayJson(folds.statusDays),
  };
  return JSON.stringify(payload);
}

export interface RestoredCheckpoint extends Folds {
  seq: number;
  state: CenterState;
}

/**
 * The newest checkpoint this boot can trust, or null (full replay). Each one skipped is reported
 * with why: another history, another format, past the end of the log, unreadable.
 */
export function readCheckpoint(
  rows: readonly CheckpointRow[],
  expected: CheckpointExpectations,
  warn: (seq: number, why: string) => void,
): RestoredCheckpoint | null {
  for (const row of rows) {
    const why = unusable(row, expected);
    if (why) {
      warn(row.seq, why);
      continue;
    }
    try {
      const payload = JSON.parse(gunzipSync(row.data).toString("utf8")) as Payload;
      const inner = unusable(payload, expected);
      if (inner) throw new Error(`its content ${inner}`);
      if (payload.eventFormat !== EVENT_FORMAT)
        throw new Error(`it was taken in event format ${payload.eventFormat}, not ${EVENT_FORMAT}`);
      if (payload.seq !== row.seq || payload.state?.seq !== row.seq)
        throw new Error(`it says seq ${payload.state?.seq} where its row says ${row.seq}`);
      if (
        typeof payload.state.agents !== "object" ||
        !Array.isArray(payload.kpi?.queues) ||
        !Array.isArray(payload.agentDays?.agents) ||
        !Array.isArray(payload.statusDays?.agents)
      )
        throw new Error("it does not hold a center and its KPIs");
      return {
        seq: row.seq,
        state: payload.state,
        kpi: restoreKpi(payload.kpi),
        agentDays: restoreAgentDay(payload.agentDays),
        statusDays: restoreStatusDay(payload.statusDays),
      };
    } catch (error) {
      warn(row.seq, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return null;
}

/** What a checkpoint must fit to be used by this boot. */
export interface CheckpointExpectations {
  centerId: string;
  lastSeq: number;
  /**
   * Where history's read model is stored up to, when one is kept: boot folds only the log after the
   * checkpoint, so one past this seq would leave the events between out of history for good.
   */
  historySeq?: number;
}

function unusable(
  row: { centerId: string; format: number; seq: number },
  expected: CheckpointExpectations,
): string | null {
  if (row.centerId !== expected.centerId)
    return `belongs to another event history (${row.centerId}, this one is ${expected.centerId})`;
  if (row.format !== CHECKPOINT_FORMAT)
    return `was written in checkpoint format ${row.format}, and this Callboard reads ${CHECKPOINT_FORMAT}`;
  if (row.seq > expected.lastSeq)
    return `is at seq ${row.seq}, past the end of the log (${expected.lastSeq})`;
  if (expected.historySeq !== undefined && row.seq > expected.historySeq)
    return `is at seq ${row.seq}, past history's read model (stored up to seq ${expected.historySeq}): history needs the events between folded`;
  return null;
}
