import type { WireBytes } from "./board-wire.ts";

/**
 * A catch-up's batches travel as one binary value. Socket.IO's parser refuses a packet with more than
 * 10 binary attachments and drops the connection, so an answer carrying each batch as its own buffer
 * stranded any board more than ten batches (about a second) behind: it reconnected, asked again and
 * was dropped again, forever. Framing: per batch, its length (4 bytes, big-endian) then its bytes.
 */
export function packBatches(batches: readonly WireBytes[]): Uint8Array {
  const parts = batches.map(asBytes);
  const packed = new Uint8Array(parts.reduce((n, part) => n + 4 + part.byteLength, 0));
  const view = new DataView(packed.buffer);
  let at = 0;
  for (const part of parts) {
    view.setUint32(at, part.byteLength);
    packed.set(part, at + 4);
    at += 4 + part.byteLength;
  }
  return packed;
}

/** The batches of packBatches, in order (views into `packed`, not copies); throws on a malformed frame. */
export function unpackBatches(packed: WireBytes): Uint8Array[] {
  const bytes = asBytes(packed);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const batches: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; ) {
    if (at + 4 > bytes.byteLength)
      throw new RangeError(`a catch-up frame's length is cut short at byte ${at}`);
    const length = view.getUint32(at);
    const end = at + 4 + length;
    if (end > bytes.byteLength)
      throw new RangeError(
        `a catch-up frame of ${length} bytes at byte ${at} runs past the end (${bytes.byteLength})`,
      );
    batches.push(bytes.subarray(at + 4, end));
    at = end;
  }
  return batches;
}

const asBytes = (bytes: WireBytes): Uint8Array =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
