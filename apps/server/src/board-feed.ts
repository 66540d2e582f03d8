import { promisify } from "node:util";
import { brotliCompress, constants, gzip, gzipSync } from "node:zlib";
import { BoardProjector, type CatchUp, packBatches } from "@callboard/contracts";
import type { AgentDayState } from "@callboard/kpi";
import type { LoggedEvent } from "@callboard/routing";
import type { Core } from "./core.ts";
import { DeltaRing, type RingBatch } from "./delta-ring.ts";

/** Deltas go out at most this often: a burst becomes one batch. */
export const FAN_OUT_INTERVAL_MS = 100;
/** The ring keeps this many batches (two minutes at the busiest), within RING_MAX_BYTES. */
export const RING_MAX_BATCHES = 1_200;
export const RING_MAX_BYTES = 32 * 2 ** 20;
/**
 * A snapshot is built (and compressed) at most this often: boards loading within this window share
 * one; it is a little behind, and the ring's batches bring them to the present.
 */
export const SNAPSHOT_REUSE_MS = 1_000;

export type SnapshotEncoding = "br" | "gzip" | "identity";

const compress = {
  br: (raw: Buffer) =>
    promisify(brotliCompress)(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
  gzip: (raw: Buffer) => promisify(gzip)(raw, { level: 6 }),
  identity: async (raw: Buffer) => raw,
} satisfies Record<SnapshotEncoding, (raw: Buffer) => Promise<Buffer>>;

/** The best encoding the request's Accept-Encoding allows (brotli, then gzip), ignoring q=0 entries. */
export function pickEncoding(acceptEncoding: string | undefined): SnapshotEncoding {
  const accepted = new Set(
    (acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase().split(";"))
      .filter(([, q]) => !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q ?? ""))
      .map(([name]) => name),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return "identity";
}

interface CachedSnapshot {
  seq: number;
  takenAt: number;
  raw: Buffer;
  encoded: Partial<Record<SnapshotEncoding, Promise<Buffer>>>;
}

/**
 * The core's side of the board stream, apart from any socket: it folds each appended batch of
 * events into the board projection, serializes the delta once (bytes a gateway sends as they are),
 * keeps the recent ones in a ring for catch-up, and serves snapshots, compressed once per encoding.
 * The gateway in this process subscribes with onBatch; a gateway in another process would subscribe
 * to the same bytes.
 */
export class BoardFeed {
  private readonly projector: BoardProjector;
  private readonly ring = new DeltaRing(RING_MAX_BATCHES, RING_MAX_BYTES);
  private readonly listeners = new Set<(batch: RingBatch) => void>();
  private buffer: LoggedEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private snapshotCache: CachedSnapshot | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: Core,
    readonly centerId: string,
    private readonly clock: () => number,
    /** The server's agent-day fold, folded on each append before a batch is projected (kpis.ts). */
    agentDays: AgentDayState,
  ) {
    this.projector = new BoardProjector(centerId, core.state, agentDays);
    this.unsubscribe = core.onAppended((events) => {
      for (const event of events) this.buffer.push(event);
      this.timer ??= setTimeout(() => this.flush(), FAN_OUT_INTERVAL_MS);
    });
  }

  onBatch(listener: (batch: RingBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what was appended since the last batch now (the timer does it otherwise). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    const fromSeq = this.projector.seq + 1;
    const json = this.projector.advance(this.core.state, events, this.clock());
    if (json === null) return;
    // Compressed once for every board (and the ring): JSON of records compresses about six-fold,
    // which per-socket compression would pay once per socket.
    const batch: RingBatch = { fromSeq, toSeq: this.projector.seq, bytes: gzipSync(json, { level: 6 }) };
    this.ring.push(batch);
    for (const listener of this.listeners) listener(batch);
  }

  /** What a board subscribing from `sinceSeq` of history `centerId` gets (see CatchUp). */
  catchUp(sinceSeq: number, centerId: string | null): CatchUp {
    const batches = centerId === this.centerId ? this.ring.since(sinceSeq, this.projector.seq) : null;
    return batches
      ? { kind: "deltas", packed: packBatches(batches) }
      : { kind: "snapshot", seq: this.projector.seq };
  }

  /** The board snapshot in `encoding`, and the seq it is at. */
  async snapshot(encoding: SnapshotEncoding): Promise<{ seq: number; body: Buffer }> {
    const now = this.clock();
    let cached = this.snapshotCache;
    if (!cached || (cached.seq !== this.projector.seq && now - cached.takenAt >= SNAPSHOT_REUSE_MS)) {
      cached = {
        seq: this.projector.seq,
        takenAt: now,
        raw: Buffer.from(this.projector.snapshotJson(now)),
        encoded: {},
      };
      this.snapshotCache = cached;
    }
    // One compression per snapshot and encoding, shared by every request that asks meanwhile.
    let encoded = cached.encoded[encoding];
    if (!encoded) {
      encoded = compress[encoding](cached.raw);
      cached.encoded[encoding] = encoded;
    }
    return { seq: cached.seq, body: await encoded };
  }

  /** The ring's extent, for /metrics. */
  get ringSize() {
    return this.ring.size;
  }

  close(): void {
    this.flush();
    this.unsubscribe();
  }
}
