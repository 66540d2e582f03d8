import type { HistoryReader, HistoryRow } from "@callboard/api";
import { CoreUnavailableError } from "@callboard/contracts";
import { HISTORY_AGENT_COUNTERS, HISTORY_QUEUE_COUNTERS, type HistoryStore } from "@callboard/db";
import {
  type AGENT_COUNTER_NAMES,
  type BucketDelta,
  type COUNTER_NAMES,
  createHistoryRecorder,
  drainHistory,
  FIELDS,
  HISTORY_VERSION,
  type HistoryRecorder,
  type KpiState,
  type OpenHistoryScope,
  openHistory,
  serviceLevelParts,
} from "@callboard/kpi";

// The store's columns are the fold's counters in the fold's order (then SL's parts): checked here,
// at compile time, so a counter added on one side only fails the typecheck.
const QUEUE_COLUMNS: readonly [...typeof COUNTER_NAMES, "slNumerator", "slDenominator"] =
  HISTORY_QUEUE_COUNTERS;
const AGENT_COLUMNS: typeof AGENT_COUNTER_NAMES = HISTORY_AGENT_COUNTERS;
void QUEUE_COLUMNS;
void AGENT_COLUMNS;

/** Boot replay writes the buckets every this many events, so a rebuild never holds the whole log's deltas. */
const REPLAY_WRITE_EVERY = 50_000;

/**
 * Live, committed batches are written together: once this many events wait, or this long after the
 * first of them. One transaction per group commit cost ~28 % of ingest (the history bench); a
 * batch lost to a crash is replayed from the log at the next boot (the stored seq says from where),
 * and reads write what waits first, so nothing read is ever behind the live tiles.
 */
export const HISTORY_WRITE_EVERY = { events: 2_000, ms: 250 };

/**
 * The history read model beside the core: the live KPI fold records its counts into 15-minute
 * buckets (packages/kpi), and this adds committed batches' deltas to SQLite after the log's group
 * commits (a few together, HISTORY_WRITE_EVERY), with the seq they reach, in one transaction. At
 * boot the buckets are kept when they are of this fold's version and not ahead of the log (else
 * cleared); the core's replay then folds the log from a checkpoint no later than the stored seq
 * (boot.ts), and only events after the stored seq are written — so a read model that is missing or
 * behind is rebuilt by that same pass, and an event is never counted twice.
 */
export class LiveHistory implements HistoryReader {
  readonly recorder: HistoryRecorder;
  private kpi: KpiState | null = null;
  private replayedSinceWrite = 0;
  /** Committed but not written yet: the last seq and how many events. */
  private waiting = { seq: 0, events: 0 };
  private timer: NodeJS.Timeout | null = null;
  private failure: string | null = null;

  constructor(
    private readonly store: HistoryStore,
    logLastSeq: number,
    private readonly onWriteError: (error: unknown) => void,
  ) {
    const position = store.position();
    const usable = position !== null && position.version === HISTORY_VERSION && position.seq <= logLastSeq;
    if (!usable) store.clear(HISTORY_VERSION);
    this.recorder = createHistoryRecorder(usable ? position.seq : 0);
  }

  /** The fold whose open intervals reads add (LiveKpis's state, which records into `recorder`). */
  attach(kpi: KpiState): void {
    this.kpi = kpi;
  }

  /** For the core's boot replay, after the KPI fold saw the event. */
  replayed(seq: number): void {
    if (++this.replayedSinceWrite >= REPLAY_WRITE_EVERY) this.write(seq);
  }

  /** After a committed batch (the KPI fold recorded it): written with others, soon (HISTORY_WRITE_EVERY). */
  committed(events: readonly { seq: number }[]): void {
    if (events.length === 0) return;
    this.waiting.seq = events.at(-1)!.seq;
    this.waiting.events += events.length;
    if (this.waiting.events >= HISTORY_WRITE_EVERY.events) this.flush();
    else if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), HISTORY_WRITE_EVERY.ms);
      this.timer.unref();
    }
  }

  /** Writes every committed batch still waiting (before a read, and at shutdown). */
  flush(): void {
    if (this.waiting.events > 0) this.write(this.waiting.seq);
  }

  /** Writes what was recorded up to `seq` (the end of the replay, or the batches waiting). */
  write(seq: number): void {
    this.replayedSinceWrite = 0;
    this.waiting.events = 0;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.failure !== null || seq <= this.recorder.afterSeq) return;
    const delta = drainHistory(this.recorder);
    try {
      this.store.write(delta.queues.map(withServiceLevelParts), delta.agents, {
        seq,
        version: HISTORY_VERSION,
      });
      this.recorder.afterSeq = seq;
    } catch (error) {
      // The deltas are gone from memory: stop recording and say so on every read; the next boot
      // rebuilds from the seq still stored.
      this.failure = error instanceof Error ? error.message : String(error);
      if (this.kpi) this.kpi.history = null;
      this.onWriteError(error);
    }
  }

  queueBuckets(queueId: string, from: number, to: number, now: number): HistoryRow[] {
    this.assertWritable();
    // Stored rows end with SL's parts; readers sum the fold's counters only (the first FIELDS).
    const stored = this.store.queueBuckets(queueId, from, to);
    return [...stored, ...this.open(now, { from, queueId }).queues.filter((r) => r.bucket < to)];
  }

  agentBuckets(agentId: string, from: number, to: number, now: number): HistoryRow[] {
    this.assertWritable();
    const open = this.open(now, { from, agentIds: [agentId] }).agents.filter((r) => r.bucket < to);
    return [...this.store.agentBuckets(agentId, from, to), ...open];
  }

  agentTotals(agentIds: readonly string[], from: number, to: number, now: number): HistoryRow[] {
    this.assertWritable();
    const open = this.open(now, { from, agentIds }).agents.filter((r) => r.bucket < to);
    return [...this.store.agentTotals(agentIds, from, to), ...open];
  }

  private open(now: number, scope: OpenHistoryScope) {
    return this.kpi ? openHistory(this.kpi, now, scope) : { queues: [], agents: [] };
  }

  private assertWritable(): void {
    this.flush();
    if (this.failure !== null)
      throw new CoreUnavailableError(
        `history could not be written (${this.failure}); a restart rebuilds it from the event log`,
      );
  }
}

/** The stored row of a queue's delta: the fold's counters, then service level's parts. */
function withServiceLevelParts(row: BucketDelta): BucketDelta {
  const { numerator, denominator } = serviceLevelParts(row.values);
  const values = new Float64Array(FIELDS + 2);
  values.set(row.values);
  values[FIELDS] = numerator;
  values[FIELDS + 1] = denominator;
  return { ...row, values };
}

const off = (): never => {
  throw new CoreUnavailableError("history is off on this server (AppOptions.history = false)");
};

/** The reader of a server started without the read model (the bench's baseline). */
export const HISTORY_OFF: HistoryReader = { queueBuckets: off, agentBuckets: off, agentTotals: off };
