import type {
  Ack,
  CatchUp,
  ClientToServerEvents,
  EventBatch,
  ServerToClientEvents,
  Snapshot,
} from "@callboard/contracts";
import { type CenterState, type LoggedEvent, replay } from "@callboard/routing";
import { io, type Socket } from "socket.io-client";

export type ConnectionStatus =
  | { kind: "connecting" }
  | { kind: "live" }
  /** Connected, but asking the server for missed events (after a gap, or the server refused/timed out). */
  | { kind: "catching-up"; since: number }
  | { kind: "reconnecting"; staleSince: number };

export interface LiveView {
  state: CenterState | null;
  connection: ConnectionStatus;
  /** serverTime − local time, so durations shown agree with the server's clock. */
  clockOffsetMs: number;
  /** Bumped on every visible change; React subscribes to this. */
  version: number;
}

type Scheduler = (apply: () => void) => void;

const RECONNECT_AFTER_KICK_MS = 1_000;
/** A subscribe unanswered for this long is abandoned and retried. */
const SUBSCRIBE_TIMEOUT_MS = 5_000;
const RETRY_MAX_MS = 10_000;

/**
 * Browsers paint once per frame, so deltas are applied in requestAnimationFrame. A hidden tab gets
 * no frames at all (even one requested just before it was hidden), so a timer races the frame and
 * whichever comes first applies; outside browsers only the timer runs.
 */
const nextFrame: Scheduler = (apply) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    apply();
  };
  const g = globalThis as { requestAnimationFrame?: (callback: () => void) => number };
  // Called as a method: browsers throw "Illegal invocation" for a detached requestAnimationFrame.
  g.requestAnimationFrame?.(once);
  setTimeout(once, g.requestAnimationFrame ? 250 : 16);
};

/**
 * The board's copy of the center: a snapshot, then deltas applied in seq order with the same reducer
 * the server uses. A gap, a reconnect or another event history asks the server for what is missing.
 */
export class LiveCenter {
  private view: LiveView = { state: null, connection: { kind: "connecting" }, clockOffsetMs: 0, version: 0 };
  private readonly listeners = new Set<() => void>();
  private queued: LoggedEvent[] = [];
  private frameRequested = false;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private centerId: string | null = null;
  /** Highest seq received (applied or queued); the next batch must start right after it. */
  private receivedSeq = 0;
  private resyncing = false;
  private retryDelayMs = 500;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly serverUrl: string,
    private readonly loadSnapshot: () => Promise<Snapshot>,
    private readonly schedule: Scheduler = nextFrame,
  ) {}

  get current(): LiveView {
    return this.view;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.view.version;

  async start(): Promise<void> {
    const snapshot = await this.loadSnapshot();
    // stop() may have run while the snapshot was loading (React unmounts, StrictMode remounts).
    if (this.stopped) return;
    this.useSnapshot(snapshot);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.serverUrl, {
      transports: ["websocket"],
      reconnectionDelayMax: 5_000,
    });
    this.socket = socket;
    socket.on("connect", () => this.resync());
    socket.on("disconnect", (reason) => {
      this.markStale();
      // Socket.IO retries by itself except when the server closed the connection on purpose
      // (e.g. a deploy draining sockets); the board must come back anyway.
      if (reason === "io server disconnect")
        setTimeout(() => this.socket?.connect(), RECONNECT_AFTER_KICK_MS);
    });
    socket.on("connect_error", () => this.markStale());
    socket.on("events:appended", (batch) => this.receive(batch));
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  private receive(batch: EventBatch): void {
    if (this.resyncing) return; // the pending subscribe answers with everything up to now
    if (batch.centerId !== this.centerId || batch.fromSeq > this.receivedSeq + 1) {
      this.resync();
      return;
    }
    if (batch.toSeq <= this.receivedSeq) return;
    this.enqueue(batch.events.filter((e) => e.seq > this.receivedSeq));
    this.setClockOffset(batch.serverTime);
  }

  /** Joins the live room and asks for everything after what we hold (first connect, reconnect, gap). */
  private resync(): void {
    const socket = this.socket;
    if (!socket?.connected || this.resyncing || this.stopped) return;
    this.resyncing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.view.connection.kind !== "catching-up") {
      const { connection } = this.view;
      const since = connection.kind === "reconnecting" ? connection.staleSince : this.serverNow();
      this.update({ connection: { kind: "catching-up", since } });
    }
    socket
      .timeout(SUBSCRIBE_TIMEOUT_MS)
      .emit(
        "board:subscribe",
        { sinceSeq: this.receivedSeq, centerId: this.centerId },
        (timeoutError: Error | null, result?: Ack<CatchUp>) => {
          this.resyncing = false;
          if (timeoutError || !result?.ok) {
            this.retryLater();
            return;
          }
          this.retryDelayMs = 500;
          const catchUp = result.data;
          if (catchUp.kind === "snapshot") this.useSnapshot(catchUp.snapshot);
          else this.receive(catchUp.batch);
          this.update({ connection: { kind: "live" } });
        },
      );
  }

  /** The server did not answer or refused: say so, and try again with backoff. */
  private retryLater(): void {
    if (this.stopped) return;
    if (this.view.connection.kind !== "reconnecting") {
      this.update({ connection: { kind: "catching-up", since: this.serverNow() } });
    }
    this.retryTimer = setTimeout(() => this.resync(), this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  }

  private useSnapshot(snapshot: Snapshot): void {
    this.queued = [];
    this.centerId = snapshot.centerId;
    this.receivedSeq = snapshot.state.seq;
    this.setClockOffset(snapshot.serverTime);
    this.update({ state: snapshot.state });
  }

  private enqueue(events: LoggedEvent[]): void {
    if (events.length === 0) return;
    this.queued.push(...events);
    this.receivedSeq = events.at(-1)!.seq;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.schedule(() => this.applyQueued());
  }

  private applyQueued(): void {
    this.frameRequested = false;
    const { state } = this.view;
    if (!state || this.queued.length === 0) return;
    replay(state, this.queued);
    this.queued = [];
    this.update({});
  }

  private markStale(): void {
    // An unanswered subscribe dies with the connection; the next connect must be free to ask again.
    this.resyncing = false;
    if (this.view.connection.kind === "reconnecting") return;
    this.update({ connection: { kind: "reconnecting", staleSince: this.serverNow() } });
  }

  private serverNow(): number {
    return Date.now() + this.view.clockOffsetMs;
  }

  private setClockOffset(serverTime: number): void {
    this.view = { ...this.view, clockOffsetMs: serverTime - Date.now() };
  }

  private update(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch, version: this.view.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
