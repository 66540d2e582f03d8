/**
 * Many live-board sockets in one process, each doing what the browser's board does with the stream:
 * socket.io-client, board:subscribe (a snapshot, then `events:appended` batches in seq order). Each
 * handler notes, for every event of the batch, the time from the event's commit stamp (`at`, the
 * core's clock: same machine) to the handler running — coalescing, serialization, the wire and the
 * client's decoding included. The same handler on raw `ws` clients measures the baseline.
 * Sockets track their seq only (2,000 folded copies of the center would measure this process).
 */
import { LIVE_PROTOCOL_VERSION } from "@callboard/contracts";
import { EVENT_FORMAT } from "@callboard/routing";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { summarize } from "../../stats.ts";
import { serve } from "../child.ts";

interface Batch {
  fromSeq: number;
  toSeq: number;
  events: { at: number }[];
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
    probeBytes += JSON.stringify(batch).length;
  }
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
          (
            error: Error | null,
            result: { ok: boolean; data?: { snapshot?: { state: { seq: number } } } },
          ) => {
            if (error || !result.ok) return reject(error ?? new Error("board:subscribe refused"));
            board.seq = result.data?.snapshot?.state.seq ?? 0;
            board.subscribed = true;
            resolve();
          },
        );
    });
    socket.on("events:appended", (batch: Batch) => {
      if (!board.subscribed) return;
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
