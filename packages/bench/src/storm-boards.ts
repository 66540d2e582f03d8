/**
 * The boards of `pnpm reliability`'s reconnect storm, in a process of their own: N socket.io
 * clients sharing one viewer's session cookie, each doing what the board does (board:subscribe with
 * protocol, event format, its last seq and center id; board:delta batches applied in seq order; a gap
 * or another center re-subscribes), tracking its seq only (not folding state: 2,000 copies of the
 * center would measure this process, not the core). Driven over IPC by storm.ts.
 */
import { type CatchUp, LIVE_PROTOCOL_VERSION, unpackBatches } from "@callboard/contracts";
import { EVENT_FORMAT } from "@callboard/routing";
import { io, type Socket } from "socket.io-client";
import { type DeltaHeader, readDeltaHeader } from "./delta-header.ts";

interface Board {
  socket: Socket;
  seq: number;
  centerId: string | null;
  subscribed: boolean;
  subscribing: boolean;
}
type Command =
  | { cmd: "start"; url: string; cookie: string; count: number }
  | { cmd: "status" }
  | { cmd: "drop" }
  | { cmd: "stop" };

const boards: Board[] = [];
let gaps = 0;
let reconnects = 0;
let refusals = 0;
const closingMessages = { n: 0 };

function subscribe(board: Board): void {
  if (board.subscribing || !board.socket.connected) return;
  board.subscribing = true;
  board.socket.timeout(10_000).emit(
    "board:subscribe",
    {
      protocol: LIVE_PROTOCOL_VERSION,
      eventFormat: EVENT_FORMAT,
      sinceSeq: board.seq,
      centerId: board.centerId,
    },
    (error: Error | null, result: { ok: boolean; data?: CatchUp; error?: string }) => {
      board.subscribing = false;
      if (error || !result.ok || !result.data) {
        refusals++;
        setTimeout(() => subscribe(board), 500);
        return;
      }
      const data = result.data;
      if (data.kind === "snapshot") {
        // A browser would load /live/snapshot now; the center is the next delta's.
        board.seq = data.seq;
        board.centerId = null;
      } else {
        for (const bytes of unpackBatches(data.packed)) apply(board, readDeltaHeader(bytes));
      }
      board.subscribed = true;
    },
  );
}

function apply(board: Board, batch: DeltaHeader): void {
  board.centerId ??= batch.centerId;
  if (batch.centerId !== board.centerId || batch.fromSeq > board.seq + 1) {
    gaps++;
    board.subscribed = false;
    subscribe(board);
    return;
  }
  if (batch.toSeq > board.seq) board.seq = batch.toSeq;
}

function open(url: string, cookie: string): Board {
  const socket = io(url, { transports: ["websocket"], forceNew: true, extraHeaders: { cookie } });
  const board: Board = { socket, seq: 0, centerId: null, subscribed: false, subscribing: false };
  socket.on("connect", () => subscribe(board));
  socket.on("disconnect", () => {
    board.subscribed = false;
    board.subscribing = false;
  });
  socket.io.on("reconnect", () => reconnects++);
  socket.on("board:delta", (bytes: Uint8Array) => {
    if (board.subscribed && !board.subscribing) apply(board, readDeltaHeader(bytes));
  });
  socket.on("server:closing", () => closingMessages.n++);
  return board;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function status() {
  let connected = 0;
  let subscribed = 0;
  let minSeq = Number.POSITIVE_INFINITY;
  let maxSeq = 0;
  const centers = new Set<string | null>();
  for (const b of boards) {
    if (b.socket.connected) connected++;
    if (b.subscribed && b.socket.connected) subscribed++;
    minSeq = Math.min(minSeq, b.seq);
    maxSeq = Math.max(maxSeq, b.seq);
    centers.add(b.centerId);
  }
  return {
    boards: boards.length,
    connected,
    subscribed,
    minSeq,
    maxSeq,
    centerIds: [...centers],
    gaps,
    reconnects,
    refusals,
    closingMessages: closingMessages.n,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

process.on("message", async (message: Command) => {
  if (message.cmd === "start") {
    // Opened in waves, as browsers of a floor would come up; the storm itself is the drop below.
    for (let i = 0; i < message.count; i += 100) {
      for (let j = i; j < Math.min(message.count, i + 100); j++)
        boards.push(open(message.url, message.cookie));
      await sleep(50);
    }
    process.send!({ kind: "started" });
  } else if (message.cmd === "status") {
    process.send!({ kind: "status", ...status() });
  } else if (message.cmd === "drop") {
    // Every connection's transport is cut at once, as a network blip or a load balancer restart
    // would: each client sees "transport close" and reconnects with its own backoff.
    for (const b of boards) b.socket.io.engine.close();
    process.send!({ kind: "dropped", at: Date.now() });
  } else if (message.cmd === "stop") {
    for (const b of boards) b.socket.close();
    process.exit(0);
  }
});
