import {
  type BoardDeltaWire,
  BoardReplica,
  type BoardSnapshotWire,
  type BoardState,
  type BoardSubscribeResult,
  type Heartbeat,
  LIVE_PROTOCOL_VERSION,
  noBoardChanges,
  STALE_AFTER_MS,
  unpackBatches,
  type WireBytes,
} from "@callboard/contracts";
import type { AgentDay } from "@callboard/kpi";
import { DEFAULT_TIME_ZONE, EVENT_FORMAT } from "@callboard/routing";
import { BoardView } from "./board-view.ts";
import { mergeKpis, type QueueKpiView, shareKpis } from "./kpis.ts";
import type { LiveSocket } from "./live-socket.ts";

export type ConnectionStatus =
  | { kind: "connecting" }
  | { kind: "live" }
  /**
   * Connected, but nothing (no heartbeat, no batch) heard for STALE_AFTER_MS: the core may be hung.
   * `since` is the server time of the last data, not when the silence was noticed.
   */
  | { kind: "stale"; since: number }
  /** Connected, but asking the server for missed events (after a gap, or the server refused/timed out). */
  | { kind: "catching-up"; since: number }
  /** `reason`: what the core said when it closed the connection on purpose (it is restarting). */
  | { kind: "reconnecting"; staleSince: number; reason?: string }
  /** The server speaks another protocol or event format: nothing more is applied; the page must reload. */
  | { kind: "incompatible" };

/** What the board shows; a new object on every change, never mutated. */
export interface LiveView {
  /**
   * The center as last applied, null until the first snapshot. Never written while it is the
   * current view, with structural sharing: a container (agents, calls, …) or record is a new object
   * exactly when something in it changed. A container is written again two changes later (it is one
   * of two copies taking turns, so a frame costs what changed: board-view.ts): read it while it is
   * current, as useSyncExternalStore does; records are never mutated and may be kept.
   */
  state: BoardState | null;
  connection: ConnectionStatus;
  /** serverTime − local time, so durations shown agree with the server's clock. */
  clockOffsetMs: number;
  /**
   * Every queue's KPIs from the last heartbeat, by queue id; {} until the first. Replaced on each
   * heartbeat, sharing every queue's object whose figures did not change (and the whole record when
   * none did), so a card compares by identity.
   */
  kpis: Readonly<Record<string, QueueKpiView>>;
  /** The seq the last heartbeat's KPIs were computed at; null before the first. */
  kpisSeq: number | null;
  /** Server time of the last data heard (snapshot, batch or heartbeat); null before any. */
  lastDataAt: number | null;
  /** Each agent's figures today (read them with kpi's `agentToday`, which resets them at midnight). */
  agentsToday: AgentsToday;
  /**
   * Times this board's digest disagreed with a batch's since it started; each time it reported it
   * and loaded a fresh snapshot.
   */
  divergences: number;
  /** Bumped on every change. */
  version: number;
}

/**
 * Each agent's figures today: the server's agent-day fold (packages/kpi), as the light board's
 * agentsToday records — the snapshot's, then each delta's changed ones. A new object (and map)
 * whenever one agent's figures changed; an agent's record is replaced only when its own did. The
 * map is one of two taking turns, like LiveView.state's containers.
 */
export interface AgentsToday {
  timeZone: string;
  agents: ReadonlyMap<string, AgentDay>;
}

const NO_AGENTS_TODAY: AgentsToday = { timeZone: DEFAULT_TIME_ZONE, agents: new Map() };

/**
 * Since when the data on screen may be behind the center (server time), or null while it is live:
 * locally ticking figures (waits, time in state, countdowns) must stop there, not run on.
 */
export function staleSince(connection: ConnectionStatus): number | null {
  switch (connection.kind) {
    case "stale":
    case "catching-up":
      return connection.since;
    case "reconnecting":
      return connection.staleSince;
    default:
      return null;
  }
}

/** Runs `apply` when it is time to paint; LiveCenter applies queued deltas there, once per call. */
export type Scheduler = (apply: () => void) => void;

export const RECONNECT_AFTER_KICK_MS = 1_000;
/** A subscribe unanswered for this long is abandoned and retried. */
export const SUBSCRIBE_TIMEOUT_MS = 5_000;
export const RETRY_MIN_MS = 500;
export const RETRY_MAX_MS = 10_000;
/** Batches kept while a snapshot loads; past this the oldest go (the ring fills the gap after). */
export const HELD_WHILE_LOADING = 600;
/**
 * Batches waiting to be unpacked (about a minute of them). Past this the board is not keeping up —
 * a slow screen, a catch-up longer than it can apply — and a fresh snapshot (~0.4 MB at 10,000
 * agents) is cheaper than the backlog: it drops them and loads one, rather than queuing without end
 * (the soak's 50 boards grew to 10 GB that way after a starved minute).
 */
export const UNDECODED_MAX = 600;

/**
 * Reads the core's packed JSON: a `board:delta` payload (or a catch-up's batch) or a heartbeat's
 * `kpis` — gzip of JSON, compressed once by the core for every board; the browser's own
 * DecompressionStream unpacks it.
 */
export async function unpackJson(bytes: WireBytes): Promise<unknown> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text());
}

/** Bytes waiting to be unpacked: a delta batch, or a heartbeat's KPIs (with the beat's plain fields). */
interface Packed {
  bytes: WireBytes;
  beat?: Heartbeat;
}

/**
 * Browsers paint once per frame, so deltas are applied in requestAnimationFrame. A hidden tab gets
 * no frames at all (even one requested just before it was hidden), so a timer races the frame and
 * whichever comes first applies; outside browsers only the timer runs.
 */
export const nextFrame: Scheduler = (apply) => {
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

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The board's copy of the center over one socket: the first board:subscribe says to load a snapshot
 * (`loadSnapshot`, over HTTP: compressed), then delta batches are applied in seq order, each checked
 * against the digest it carries. A gap, a reconnect or another event history asks the server for
 * what is missing (its ring of recent batches, or a new snapshot); a digest that disagrees is
 * reported and answered with a fresh snapshot; another protocol stops everything.
 *
 * @example
 * const center = new LiveCenter(io(url, { autoConnect: false }), () => fetchJson("/live/snapshot"));
 * center.subscribe(() => render(center.current));
 * center.start();
 */
export class LiveCenter {
  private view: LiveView = {
    state: null,
    connection: { kind: "connecting" },
    clockOffsetMs: 0,
    kpis: {},
    kpisSeq: null,
    lastDataAt: null,
    agentsToday: NO_AGENTS_TODAY,
    divergences: 0,
    version: 0,
  };
  private readonly listeners = new Set<() => void>();
  /** The board's records (containers mutated in place); the view shows them through boardView. */
  private replica: BoardReplica | null = null;
  /** The replica as the view shows it, moved per frame by what the frame's deltas changed. */
  private boardView: BoardView | null = null;
  private queued: BoardDeltaWire[] = [];
  /** Batches that arrived while the snapshot loads (the room was joined first, so none is missed). */
  private held: BoardDeltaWire[] | null = null;
  /** The next subscribe asks for a snapshot whatever we hold (after a divergence). */
  private wantSnapshot = false;
  /**
   * Batches and heartbeats waiting to be unpacked, in arrival order; one is unpacked at a time, so a
   * beat is judged (its seq against what we received) after the batches that came before it.
   */
  private undecoded: Packed[] = [];
  private decoding = false;
  private frameRequested = false;
  private centerId: string | null = null;
  /** Highest seq received (applied or queued); the next batch must start right after it. */
  private receivedSeq = 0;
  private clockOffsetMs = 0;
  /** Identifies the subscribe in flight; an answer to an older one is ignored. */
  private request = 0;
  private resyncing = false;
  private retryDelayMs = RETRY_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Fires STALE_AFTER_MS after the last data; re-armed on every batch and heartbeat. */
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Server time of the last data; copied into the view with the next update. */
  private lastDataAt: number | null = null;
  /** Heartbeats in a row whose seq is past what we received (a batch may be in flight, or lost). */
  private behindBeats = 0;
  private waiters: Waiter[] = [];
  private started = false;
  /** What the core said just before it closed the connection; shown until the board is live again. */
  private closingReason: string | null = null;
  private ended = false;

  constructor(
    private readonly socket: LiveSocket,
    /** The board snapshot (GET BOARD_SNAPSHOT_PATH, same origin and session); rejects on failure. */
    private readonly loadSnapshot: () => Promise<BoardSnapshotWire>,
    private readonly schedule: Scheduler = nextFrame,
    /** How packed bytes become JSON (unpackJson); whatever it returns, they are taken in arrival order. */
    private readonly decode: (bytes: WireBytes) => PromiseLike<unknown> = unpackJson,
  ) {}

  get current(): LiveView {
    return this.view;
  }

  /** The digest of the board state on screen (see BoardReplica); null before the first snapshot. */
  get digest(): number | null {
    return this.replica?.digest ?? null;
  }

  /** For useSyncExternalStore: the same object until the next change. */
  getView = (): LiveView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Resolves once the view holds the event with this seq (at once if it already does), so a command's
   * answer (`{ seq }`) and its effect on screen meet. Rejects if the center stops first.
   */
  whenApplied(seq: number): Promise<void> {
    if ((this.view.state?.seq ?? -1) >= seq) return Promise.resolve();
    if (this.ended) return Promise.reject(this.endError());
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Listens, then connects; the first subscribe (centerId null) answers with the snapshot. */
  start(): void {
    if (this.started || this.ended) return;
    this.started = true;
    const { socket } = this;
    socket.on("connect", () => this.resync());
    socket.on("disconnect", (reason) => {
      this.markStale();
      // Socket.IO retries by itself except when the server closed the connection on purpose
      // (e.g. a deploy draining sockets); the board must come back anyway.
      if (reason === "io server disconnect" && !this.ended) {
        this.reconnectTimer = setTimeout(() => this.socket.connect(), RECONNECT_AFTER_KICK_MS);
      }
    });
    socket.on("connect_error", () => this.markStale());
    socket.on("board:delta", (bytes) => this.arrived(bytes));
    // The transport closes right after; say why on screen instead of a bare "reconnecting".
    socket.on("server:closing", ({ message }) => {
      this.closingReason = message;
    });
    socket.on("live:heartbeat", (heartbeat) => this.arrived(heartbeat.kpis, heartbeat));
    if (socket.connected) this.resync();
    else socket.connect();
  }

  stop(): void {
    if (this.ended) return;
    this.end();
  }

  /**
   * Batch bytes from the socket or a catch-up, or a heartbeat (`beat`, whose KPIs are the bytes):
   * unpacked one at a time, so they are received in order.
   */
  private arrived(bytes: WireBytes, beat?: Heartbeat): void {
    if (this.ended) return;
    if (this.undecoded.length >= UNDECODED_MAX) {
      this.undecoded = [];
      this.wantSnapshot = true;
      this.resync();
      return;
    }
    this.undecoded.push(beat ? { bytes, beat } : { bytes });
    if (!this.decoding) this.decodeNext();
  }

  private decodeNext(): void {
    const packed = this.undecoded.shift();
    this.decoding = packed !== undefined;
    if (packed === undefined || this.ended) return;
    this.decode(packed.bytes).then(
      (json) => {
        if (packed.beat) this.beat(packed.beat, json as QueueKpiView[]);
        else this.receive(json as BoardDeltaWire);
        this.decodeNext();
      },
      () => {
        // Bytes that are no delta (or no KPIs): whatever followed cannot be trusted either; ask again.
        this.undecoded = [];
        this.decoding = false;
        this.resync();
      },
    );
  }

  private receive(delta: BoardDeltaWire): void {
    if (this.ended) return;
    if (this.held) {
      this.held.push(delta);
      if (this.held.length > HELD_WHILE_LOADING) this.held.shift();
      return;
    }
    if (this.resyncing) return; // the pending subscribe answers with everything up to now
    if (delta.centerId !== this.centerId) {
      this.resync();
      return;
    }
    this.heard(delta.serverTime);
    if (delta.toSeq <= this.receivedSeq) {
      this.freshAgain();
      return;
    }
    // Deltas hold records as they are at toSeq: one that starts anywhere but right after ours is a gap.
    if (delta.fromSeq !== this.receivedSeq + 1) {
      this.resync();
      return;
    }
    this.enqueue(delta);
    this.freshAgain();
  }

  /**
   * The core's once-a-second beat: it is alive (a stale view is live again), its clock, and every
   * queue's KPIs at its seq. One from another history means ours is foreign: re-subscribe.
   */
  private beat(heartbeat: Heartbeat, views: readonly QueueKpiView[]): void {
    if (this.ended) return;
    if (this.centerId !== null && heartbeat.centerId !== this.centerId) {
      this.resync();
      return;
    }
    const kpis = heartbeat.complete ? shareKpis(this.view.kpis, views) : mergeKpis(this.view.kpis, views);
    if (!this.resyncing) this.heard(heartbeat.serverTime);
    // The beat may overtake the batch it counts (batches are coalesced); two beats ahead in a row
    // mean a batch was lost: ask for what is missing.
    this.behindBeats = this.centerId !== null && heartbeat.seq > this.receivedSeq ? this.behindBeats + 1 : 0;
    if (this.behindBeats >= 2 && !this.resyncing) {
      this.behindBeats = 0;
      this.update({ kpis, kpisSeq: heartbeat.seq });
      this.resync();
      return;
    }
    const live = this.view.connection.kind === "stale" ? { connection: { kind: "live" } as const } : {};
    this.update({ kpis, kpisSeq: heartbeat.seq, ...live });
  }

  /** Data from the core at its `serverTime`: note when, and give it STALE_AFTER_MS until the next. */
  private heard(serverTime: number): void {
    this.clockOffsetMs = serverTime - Date.now();
    this.lastDataAt = serverTime;
    this.armStaleTimer();
  }

  private armStaleTimer(): void {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => {
      this.staleTimer = null;
      if (this.ended || this.view.connection.kind !== "live") return;
      this.update({ connection: { kind: "stale", since: this.lastDataAt ?? this.serverNow() } });
    }, STALE_AFTER_MS);
  }

  /** A stale view that hears from the core again is live (its data is as of now). */
  private freshAgain(): void {
    if (this.view.connection.kind === "stale") this.update({ connection: { kind: "live" } });
  }

  /** Joins the live room and asks for everything after what we hold (first connect, reconnect, gap). */
  private resync(): void {
    if (!this.socket.connected || this.resyncing || this.ended) return;
    this.resyncing = true;
    this.clearRetry();
    const { connection, state } = this.view;
    if (state && connection.kind !== "catching-up") {
      const since =
        connection.kind === "reconnecting"
          ? connection.staleSince
          : connection.kind === "stale"
            ? connection.since
            : this.serverNow();
      this.update({ connection: { kind: "catching-up", since } });
    }
    const request = ++this.request;
    this.socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit(
      "board:subscribe",
      {
        protocol: LIVE_PROTOCOL_VERSION,
        eventFormat: EVENT_FORMAT,
        sinceSeq: this.receivedSeq,
        centerId: this.wantSnapshot ? null : this.centerId,
      },
      (error, result) => {
        if (request !== this.request || this.ended) return;
        this.resyncing = false;
        this.answered(error ? null : result);
      },
    );
  }

  private answered(result: BoardSubscribeResult | null): void {
    if (result && !result.ok && "incompatible" in result) {
      this.end({ kind: "incompatible" });
      return;
    }
    if (!result?.ok) {
      this.retryLater();
      return;
    }
    this.retryDelayMs = RETRY_MIN_MS;
    const catchUp = result.data;
    if (catchUp.kind === "snapshot") {
      this.fetchSnapshot();
      return;
    }
    // Queued behind any batch still being decoded; each is checked by its seqs when its turn comes.
    let batches: Uint8Array[];
    try {
      batches = unpackBatches(catchUp.packed);
    } catch {
      // A catch-up we cannot unframe says nothing we can trust: start again from a snapshot.
      this.fetchSnapshot();
      return;
    }
    if (batches.length > UNDECODED_MAX) {
      // Longer than a snapshot is worth: load that instead.
      this.fetchSnapshot();
      return;
    }
    for (const bytes of batches) this.arrived(bytes);
    if (this.resyncing) return; // a batch did not follow: asked again
    this.armStaleTimer();
    this.update({ connection: { kind: "live" } });
  }

  /**
   * Loads the snapshot the server pointed to. The room is already joined: batches arriving
   * meanwhile are held and applied after it (those it already holds are skipped; a gap re-subscribes
   * from its seq, which the ring answers).
   */
  private fetchSnapshot(): void {
    const request = this.request;
    this.resyncing = true;
    this.held = [];
    this.loadSnapshot().then(
      (snapshot) => {
        if (request !== this.request || this.ended) return;
        const held = this.held ?? [];
        this.held = null;
        this.resyncing = false;
        this.useSnapshot(snapshot);
        this.heard(snapshot.serverTime);
        this.update({ connection: { kind: "live" } });
        for (const delta of held) this.receive(delta);
      },
      () => {
        if (request !== this.request || this.ended) return;
        this.held = null;
        this.resyncing = false;
        this.retryLater();
      },
    );
  }

  /** The server did not answer or refused: say so, and try again with backoff. */
  private retryLater(): void {
    const { connection, state } = this.view;
    if (state && connection.kind !== "reconnecting" && connection.kind !== "catching-up") {
      const since = connection.kind === "stale" ? connection.since : this.serverNow();
      this.update({ connection: { kind: "catching-up", since } });
    }
    this.clearRetry();
    this.retryTimer = setTimeout(() => this.resync(), this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  }

  private useSnapshot(snapshot: BoardSnapshotWire): void {
    this.queued = [];
    this.wantSnapshot = false;
    const replica = new BoardReplica(snapshot);
    const boardView = new BoardView(replica.state);
    this.replica = replica;
    this.boardView = boardView;
    this.centerId = snapshot.centerId;
    this.receivedSeq = snapshot.seq;
    this.update({
      state: boardView.state,
      agentsToday: { timeZone: replica.timeZone, agents: boardView.agentsToday },
    });
  }

  private enqueue(delta: BoardDeltaWire): void {
    this.queued.push(delta);
    this.receivedSeq = delta.toSeq;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.schedule(() => this.applyQueued());
  }

  private applyQueued(): void {
    this.frameRequested = false;
    const { replica, boardView } = this;
    if (!replica || !boardView || this.queued.length === 0 || this.ended) return;
    const queued = this.queued;
    this.queued = [];
    // The frame's view costs what its deltas changed, not what the board holds (board-view.ts).
    const changes = noBoardChanges();
    for (const delta of queued) {
      const { agrees, digest } = replica.apply(delta, changes);
      if (!agrees) {
        this.diverged(delta, digest);
        return;
      }
    }
    const state = boardView.advance(changes);
    const agentsToday =
      changes.agentsToday.size > 0 ? { timeZone: replica.timeZone, agents: boardView.agentsToday } : null;
    this.update({ state, ...(agentsToday ? { agentsToday } : {}) });
  }

  /**
   * This board no longer holds what the server says it should: say so (the core counts it), keep
   * showing what it has as catching up, and load a fresh snapshot.
   */
  private diverged(delta: BoardDeltaWire, actual: number): void {
    this.socket.emit("board:diverged", { seq: delta.toSeq, expected: delta.digest, actual });
    this.wantSnapshot = true;
    this.queued = [];
    this.update({ divergences: this.view.divergences + 1 });
    this.resync();
  }

  private markStale(): void {
    // An unanswered subscribe (or snapshot load) dies with the connection (its late answer is
    // ignored); the next connect must be free to ask again.
    this.resyncing = false;
    this.held = null;
    this.request++;
    if (this.ended || this.view.connection.kind === "reconnecting") return;
    // The data on screen is as old as the last thing heard, however late the drop is noticed.
    const { connection } = this.view;
    const staleSince =
      connection.kind === "stale"
        ? connection.since
        : connection.kind === "catching-up"
          ? connection.since
          : (this.lastDataAt ?? this.serverNow());
    const reason = this.closingReason;
    this.closingReason = null;
    this.update({ connection: { kind: "reconnecting", staleSince, ...(reason ? { reason } : {}) } });
  }

  /** Stops for good: no timer, no socket, no more folding; `connection` says why if not stop(). */
  private end(connection?: ConnectionStatus): void {
    this.ended = true;
    this.queued = [];
    this.held = null;
    this.undecoded = [];
    this.clearRetry();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = null;
    this.socket.disconnect();
    if (connection) this.update({ connection });
    const error = this.endError();
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private endError(): Error {
    return new Error(
      this.view.connection.kind === "incompatible"
        ? "The board must reload: the core runs another version"
        : "The live connection was stopped",
    );
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private serverNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private update(patch: Partial<LiveView>): void {
    this.view = {
      ...this.view,
      ...patch,
      clockOffsetMs: this.clockOffsetMs,
      lastDataAt: this.lastDataAt,
      version: this.view.version + 1,
    };
    const applied = this.view.state?.seq;
    if (applied !== undefined && this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.seq <= applied);
      this.waiters = this.waiters.filter((w) => w.seq > applied);
      for (const waiter of ready) waiter.resolve();
    }
    for (const listener of this.listeners) listener();
  }
}
