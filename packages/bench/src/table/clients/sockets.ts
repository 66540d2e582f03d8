/**
 * Many live-board sockets in one process, each doing what the browser's board does with the stream:
 * socket.io-client, board:subscribe, then gzipped `board:delta` batches in seq order. Each handler
 * notes, for every event of the batch, the time from the batch's last commit (its `clock`, the core's
 * clock: same machine) to the handler running — serialization, gzip, the wire and the client's
 * decoding included; the ≤ 10 Hz coalescing of earlier events of the batch is not. The raw `ws`
 * baseline gets the batch's events as JSON and notes each event's own commit stamp.
 * Sockets track their seq only (2,000 folded copies of the center would measure this process).
 */
import { LIVE_PROTOCOL_VERSION } from "@callboard/contracts";
import { EVENT_FORMAT } from "@callboard/routing";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { readDeltaHeader } from "../../delta-header.ts";
import { summarize } from "../../stats.ts";
import { serve } from "../child.ts";

interface Batch {
  fromSeq: number;
  toSeq: number;
  events: { at: number }[];
  /** Bytes on the wire, when known (a delta's gzip); else its JSON's length. */
  bytes?: number;
}

const boards: { socket: Socket; seq: number; subscribed: boolean }[] = [];
const raws: WebSocket[] = [];
let latencies: number[] = [];
let batches = 0;
let events = 0;
let gaps = 0;
let probeBytes = 0;
let probeBatches = 0;

function handle(batch: Batch, probe: boolean): void {
  const now = Date.now();
  batches++;
  for (const event of batch.events) {
    latencies.push((now - event.at) * 1000);
    events++;
  }
  if (probe) {
    probeBatches++;
    probeBytes += batch.bytes ?? JSON.stringify(batch).length;
  }
}

/** A board:delta as the handler sees it: every event of the batch stamped with its last commit. */
function deltaBatch(bytes: Uint8Array): Batch {
  const { fromSeq, toSeq, clock } = readDeltaHeader(bytes);
  const events = Array.from({ length: toSeq - fromSeq + 1 }, () => ({ at: clock }));
  return { fromSeq, toSeq, events, bytes: bytes.byteLength };
}

function openBoard(url: string, cookie: string, probe: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie, origin: url },
    });
    const board = { socket, seq: 0, subscribed: false };
    boards.push(board);
    socket.on("connect_error", (error) => reject(error));
    socket.on("connect", () => {
      socket
        .timeout(60_000)
        .emit(
          "board:subscribe",
          { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
          (error: Error | null, result: { ok: boolean; data?: { kind: string; seq?: number } }) => {
            if (error || !result.ok) return reject(error ?? new Error("board:subscribe refused"));
            board.seq = result.data?.seq ?? 0;
            board.subscribed = true;
            resolve();
          },
        );
    });
    socket.on("board:delta", (bytes: Uint8Array) => {
      if (!board.subscribed) return;
      const batch = deltaBatch(bytes);
      if (batch.fromSeq > board.seq + 1) gaps++;
      board.seq = Math.max(board.seq, batch.toSeq);
      handle(batch, probe);
    });
  });
}

function openRaw(url: string, probe: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    raws.push(socket);
    socket.on("open", () => resolve());
    socket.on("error", reject);
    socket.on("message", (data) => handle(JSON.parse(data.toString()) as Batch, probe));
  });
}

/** Opens `count` connections in waves of 100, as a floor of browsers would come up. */
async function openMany(count: number, open: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)));
  }
}

serve(async (command) => {
  switch (command.cmd) {
    case "boards": {
      const { url, cookie, count } = command as unknown as { url: string; cookie: string; count: number };
      await openMany(count, (i) => openBoard(url, cookie, i === 0));
      return { open: boards.filter((b) => b.subscribed).length };
    }
    case "raw": {
      const { url, count } = command as unknown as { url: string; count: number };
      await openMany(count, (i) => openRaw(url, i === 0));
      return { open: raws.length };
    }
    case "reset":
      latencies = [];
      batches = events = gaps = probeBytes = probeBatches = 0;
      return {};
    case "collect": {
      const seqs = boards.map((b) => b.seq);
      return {
        latencyUs: summarize(latencies),
        batches,
        events,
        gaps,
        bytesPerBatch: probeBatches > 0 ? probeBytes / probeBatches : 0,
        batchesPerSocket: probeBatches,
        minSeq: seqs.length > 0 ? Math.min(...seqs) : 0,
        maxSeq: seqs.length > 0 ? Math.max(...seqs) : 0,
        connected:
          boards.filter((b) => b.socket.connected).length + raws.filter((w) => w.readyState === 1).length,
        rssBytes: process.memoryUsage().rss,
      };
    }
    case "close":
      for (const b of boards.splice(0)) b.socket.close();
      for (const w of raws.splice(0)) w.close();
      return {};
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
});
