import type { SubmitResult } from "@callboard/contracts";
import type { EventLog } from "@callboard/db";
import {
  type CenterState,
  emptyState,
  eventSubjects,
  type InputEvent,
  type LoggedEvent,
  nextDeadline,
  replay,
  step,
} from "@callboard/routing";
import { DomainRejectedError } from "./domain-error.ts";

/** Inputs folded into one transaction at most; the rest wait for the next turn. */
const MAX_INPUTS_PER_COMMIT = 100;

interface Pending {
  event: InputEvent;
  idempotencyKey: string | null;
  resolve: (result: SubmitResult) => void;
  reject: (error: Error) => void;
}

export interface CoreOptions {
  log: EventLog<LoggedEvent>;
  clock: () => number;
  /** Called when a commit fails: the in-memory state is ahead of the disk, so the process must stop. */
  onFatal: (error: unknown) => void;
  /** Observes how long the engine took per accepted input (ms), for metrics. */
  onStep?: (durationMs: number, applied: LoggedEvent[]) => void;
  onRejected?: (code: string) => void;
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
    this.state = replay(emptyState(), options.log.readAllAfter(0));
  }

  /** Accepts an input; resolves once it is durable, rejects with DomainRejectedError if the domain refuses it. */
  submit(event: InputEvent, idempotencyKey: string | null = null): Promise<SubmitResult> {
    if (this.closed) return Promise.reject(new Error("the core is shut down"));
    return new Promise((resolve, reject) => {
      this.pending.push({ event, idempotencyKey, resolve, reject });
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

  /** Stops the timer; queued inputs are still committed. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) this.flush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending.splice(0, MAX_INPUTS_PER_COMMIT);
    if (this.pending.length > 0) this.scheduleFlush();

    const now = this.options.clock();
    const rows: Parameters<EventLog<LoggedEvent>["append"]>[0] = [];
    const settled: Array<() => void> = [];
    const keysInBatch = new Map<string, number>();
    const push = (events: LoggedEvent[], key: string | null) =>
      events.forEach((event, i) => {
        rows.push({ event, idempotencyKey: i === 0 ? key : null, ...eventSubjects(event) });
      });

    // Timers first: an offer that expired before this input arrived must not block it.
    const due = step(this.state, null, now);
    if (due.ok) push(due.applied, null);

    for (const item of batch) {
      const key = item.idempotencyKey;
      const seen = key === null ? null : (keysInBatch.get(key) ?? this.options.log.seqForKey(key));
      if (seen !== null) {
        settled.push(() => item.resolve({ seq: seen, duplicate: true }));
        continue;
      }
      const started = performance.now();
      const result = step(this.state, item.event, now);
      if (!result.ok) {
        this.options.onRejected?.(result.rejection.code);
        const error = new DomainRejectedError(result.rejection);
        settled.push(() => item.reject(error));
        continue;
      }
      this.options.onStep?.(performance.now() - started, result.applied);
      const seq = result.applied[0]!.seq;
      if (key !== null) keysInBatch.set(key, seq);
      push(result.applied, key);
      settled.push(() => item.resolve({ seq, duplicate: false }));
    }

    try {
      this.options.log.append(rows);
    } catch (error) {
      for (const item of batch) item.reject(new Error("the event log could not be written"));
      this.options.onFatal(error);
      return;
    }
    for (const settle of settled) settle();
    if (rows.length > 0) {
      const events = rows.map((r) => r.event);
      for (const listener of this.listeners) listener(events);
    }
    this.armTimer(now);
  }

  private armTimer(now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = nextDeadline(this.state);
    if (deadline === null || this.closed) return;
    // Real time drives the timer; the injected clock decides what is due when it fires.
    this.timer = setTimeout(() => this.settle(), Math.max(0, deadline - now));
    this.timer.unref();
  }
}
