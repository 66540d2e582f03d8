import { CoreUnavailableError, DomainRejectedError, type SubmitResult } from "@callboard/contracts";
import type { EventLog, NewCheckpoint, RejectedInput } from "@callboard/db";
import {
  type CenterLimits,
  type CenterState,
  emptyState,
  eventSubjects,
  type InputEvent,
  type LoggedEvent,
  nextDeadline,
  type Rejection,
  replay,
  step,
} from "@callboard/routing";
import { isSameEvent } from "./same-event.ts";

/** Inputs folded into one transaction at most; the rest wait for the next turn. */
const MAX_INPUTS_PER_COMMIT = 100;

interface Pending {
  event: InputEvent;
  idempotencyKey: string | null;
  /** From submitIfChanged: a no-op is answered with null instead of being logged. */
  ifChanged: boolean;
  resolve: (result: SubmitResult | null) => void;
  reject: (error: Error) => void;
}

export interface CoreOptions {
  log: EventLog<LoggedEvent>;
  clock: () => number;
  /**
   * Caps on new agents, queues and groups (the engine's DEFAULT_LIMITS when absent). Inputs only:
   * the log is replayed at boot without them, so lowering a cap never stops a restart.
   */
  limits?: CenterLimits;
  /** Called when a commit fails: the in-memory state is ahead of the disk, so the process must stop. */
  onFatal: (error: unknown) => void;
  /** Observes how long the engine took per accepted input (ms), for metrics. */
  onStep?: (durationMs: number, applied: LoggedEvent[]) => void;
  onRejected?: (code: string) => void;
  /** A listener (fan-out, metrics) threw; routing goes on regardless. */
  onListenerError?: (error: unknown) => void;
  /**
   * Sees every event of the boot replay, right after it is folded, with the state as it is then —
   * so a derived view (the KPIs) is rebuilt in the same single pass over the log.
   */
  onReplayed?: (event: LoggedEvent, state: CenterState) => void;
  /**
   * Where boot starts: a checkpoint's state, then only the log after its seq is replayed. Absent:
   * the empty center and the whole log.
   */
  initial?: CenterState;
  /** Takes checkpoints: told of every commit; what it has ready is written in the next one. */
  checkpoints?: {
    take(): NewCheckpoint | null;
    committed(count: number, state: CenterState, now: number): void;
  };
}

/**
 * The single writer. Inputs queue up and are processed in the same event-loop turn as a group: each
 * is checked and folded by the pure engine, the whole group is committed in one transaction, and only
 * then are submitters answered and listeners told. Offer timeouts are a timer on the earliest deadline.
 */
export class Core {
  readonly state: CenterState;
  private readonly pending: Pending[] = [];
  private readonly listeners = new Set<(events: LoggedEvent[]) => void>();
  private flushScheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: CoreOptions) {
    const state = options.initial ?? emptyState();
    const events = options.log.readAllAfter(state.seq);
    this.state = replay(state, options.onReplayed ? tap(events, state, options.onReplayed) : events);
    const lastSeq = options.log.lastSeq();
    if (this.state.seq !== lastSeq) {
      throw new Error(`the event log ends at seq ${lastSeq} but replay stopped at ${this.state.seq}`);
    }
    // Deadlines that passed while the process was down are handled now, at their own times, and the
    // timer is armed for the next one — with no new input needed.
    this.settle();
  }

  /** Accepts an input; resolves once it is durable, rejects with DomainRejectedError if the domain refuses it. */
  submit(event: InputEvent, idempotencyKey: string | null = null): Promise<SubmitResult> {
    // Never null: only submitIfChanged's inputs are skipped as no-ops.
    return this.enqueue(event, idempotencyKey, false) as Promise<SubmitResult>;
  }

  /**
   * Like submit, but an input that would change nothing (the engine's no-op: e.g. a presence
   * heartbeat repeating what the state says) is not logged; it resolves to null. Judged against the
   * state the input is applied to, not the state when it was submitted.
   */
  submitIfChanged(event: InputEvent): Promise<SubmitResult | null> {
    return this.enqueue(event, null, true);
  }

  private enqueue(
    event: InputEvent,
    idempotencyKey: string | null,
    ifChanged: boolean,
  ): Promise<SubmitResult | null> {
    if (this.closed)
      return Promise.reject(new CoreUnavailableError("the Callboard core is stopping; retry in a moment"));
    return new Promise((resolve, reject) => {
      this.pending.push({ event, idempotencyKey, ifChanged, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Lets the engine act on the clock now (offer timeouts) without new input. */
  settle(): void {
    this.scheduleFlush();
  }

  onAppended(listener: (events: LoggedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timer and commits every input still queued; later submits are refused. */
  close(): void {
    if (this.closed) return;
    while (this.pending.length > 0) this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed) return;
    const batch = this.pending.splice(0, MAX_INPUTS_PER_COMMIT);
    if (this.pending.length > 0) this.scheduleFlush();

    const now = this.options.clock();
    const rows: Parameters<EventLog<LoggedEvent>["append"]>[0] = [];
    const refused: RejectedInput[] = [];
    const settled: Array<() => void> = [];
    const keysInBatch = new Map<string, LoggedEvent>();
    // The idempotency key goes on the input event itself, not on the timers or decisions around it.
    const push = (events: LoggedEvent[], input: { key: string | null; seq: number } | null) => {
      for (const event of events) {
        const idempotencyKey = input !== null && event.seq === input.seq ? input.key : null;
        rows.push({ event, idempotencyKey, ...eventSubjects(event) });
      }
    };

    // A refused input is recorded beside the log (same transaction) and its sender told why.
    const refuse = (item: Pending, rejection: Rejection) => {
      refused.push({
        at: now,
        type: item.event.type,
        code: rejection.code,
        message: rejection.message,
        data: JSON.stringify(item.event),
      });
      this.options.onRejected?.(rejection.code);
      const error = new DomainRejectedError(rejection);
      settled.push(() => item.reject(error));
    };

    // Timers first: an offer that expired before this input arrived must not block it.
    const due = step(this.state, null, now);
    push(due.applied, null);

    for (const item of batch) {
      const key = item.idempotencyKey;
      const seen = key === null ? null : this.findByKey(key, keysInBatch);
      if (seen) {
        if (isSameEvent(seen, item.event)) {
          settled.push(() => item.resolve({ seq: seen.seq, duplicate: true }));
        } else {
          refuse(item, {
            code: "CONFLICT",
            message: `idempotency key "${key}" was already used for a different event (seq ${seen.seq})`,
          });
        }
        continue;
      }
      const started = performance.now();
      const result = step(this.state, item.event, now, {
        ifChanged: item.ifChanged,
        ...(this.options.limits ? { limits: this.options.limits } : {}),
      });
      if (!result.ok) {
        push(result.applied, null);
        refuse(item, result.rejection);
        continue;
      }
      const { input } = result;
      if (input === null) {
        // A no-op from submitIfChanged: not logged, not measured; only timers it found due are.
        push(result.applied, null);
        settled.push(() => item.resolve(null));
        continue;
      }
      this.options.onStep?.(performance.now() - started, result.applied);
      const { seq } = input;
      if (key !== null) keysInBatch.set(key, input);
      push(result.applied, { key, seq });
      settled.push(() => item.resolve({ seq, duplicate: false }));
    }

    const checkpoint = this.options.checkpoints?.take() ?? null;
    try {
      this.options.log.append(rows, refused, checkpoint);
    } catch (error) {
      // Memory is now ahead of the disk: stop taking input; a restart replays what was committed.
      this.closed = true;
      if (this.timer) clearTimeout(this.timer);
      const refusal = new CoreUnavailableError(
        `the event log could not be written (${describeWriteError(error)}); nothing of this input was recorded and the core is stopping`,
      );
      for (const item of [...batch, ...this.pending.splice(0)]) item.reject(refusal);
      this.options.onFatal(error);
      return;
    }
    for (const settle of settled) settle();
    if (rows.length > 0) {
      const events = rows.map((r) => r.event);
      for (const listener of this.listeners) {
        try {
          listener(events);
        } catch (error) {
          this.options.onListenerError?.(error);
        }
      }
      this.options.checkpoints?.committed(rows.length, this.state, now);
    }
    this.armTimer(now);
  }

  /** The logged event an idempotency key was first used for: in this batch, or already on disk. */
  private findByKey(key: string, inBatch: Map<string, LoggedEvent>): LoggedEvent | null {
    const pending = inBatch.get(key);
    if (pending) return pending;
    const seq = this.options.log.seqForKey(key);
    return seq === null ? null : (this.options.log.readAfter(seq - 1, 1)[0] ?? null);
  }

  private armTimer(now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Everything due up to `now` was just handled, so only later deadlines need waking for.
    const deadline = nextDeadline(this.state);
    if (deadline === null || this.closed) return;
    // Real time drives the timer; the injected clock decides what is due when it fires.
    this.timer = setTimeout(() => this.settle(), Math.max(0, deadline - now));
    this.timer.unref();
  }
}

/**
 * The events as they are read, each handed to `observe` once replay has folded it: replay asks for
 * the next event only after applying the one before (and once more at the end).
 */
function* tap(
  events: Iterable<LoggedEvent>,
  state: CenterState,
  observe: (event: LoggedEvent, state: CenterState) => void,
): Generator<LoggedEvent> {
  for (const event of events) {
    yield event;
    if (state.seq === event.seq) observe(event, state);
  }
}

/** SQLite's words for a failed write, with its code: "database or disk is full (SQLITE_FULL)". */
export function describeWriteError(error: unknown): string {
  const sqlite = sqliteError(error);
  if (sqlite) return `${sqlite.message} (${sqlite.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** The SQLite error behind `error` (drizzle wraps them in a "Failed to run the query" error), if any. */
export function sqliteError(error: unknown): { code: string; message: string } | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return { code, message: e.message };
  }
  return null;
}
