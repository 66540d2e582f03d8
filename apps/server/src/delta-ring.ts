/** One fan-out batch as it went to the board room: the seqs it covers and its serialized bytes. */
export interface RingBatch {
  fromSeq: number;
  toSeq: number;
  bytes: Buffer;
}

/**
 * The recent delta batches, so a board that reconnects within the window replays what it missed
 * (a few KB a batch) instead of loading a snapshot. Bounded by count and by bytes, oldest dropped.
 */
export class DeltaRing {
  private batches: RingBatch[] = [];
  private bytes = 0;

  constructor(
    private readonly maxBatches: number,
    private readonly maxBytes: number,
  ) {}

  push(batch: RingBatch): void {
    const last = this.batches.at(-1);
    if (last && batch.fromSeq !== last.toSeq + 1) {
      throw new Error(`delta ring: batch ${batch.fromSeq}… does not follow ${last.toSeq}`);
    }
    this.batches.push(batch);
    this.bytes += batch.bytes.length;
    let drop = 0;
    while (
      this.batches.length - drop > 1 &&
      (this.batches.length - drop > this.maxBatches || this.bytes > this.maxBytes)
    ) {
      this.bytes -= this.batches[drop]!.bytes.length;
      drop++;
    }
    if (drop > 0) this.batches = this.batches.slice(drop);
  }

  /**
   * The batches after `sinceSeq`, in order, or null when the ring no longer reaches back to it (or
   * `sinceSeq` is not where a batch ended: a board only ever holds a batch's or a snapshot's seq).
   * `currentSeq` is where the last batch ended; a board already there gets an empty list.
   */
  since(sinceSeq: number, currentSeq: number): Buffer[] | null {
    if (sinceSeq === currentSeq) return [];
    if (sinceSeq > currentSeq) return null;
    const start = this.batches.findIndex((b) => b.fromSeq === sinceSeq + 1);
    if (start === -1) return null;
    return this.batches.slice(start).map((b) => b.bytes);
  }

  get size(): { batches: number; bytes: number; fromSeq: number | null } {
    return { batches: this.batches.length, bytes: this.bytes, fromSeq: this.batches[0]?.fromSeq ?? null };
  }
}
