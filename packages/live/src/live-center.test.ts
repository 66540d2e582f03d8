import {
  type BoardDivergedInput,
  BoardProjector,
  type BoardSnapshotWire,
  type BoardSubscribeInput,
  type BoardSubscribeResult,
  type Heartbeat,
  LIVE_PROTOCOL_VERSION,
  packBatches,
  STALE_AFTER_MS,
  type WireBytes,
} from "@callboard/contracts";
import { agentToday, emptyAgentDayState, foldAgentDay } from "@callboard/kpi";
import {
  type CenterState,
  type DomainEvent,
  EVENT_FORMAT,
  emptyState,
  type LoggedEvent,
  QUEUE_DEFAULTS,
  RoutingType,
  replay,
  step,
} from "@callboard/routing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { QueueKpiView } from "./kpis.ts";
import {
  LiveCenter,
  RECONNECT_AFTER_KICK_MS,
  RETRY_MAX_MS,
  RETRY_MIN_MS,
  SUBSCRIBE_TIMEOUT_MS,
  staleSince,
  UNDECODED_MAX,
  unpackJson,
} from "./live-center.ts";
import type { LiveSocket } from "./live-socket.ts";

type Listener = (...args: never[]) => void;
type SubscribeAck = (error: Error | null, result: BoardSubscribeResult) => void;
type TestBeat = Omit<Heartbeat, "kpis"> & { kpis: QueueKpiView[] };

/** A socket the test drives: it connects, drops, pushes batches and answers subscribes when told. */
class FakeSocket implements LiveSocket {
  connected = false;
  connects = 0;
  disconnects = 0;
  /** Subscribes not answered yet, oldest first. */
  readonly pending: { input: BoardSubscribeInput; ack: SubscribeAck }[] = [];
  readonly sent: BoardSubscribeInput[] = [];
  readonly reports: BoardDivergedInput[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  timeout(ms: number) {
    return {
      emit: (_event: "board:subscribe", input: BoardSubscribeInput, ack: SubscribeAck) => {
        this.sent.push(input);
        const entry = { input, ack };
        const timer = setTimeout(() => {
          this.pending.splice(this.pending.indexOf(entry), 1);
          ack(new Error("operation has timed out"), undefined as never);
        }, ms);
        entry.ack = (error, result) => {
          clearTimeout(timer);
          ack(error, result);
        };
        this.pending.push(entry);
      },
    };
  }
  emit(_event: "board:diverged", input: BoardDivergedInput): void {
    this.reports.push(input);
  }
  connect(): void {
    this.connects++;
  }
  disconnect(): void {
    this.disconnects++;
    if (this.connected) this.drop("io client disconnect");
  }

  open(): void {
    this.connected = true;
    this.fire("connect");
  }
  drop(reason = "transport close"): void {
    this.connected = false;
    this.pending.splice(0); // socket.io fails acks with the connection; LiveCenter ignores them
    this.fire("disconnect", reason);
  }
  push(bytes: Uint8Array): void {
    this.fire("board:delta", bytes);
  }
  /** A heartbeat whose KPIs are packed as the tests' batches are (plain JSON bytes, see decodeNow). */
  beat(heartbeat: TestBeat): void {
    this.fire("live:heartbeat", { ...heartbeat, kpis: encoder.encode(JSON.stringify(heartbeat.kpis)) });
  }
  answer(result: BoardSubscribeResult): BoardSubscribeInput {
    const entry = this.pending.shift();
    if (!entry) throw new Error("no subscribe pending");
    entry.ack(null, result);
    return entry.input;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

const CENTER = "center-a";
const T0 = 1_800_000_000_000;

const upsert = (seq: number, id = `a${seq}`): LoggedEvent => ({
  type: "agent.upserted",
  agent: { id, name: id, phoneNumber: null, routingType: RoutingType.APP },
  seq,
  at: T0,
});

/** The server's log: event `seq` upserts agent a<seq> unless a test put another event there. */
const otherEvents = new Map<number, LoggedEvent>();
const eventAt = (seq: number) => otherEvents.get(seq) ?? upsert(seq);
const eventsIn = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => eventAt(from + i));

/** A center that has applied events 1..seq. */
const stateAt = (seq: number): CenterState => replay(emptyState(), eventsIn(1, seq));

/** What GET /live/snapshot serves next (the test's stand-in for the HTTP fetch). */
let served: BoardSnapshotWire | null = null;
const snapshotWire = (seq: number, centerId = CENTER) =>
  JSON.parse(
    new BoardProjector(centerId, stateAt(seq), emptyAgentDayState()).snapshotJson(Date.now()),
  ) as BoardSnapshotWire;
/** The subscribe's answer "load the snapshot", with the server holding the one at `seq`. */
const snapshot = (seq: number, centerId = CENTER): BoardSubscribeResult => {
  served = snapshotWire(seq, centerId);
  return { ok: true, data: { kind: "snapshot", seq } };
};
/**
 * Hands the snapshot over at once: LiveCenter only chains `then`, so the tests stay synchronous
 * (the real fetch is asynchronous: apps/server's live-center integration test).
 */
const loadSnapshot = () =>
  ({
    // biome-ignore lint/suspicious/noThenProperty: a synchronous stand-in for the fetch's promise
    then: (resolve: (s: BoardSnapshotWire) => void, reject: (e: Error) => void) =>
      served ? resolve(served) : reject(new Error("no snapshot served")),
  }) as unknown as Promise<BoardSnapshotWire>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The tests' batches and beats are plain JSON (the core gzips them: unpackJson's own test), decoded at once. */
const decodeNow = (bytes: WireBytes) =>
  ({
    // biome-ignore lint/suspicious/noThenProperty: a synchronous stand-in for unpackJson's promise
    then: (resolve: (d: unknown) => void) => resolve(JSON.parse(decoder.decode(bytes))),
  }) as unknown as Promise<unknown>;
/** The delta batch the server sends for events from..to. */
const batch = (from: number, to: number, centerId = CENTER): Uint8Array =>
  encoder.encode(
    new BoardProjector(centerId, stateAt(from - 1), emptyAgentDayState()).advance(
      stateAt(to),
      eventsIn(from, to),
      Date.now(),
    )!,
  );
const events = (from: number, to: number): BoardSubscribeResult => ({
  ok: true,
  data: { kind: "deltas", packed: packBatches([batch(from, to)]) },
});
const agentIds = (center: LiveCenter) => Object.keys(center.current.state?.agents ?? {});

describe("LiveCenter", () => {
  let socket: FakeSocket;
  let frames: (() => void)[];
  let center: LiveCenter;
  const paint = () => {
    for (const frame of frames.splice(0)) frame();
  };
  /** Started, connected, and holding the snapshot at `seq`. */
  const live = (seq = 2) => {
    center.start();
    socket.open();
    socket.answer(snapshot(seq));
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    socket = new FakeSocket();
    frames = [];
    served = null;
    otherEvents.clear();
    center = new LiveCenter(socket, loadSnapshot, (apply) => frames.push(apply), decodeNow);
  });
  afterEach(() => {
    center.stop();
    vi.useRealTimers();
  });

  it("connects only when started, and its first subscribe gets the snapshot", () => {
    expect(socket.connects).toBe(0);
    center.start();
    expect(socket.connects).toBe(1);
    expect(center.current).toMatchObject({ state: null, connection: { kind: "connecting" } });
    socket.open();
    expect(socket.sent).toEqual([
      { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
    ]);
    socket.answer(snapshot(2));
    expect(center.current.state?.seq).toBe(2);
    expect(agentIds(center)).toEqual(["a1", "a2"]);
    expect(center.current.connection).toEqual({ kind: "live" });
  });

  it("applies batches in seq order, all that arrived before a frame in that frame", () => {
    live(2);
    const notified = vi.fn();
    center.subscribe(notified);
    socket.push(batch(3, 3));
    socket.push(batch(4, 5));
    expect(center.current.state?.seq).toBe(2); // nothing before the frame
    expect(frames).toHaveLength(1); // one frame asked for, not one per batch
    paint();
    expect(center.current.state?.seq).toBe(5);
    expect(agentIds(center)).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it("skips what it already holds in duplicate batches", () => {
    live(2);
    socket.push(batch(3, 4));
    socket.push(batch(3, 4)); // duplicate
    socket.push(batch(1, 2)); // older
    expect(frames).toHaveLength(1);
    socket.push(batch(5, 6));
    paint();
    expect(center.current.state?.seq).toBe(6);
    expect(socket.sent).toHaveLength(1); // none of these is a gap
  });

  it("re-subscribes on a batch that starts inside what it holds (deltas are not cut mid-batch)", () => {
    live(2);
    socket.push(batch(3, 4));
    socket.push(batch(4, 6));
    expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 4, centerId: CENTER });
  });

  it("never applies across a seq gap: it re-subscribes from what it holds", () => {
    live(2);
    socket.push(batch(3, 3));
    socket.push(batch(5, 5)); // 4 is missing
    socket.push(batch(6, 6)); // ignored while the subscribe is pending
    expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 3, centerId: CENTER });
    expect(center.current.connection.kind).toBe("catching-up");
    paint();
    expect(center.current.state?.seq).toBe(3);
    expect(agentIds(center)).not.toContain("a5");
    socket.answer(events(4, 6));
    paint();
    expect(center.current.state?.seq).toBe(6);
    expect(center.current.connection).toEqual({ kind: "live" });
  });

  it("replaces its state with a snapshot when a batch comes from another history", () => {
    live(5);
    socket.push(batch(6, 6, "center-b"));
    expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 5, centerId: CENTER });
    socket.answer(snapshot(1, "center-b"));
    expect(center.current.state?.seq).toBe(1);
    expect(agentIds(center)).toEqual(["a1"]);
    socket.push(batch(2, 2, "center-b"));
    paint();
    expect(center.current.state?.seq).toBe(2);
  });

  it("says since when it is stale while disconnected, then catches up on reconnect", () => {
    live(2);
    vi.advanceTimersByTime(1_000);
    socket.drop();
    // Stale since its last data (the snapshot, at T0), not since the drop was noticed.
    expect(center.current.connection).toEqual({ kind: "reconnecting", staleSince: T0 });
    vi.advanceTimersByTime(5_000);
    socket.open();
    expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 2, centerId: CENTER });
    expect(center.current.connection).toEqual({ kind: "catching-up", since: T0 });
    socket.answer(events(3, 4));
    paint();
    expect(center.current.state?.seq).toBe(4);
    expect(center.current.connection).toEqual({ kind: "live" });
  });

  it("catches up on many batches packed in one answer (more than a Socket.IO packet's 10 attachments)", () => {
    live(2);
    socket.drop();
    socket.open();
    const many = Array.from({ length: 12 }, (_, i) => batch(3 + i, 3 + i));
    socket.answer({ ok: true, data: { kind: "deltas", packed: packBatches(many) } });
    paint();
    expect(center.current.state?.seq).toBe(14);
    expect(center.current.connection).toEqual({ kind: "live" });
  });

  it("loads a snapshot instead of a catch-up longer than it would be worth", () => {
    live(2);
    socket.drop();
    socket.open();
    served = snapshotWire(4);
    const long = Array.from({ length: UNDECODED_MAX + 1 }, () => new Uint8Array([1]));
    socket.answer({ ok: true, data: { kind: "deltas", packed: packBatches(long) } });
    paint();
    expect(center.current.state?.seq).toBe(4);
    expect(center.current.connection).toEqual({ kind: "live" });
  });

  it("drops a backlog it cannot unpack fast enough and loads a snapshot, rather than queue without end", () => {
    // Unpacking that never finishes on its own: a screen too slow for the stream.
    const pending: (() => void)[] = [];
    const slow = new LiveCenter(
      socket,
      loadSnapshot,
      (apply) => frames.push(apply),
      (bytes) => new Promise((resolve) => pending.push(() => resolve(JSON.parse(decoder.decode(bytes))))),
    );
    slow.start();
    socket.open();
    served = snapshotWire(2);
    socket.answer({ ok: true, data: { kind: "snapshot", seq: 2 } });
    expect(slow.current.state?.seq).toBe(2);
    for (let i = 0; i <= UNDECODED_MAX; i++) socket.push(batch(3, 3)); // one unpacking, the rest queued
    expect(socket.sent).toHaveLength(1);
    socket.push(batch(3, 3)); // one too many
    expect(socket.sent).toHaveLength(2);
    expect(socket.sent.at(-1)).toMatchObject({ centerId: null });
    served = snapshotWire(6);
    socket.answer({ ok: true, data: { kind: "snapshot", seq: 6 } });
    expect(slow.current.state?.seq).toBe(6);
    for (const finish of pending.splice(0)) finish(); // the one in flight: older, skipped
    slow.stop();
  });

  it("loads a snapshot when a catch-up's packed batches cannot be unframed", () => {
    live(2);
    socket.drop();
    socket.open();
    served = snapshotWire(4);
    // A frame claiming 9 bytes with 1 after it.
    socket.answer({ ok: true, data: { kind: "deltas", packed: new Uint8Array([0, 0, 0, 9, 1]) } });
    paint();
    expect(center.current.state?.seq).toBe(4);
  });

  it("says why when the core closed the connection because it is restarting, then catches up", () => {
    live(2);
    socket.fire("server:closing", { message: "The core is restarting." });
    socket.drop();
    expect(center.current.connection).toMatchObject({
      kind: "reconnecting",
      reason: "The core is restarting.",
    });
    socket.open();
    socket.answer(events(3, 3));
    paint();
    expect(center.current.connection).toEqual({ kind: "live" });
    // The reason belonged to that closing only: a later plain drop says nothing more.
    socket.drop();
    expect(center.current.connection).not.toHaveProperty("reason");
  });

  it("reconnects by itself when the server closed the connection on purpose", () => {
    live(2);
    socket.drop("io server disconnect");
    expect(socket.connects).toBe(1);
    vi.advanceTimersByTime(RECONNECT_AFTER_KICK_MS);
    expect(socket.connects).toBe(2);
    socket.drop("transport close"); // socket.io retries these itself
    vi.advanceTimersByTime(60_000);
    expect(socket.connects).toBe(2);
  });

  it("retries an unanswered or refused subscribe with exponential backoff, capped", () => {
    center.start();
    socket.open();
    vi.advanceTimersByTime(SUBSCRIBE_TIMEOUT_MS); // no answer
    const delays: number[] = [];
    let last = Date.now();
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = socket.sent.length;
      while (socket.sent.length === before) vi.advanceTimersByTime(100);
      delays.push(Date.now() - last);
      socket.answer({ ok: false, error: "busy" });
      last = Date.now();
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
    expect(delays[0]).toBe(RETRY_MIN_MS);
    expect(delays.at(-1)).toBe(RETRY_MAX_MS);

    // Success resets the backoff.
    vi.advanceTimersByTime(RETRY_MAX_MS);
    socket.answer(snapshot(1));
    socket.push(batch(3, 3)); // a gap
    socket.answer({ ok: false, error: "busy" });
    const before = Date.now();
    while (socket.pending.length === 0) vi.advanceTimersByTime(100);
    expect(Date.now() - before).toBe(RETRY_MIN_MS);
  });

  it("ignores the late answer of a subscribe that a reconnect made obsolete", () => {
    center.start();
    socket.open();
    const stale = socket.pending[0]!;
    socket.drop();
    socket.open();
    stale.ack(null, snapshot(9));
    expect(center.current.state).toBeNull();
    socket.answer(snapshot(2));
    expect(center.current.state?.seq).toBe(2);
  });

  it("stops everything on stop(): socket, timers, frames", async () => {
    live(2);
    socket.push(batch(3, 3));
    const pending = center.whenApplied(10);
    center.stop();
    expect(socket.disconnects).toBe(1);
    await expect(pending).rejects.toThrow("stopped");
    paint();
    expect(center.current.state?.seq).toBe(2);
    socket.open();
    socket.push(batch(3, 3));
    vi.advanceTimersByTime(60_000);
    expect(socket.sent).toHaveLength(1);
    expect(socket.connects).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("on an incompatible server folds nothing more and says the page must reload", async () => {
    live(2);
    const pending = center.whenApplied(3);
    socket.push(batch(4, 4)); // a gap: re-subscribe
    socket.answer({
      ok: false,
      incompatible: true,
      error: "reload",
      server: { protocol: LIVE_PROTOCOL_VERSION + 1, eventFormat: EVENT_FORMAT },
    });
    expect(center.current.connection).toEqual({ kind: "incompatible" });
    expect(socket.disconnects).toBe(1);
    await expect(pending).rejects.toThrow("reload");
    socket.open();
    socket.push(batch(3, 3));
    paint();
    vi.advanceTimersByTime(60_000);
    expect(center.current.state?.seq).toBe(2);
    expect(center.current.connection).toEqual({ kind: "incompatible" });
    expect(socket.sent).toHaveLength(2);
  });

  describe("whenApplied", () => {
    it("resolves at once for a seq already on screen", async () => {
      live(2);
      await expect(center.whenApplied(2)).resolves.toBeUndefined();
    });

    it("resolves when the frame that applies the seq has run, not when it arrives", async () => {
      center.start();
      const applied = vi.fn();
      void center.whenApplied(3).then(applied);
      socket.open();
      socket.answer(snapshot(2));
      socket.push(batch(3, 3));
      await Promise.resolve();
      expect(applied).not.toHaveBeenCalled();
      paint();
      await Promise.resolve();
      expect(applied).toHaveBeenCalled();
      expect(center.current.state?.seq).toBe(3);
    });

    it("resolves when a snapshot already holds the seq", async () => {
      center.start();
      const waiting = center.whenApplied(5);
      socket.open();
      socket.answer(snapshot(7));
      await expect(waiting).resolves.toBeUndefined();
    });
  });

  describe("heartbeat and staleness", () => {
    const kpi = (queueId: string, answered = 0) =>
      ({
        queueId,
        today: { answered },
        window: { answered },
        windowMin: 15,
        advice: null,
        levels: { serviceLevelToday: "none" },
      }) as unknown as QueueKpiView;
    const beat = (
      seq: number,
      kpis = [kpi("q1"), kpi("q2")],
      centerId = CENTER,
      complete = true,
    ): TestBeat => ({ centerId, seq, serverTime: Date.now(), complete, kpis });

    it("merges a partial beat's queues into what it holds, keeping the others", () => {
      live(2);
      socket.beat(beat(2));
      const first = center.current.kpis;
      socket.beat(beat(2, [], CENTER, false)); // nothing changed
      expect(center.current.kpis).toBe(first);
      socket.beat(beat(3, [kpi("q2", 4)], CENTER, false));
      expect(Object.keys(center.current.kpis)).toEqual(["q1", "q2"]);
      expect(center.current.kpis.q1).toBe(first.q1);
      expect(center.current.kpis.q2?.today.answered).toBe(4);
      expect(center.current.kpisSeq).toBe(3);
    });

    it("keeps the heartbeat's KPIs by queue, sharing each queue's object while its figures are equal", () => {
      live(2);
      expect(center.current.kpis).toEqual({});
      socket.beat(beat(2));
      const first = center.current.kpis;
      expect(Object.keys(first)).toEqual(["q1", "q2"]);
      expect(center.current.kpisSeq).toBe(2);

      socket.beat(beat(2)); // equal figures, new objects on the wire
      expect(center.current.kpis).toBe(first);

      socket.beat(beat(3, [kpi("q1", 1), kpi("q2")]));
      const second = center.current.kpis;
      expect(second).not.toBe(first);
      expect(second.q1).not.toBe(first.q1);
      expect(second.q1?.today.answered).toBe(1);
      expect(second.q2).toBe(first.q2);
      expect(center.current.kpisSeq).toBe(3);

      socket.beat(beat(3, [kpi("q2")])); // a queue went away
      expect(Object.keys(center.current.kpis)).toEqual(["q2"]);
      expect(center.current.kpis.q2).toBe(first.q2);
    });

    it("records the server time of the last data: snapshot, batch or heartbeat", () => {
      live(2);
      expect(center.current.lastDataAt).toBe(T0);
      vi.advanceTimersByTime(700);
      socket.push(batch(3, 3));
      paint();
      expect(center.current.lastDataAt).toBe(T0 + 700);
      vi.advanceTimersByTime(900);
      socket.beat(beat(3));
      expect(center.current.lastDataAt).toBe(T0 + 1_600);
    });

    it("goes stale since its last data after hearing nothing for STALE_AFTER_MS (a hung core), live again on the next beat", () => {
      live(2);
      for (let i = 1; i <= 5; i++) {
        vi.advanceTimersByTime(1_000);
        socket.beat(beat(2));
      }
      expect(center.current.connection).toEqual({ kind: "live" });
      const lastBeat = Date.now();
      // The core stops (SIGSTOP): the socket stays open, nothing comes.
      vi.advanceTimersByTime(STALE_AFTER_MS - 1);
      expect(center.current.connection).toEqual({ kind: "live" });
      vi.advanceTimersByTime(1);
      expect(center.current.connection).toEqual({ kind: "stale", since: lastBeat });
      expect(staleSince(center.current.connection)).toBe(lastBeat);
      vi.advanceTimersByTime(10_000);
      expect(center.current.connection).toEqual({ kind: "stale", since: lastBeat }); // not moved on

      socket.beat(beat(2));
      expect(center.current.connection).toEqual({ kind: "live" });
      expect(staleSince(center.current.connection)).toBeNull();
      expect(socket.sent).toHaveLength(1); // nothing was missed: no re-subscribe
    });

    it("a batch also keeps it live, and also ends staleness", () => {
      live(2);
      vi.advanceTimersByTime(1_500);
      socket.push(batch(3, 3));
      vi.advanceTimersByTime(1_500);
      expect(center.current.connection).toEqual({ kind: "live" });
      vi.advanceTimersByTime(500);
      expect(center.current.connection).toEqual({ kind: "stale", since: T0 + 1_500 });
      socket.push(batch(4, 4));
      paint();
      expect(center.current.connection).toEqual({ kind: "live" });
      expect(center.current.state?.seq).toBe(4);
    });

    it("a drop while stale keeps the same since", () => {
      live(2);
      vi.advanceTimersByTime(STALE_AFTER_MS + 3_000);
      expect(center.current.connection).toEqual({ kind: "stale", since: T0 });
      socket.drop();
      expect(center.current.connection).toEqual({ kind: "reconnecting", staleSince: T0 });
      vi.advanceTimersByTime(60_000); // no stale timer overrides reconnecting
      expect(center.current.connection.kind).toBe("reconnecting");
    });

    it("re-subscribes on a heartbeat from another history", () => {
      live(2);
      socket.beat(beat(1, [], "center-b"));
      expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 2, centerId: CENTER });
      expect(center.current.connection.kind).toBe("catching-up");
    });

    it("asks for what is missing when two beats in a row are past what it received (a lost batch)", () => {
      live(2);
      socket.beat(beat(3)); // the batch with 3 may still be on its way
      expect(socket.sent).toHaveLength(1);
      socket.push(batch(3, 3));
      socket.beat(beat(3));
      socket.beat(beat(4)); // one ahead: still fine
      expect(socket.sent).toHaveLength(1);
      socket.beat(beat(4)); // the batch with 4 never came
      expect(socket.sent).toHaveLength(2);
      expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 3, centerId: CENTER });
      socket.answer(events(4, 4));
      paint();
      expect(center.current.state?.seq).toBe(4);
      expect(center.current.connection).toEqual({ kind: "live" });
    });

    it("leaves no timer behind after stop()", () => {
      live(2);
      socket.beat(beat(2));
      center.stop();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe("self-check", () => {
    /** A batch whose digest says the board should hold something else than it does. */
    const tampered = (from: number, to: number) => {
      const delta = JSON.parse(new TextDecoder().decode(batch(from, to)));
      return encoder.encode(JSON.stringify({ ...delta, digest: (delta.digest + 1) >>> 0 }));
    };

    it("a board whose digest disagrees reports it once, keeps its data as catching up, and loads a fresh snapshot", () => {
      live(2);
      socket.push(batch(3, 3));
      paint();
      socket.push(tampered(4, 4));
      paint();
      expect(socket.reports).toEqual([{ seq: 4, expected: expect.any(Number), actual: expect.any(Number) }]);
      expect(center.current.divergences).toBe(1);
      expect(center.current.connection.kind).toBe("catching-up");
      expect(center.current.state?.seq).toBe(3); // the disputed batch is not shown
      // A snapshot whatever it holds: centerId null.
      expect(socket.sent.at(-1)).toMatchObject({ centerId: null });
      socket.answer(snapshot(4));
      expect(center.current.state?.seq).toBe(4);
      expect(center.current.connection).toEqual({ kind: "live" });
      socket.push(batch(5, 5));
      paint();
      expect(center.current.state?.seq).toBe(5);
      expect(socket.reports).toHaveLength(1);
    });

    it("holds the batches that arrive while the snapshot loads and applies them after it", async () => {
      let release: (s: BoardSnapshotWire) => void = () => {};
      const slow = new LiveCenter(
        socket,
        () => new Promise<BoardSnapshotWire>((resolve) => (release = resolve)),
        (apply) => frames.push(apply),
        decodeNow,
      );
      slow.start();
      socket.open();
      socket.answer({ ok: true, data: { kind: "snapshot", seq: 2 } });
      socket.push(batch(3, 3));
      socket.push(batch(4, 5));
      expect(slow.current.state).toBeNull();
      release(snapshotWire(3)); // older than the first held batch's end: 3 is skipped
      await Promise.resolve();
      paint();
      expect(slow.current.state?.seq).toBe(5);
      expect(Object.keys(slow.current.state?.agents ?? {})).toEqual(["a1", "a2", "a3", "a4", "a5"]);
      expect(socket.sent).toHaveLength(1);
      slow.stop();
    });

    it("retries with backoff when the snapshot cannot be loaded", () => {
      center.start();
      socket.open();
      socket.answer({ ok: true, data: { kind: "snapshot", seq: 2 } }); // served is null: the load fails
      expect(center.current.state).toBeNull();
      vi.advanceTimersByTime(RETRY_MIN_MS);
      expect(socket.sent).toHaveLength(2);
      socket.answer(snapshot(2));
      expect(center.current.state?.seq).toBe(2);
    });
  });

  it("unpackJson unpacks the core's gzip batches", async () => {
    const json = new TextDecoder().decode(batch(3, 4));
    const gzipped = await new Response(
      new Blob([json]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer();
    expect(await unpackJson(new Uint8Array(gzipped))).toEqual(JSON.parse(json));
    await expect(unpackJson(encoder.encode("not gzip"))).rejects.toThrow();
  });

  it("re-subscribes when a heartbeat's KPIs cannot be unpacked", async () => {
    const strict = new LiveCenter(socket, loadSnapshot, (apply) => frames.push(apply));
    strict.start();
    socket.open();
    socket.answer(snapshot(2));
    socket.fire("live:heartbeat", {
      centerId: CENTER,
      seq: 2,
      serverTime: Date.now(),
      complete: true,
      kpis: encoder.encode("not gzip"),
    });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    expect(strict.current.kpis).toEqual({});
    strict.stop();
  });

  it("re-subscribes when a batch cannot be decoded", async () => {
    const strict = new LiveCenter(socket, loadSnapshot, (apply) => frames.push(apply));
    strict.start();
    socket.open();
    socket.answer(snapshot(2));
    socket.push(encoder.encode("not gzip"));
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    expect(socket.sent.at(-1)).toMatchObject({ sinceSeq: 2, centerId: CENTER });
    strict.stop();
  });

  it("shares what did not change with the previous view", () => {
    live(2);
    const before = center.current;
    otherEvents.set(3, {
      type: "agent.manual_status_set",
      agentId: "a1",
      status: "AVAILABLE",
      seq: 3,
      at: T0,
    });
    socket.push(batch(3, 3));
    paint();
    const after = center.current;
    expect(after).not.toBe(before);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.state?.agents).not.toBe(before.state?.agents);
    expect(after.state?.agents.a1).not.toBe(before.state?.agents.a1);
    expect(after.state?.agents.a2).toBe(before.state?.agents.a2);
    expect(after.state?.calls).toBe(before.state?.calls);
    expect(after.state?.queues).toBe(before.state?.queues);
    expect(after.state?.decisions).toBe(before.state?.decisions);
    expect(after.state?.agents.a1?.manualStatus).toBe("AVAILABLE");
  });

  it("shows each agent's figures today from the snapshot, then from the deltas that change them", () => {
    // A call answered before the snapshot and ended after it: its talk counts from the answer.
    const state = emptyState();
    const days = emptyAgentDayState();
    const log: LoggedEvent[] = [];
    const send = (event: DomainEvent, at: number) => {
      const before = structuredClone(state);
      const result = step(state, event, at);
      if (!result.ok) throw new Error(result.rejection.message);
      for (const e of result.applied) foldAgentDay(days, e, before);
      log.push(...result.applied);
    };
    send({ type: "agent.upserted", agent: { id: "a1", name: "a1", phoneNumber: null, routingType: 1 } }, T0);
    send({ type: "agent.presence_changed", agentId: "a1", signal: "app", online: true }, T0);
    send({ type: "agent.manual_status_set", agentId: "a1", status: "AVAILABLE" }, T0);
    send({ type: "group.upserted", group: { id: "g", name: "g", members: ["a1"] } }, T0);
    send(
      {
        type: "queue.upserted",
        queue: { ...QUEUE_DEFAULTS, id: "q", name: "q", groups: [{ groupId: "g", primary: true }] },
      },
      T0,
    );
    send({ type: "call.arrived", callId: "c1", queueId: "q", from: "84900000001" }, T0);
    send({ type: "call.answered", callId: "c1", agentId: "a1" }, T0 + 1_000);
    const projector = new BoardProjector(CENTER, structuredClone(state), days);
    served = JSON.parse(projector.snapshotJson(T0 + 1_000)) as BoardSnapshotWire;
    center.start();
    socket.open();
    socket.answer({ ok: true, data: { kind: "snapshot", seq: state.seq } });
    const today = () => center.current.agentsToday;
    const push = (event: DomainEvent, at: number) => {
      const from = log.length;
      send(event, at);
      socket.push(encoder.encode(projector.advance(structuredClone(state), log.slice(from), at)!));
    };
    const first = today();
    expect(agentToday(first.agents.get("a1"), T0 + 2_000, "Asia/Ho_Chi_Minh").answered).toBe(1);
    // a2 joins: nobody's figures change
    push(
      { type: "agent.upserted", agent: { id: "a2", name: "a2", phoneNumber: null, routingType: 1 } },
      T0 + 2_000,
    );
    paint();
    expect(today()).toBe(first);
    push({ type: "call.ended", callId: "c1" }, T0 + 61_000);
    paint();
    expect(today()).not.toBe(first);
    expect(agentToday(today().agents.get("a1"), T0 + 61_000, "Asia/Ho_Chi_Minh")).toEqual({
      answered: 1,
      missed: 0,
      talkMs: 60_000,
    });
  });
});
