import { type CatchUp, type CoreBatchMessage, type CoreBeatMessage, packBatches } from "@callboard/contracts";
import { RING_MAX_BATCHES, RING_MAX_BYTES } from "../board-feed.ts";
import { DeltaRing } from "../delta-ring.ts";
import type { LiveBeat, LiveSource } from "../live-source.ts";

/**
 * A gateway trusts its data this long after the core's last beat (beats come every second): past
 * it, the core or Redis is gone, the gateway sends no beat, and its boards show stale.
 */
export const CORE_SILENCE_MS = 2_500;

/**
 * A gateway's copy of the board stream, fed by the core's messages over Redis: its own catch-up
 * ring (the same bounds as the core's), in seq order. A batch that does not follow the last one (the
 * gateway missed some while Redis was away) starts the ring afresh: the boards see the gap and
 * re-subscribe, and whoever the ring cannot serve loads a snapshot.
 */
export class GatewayFeed implements LiveSource {
  private ring = new DeltaRing(RING_MAX_BATCHES, RING_MAX_BYTES);
  private centerId: string | null = null;
  /** Where the last batch ended; null before the first (or after another history appeared). */
  private seq: number | null = null;
  private lastBeat: { message: CoreBeatMessage; heardAt: number } | null = null;
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  /** Batches that did not follow the previous one (the ring started afresh), for the logs. */
  gaps = 0;

  constructor(
    private readonly clock: () => number,
    /** Whether this gateway's Redis connection is up: when it is not, nothing it holds is current. */
    private readonly connected: () => boolean,
  ) {}

  receiveBatch(message: CoreBatchMessage): void {
    const bytes = asBuffer(message.bytes);
    if (message.centerId !== this.centerId) {
      this.restart(message.centerId);
    } else if (this.seq !== null && message.toSeq <= this.seq) {
      return; // already held (a duplicate)
    } else if (this.seq !== null && message.fromSeq !== this.seq + 1) {
      this.gaps++;
      this.restart(message.centerId);
    }
    this.ring.push({ fromSeq: message.fromSeq, toSeq: message.toSeq, bytes });
    this.seq = message.toSeq;
    for (const listener of this.listeners) listener(bytes);
  }

  receiveBeat(message: CoreBeatMessage): void {
    if (message.centerId !== this.centerId) this.restart(message.centerId);
    this.lastBeat = { message, heardAt: this.clock() };
  }

  private restart(centerId: string): void {
    this.ring = new DeltaRing(RING_MAX_BATCHES, RING_MAX_BYTES);
    this.centerId = centerId;
    this.seq = null;
  }

  /** Whether the core was heard recently over a live connection. */
  get live(): boolean {
    return (
      this.connected() && this.lastBeat !== null && this.clock() - this.lastBeat.heardAt <= CORE_SILENCE_MS
    );
  }

  catchUp(sinceSeq: number, centerId: string | null): CatchUp {
    const snapshot: CatchUp = { kind: "snapshot", seq: this.seq ?? 0 };
    if (centerId === null || centerId !== this.centerId || this.seq === null) return snapshot;
    // A board ahead of this gateway came from a faster one (a gateway that died): the batches it
    // lacks are on their way here; those it already holds it skips.
    if (sinceSeq > this.seq) return this.live ? { kind: "deltas", packed: packBatches([]) } : snapshot;
    const batches = this.ring.since(sinceSeq, this.seq);
    return batches ? { kind: "deltas", packed: packBatches(batches) } : snapshot;
  }

  onBatch(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  beat(): LiveBeat | null {
    if (!this.live || !this.lastBeat) return null;
    const { message, heardAt } = this.lastBeat;
    // The core's clock now, as near as this gateway can tell: its beat's time plus the time since.
    const serverTime = message.serverTime + (this.clock() - heardAt);
    return { centerId: message.centerId, seq: message.seq, serverTime, kpis: message.kpis };
  }

  wallboardTiles(queueIds: readonly string[]) {
    const beat = this.beat();
    if (!beat || !this.lastBeat) return null;
    const byQueue = new Map(this.lastBeat.message.tiles.map((tile) => [tile.queueId, tile]));
    const tiles = queueIds.flatMap((queueId) => byQueue.get(queueId) ?? []);
    return { serverTime: beat.serverTime, tiles };
  }

  /** Nothing waits here: each batch goes out as it arrives. */
  flush(): void {}

  get ringSize() {
    return this.ring.size;
  }
}

/** msgpack (the adapter's encoding) decodes bytes as a Uint8Array; the ring and sockets take a Buffer view of it. */
function asBuffer(bytes: Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(bytes)) return bytes;
  return bytes instanceof ArrayBuffer
    ? Buffer.from(bytes)
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
