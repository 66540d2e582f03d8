/**
 * What the bench's seq-tracking boards read of a board:delta: its center, seqs and engine clock. The
 * core gzips each batch once for the room, so every socket of a client process gets the same bytes:
 * the last batch decoded is remembered, and 2,000 sockets decode it once, not 2,000 times.
 */
import { gunzipSync } from "node:zlib";
import type { BoardDeltaWire } from "@callboard/contracts";

export type DeltaHeader = Pick<BoardDeltaWire, "centerId" | "fromSeq" | "toSeq" | "clock">;

let last: { bytes: Buffer; header: DeltaHeader } | null = null;

export function readDeltaHeader(data: Uint8Array | ArrayBuffer): DeltaHeader {
  const bytes = Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  if (last?.bytes.equals(bytes)) return last.header;
  const { centerId, fromSeq, toSeq, clock } = JSON.parse(gunzipSync(bytes).toString()) as BoardDeltaWire;
  const header = { centerId, fromSeq, toSeq, clock };
  last = { bytes, header };
  return header;
}
