/**
 * The soak's boards, in a process of their own: N LiveCenters (the board's real sync client) over
 * socket.io-client, each loading its snapshot over HTTP like the browser and checking every batch's
 * digest. Driven over IPC by soak.ts: it opens them, cuts random connections, and asks what they saw.
 */
import { BOARD_SNAPSHOT_PATH, type BoardSnapshotWire } from "@callboard/contracts";
import { LiveCenter } from "@callboard/live";
import { io } from "socket.io-client";

interface Board {
  center: LiveCenter;
  socket: ReturnType<typeof io>;
  /** When the board last diverged or was cut off (and whether it has left "live" since); cleared when live again. */
  since: { at: number; why: "diverged" | "dropped"; left: boolean } | null;
  divergences: number;
  bytes: number;
}

type Command =
  | { cmd: "start"; url: string; cookie: string; count: number }
  | { cmd: "drop"; index: number }
  | { cmd: "status" }
  | { cmd: "stop" };

const boards: Board[] = [];
const recoveries: { why: "diverged" | "dropped"; ms: number }[] = [];
let snapshotsLoaded = 0;
/** How long each snapshot took to fetch and parse, and why loads failed (retried by LiveCenter). */
const snapshotMs: number[] = [];
const snapshotFailures: Record<string, number> = {};
/** Why connections were refused (socket.io's connect_error), by message. */
const connectErrors: Record<string, number> = {};

function open(url: string, cookie: string): Board {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    autoConnect: false,
    extraHeaders: { cookie },
  });
  const center = new LiveCenter(socket, async () => {
    const started = Date.now();
    try {
      const response = await fetch(`${url}${BOARD_SNAPSHOT_PATH}`, {
        headers: { cookie, "accept-encoding": "br, gzip" },
      });
      if (!response.ok) throw new Error(`snapshot ${response.status}`);
      const snapshot = (await response.json()) as BoardSnapshotWire;
      snapshotsLoaded++;
      snapshotMs.push(Date.now() - started);
      return snapshot;
    } catch (error) {
      const why = (error as Error).message;
      snapshotFailures[why] = (snapshotFailures[why] ?? 0) + 1;
      throw error;
    }
  });
  const board: Board = { center, socket, since: null, divergences: 0, bytes: 0 };
  socket.on("board:delta", (bytes: ArrayBuffer | Uint8Array) => {
    board.bytes += bytes.byteLength;
  });
  socket.on("connect_error", (error: Error) => {
    connectErrors[error.message] = (connectErrors[error.message] ?? 0) + 1;
  });
  // The beat's packed KPIs are the rest of the stream (its plain fields are a few dozen bytes).
  socket.on("live:heartbeat", (beat: { kpis: ArrayBuffer | Uint8Array }) => {
    board.bytes += beat.kpis.byteLength;
  });
  center.subscribe(() => {
    const view = center.current;
    if (view.divergences > board.divergences) {
      board.divergences = view.divergences;
      board.since = { at: Date.now(), why: "diverged", left: false };
    }
    if (!board.since) return;
    if (view.connection.kind !== "live") board.since.left = true;
    else if (board.since.left) {
      // Live again: a diverged board after its fresh snapshot, a dropped one after catching up.
      recoveries.push({ why: board.since.why, ms: Date.now() - board.since.at });
      board.since = null;
    }
  });
  center.start();
  return board;
}

/**
 * Cuts a board's connection as a network would: the TCP socket under its WebSocket is destroyed, so
 * socket.io sees "transport close" and reconnects by itself. (Closing the engine from the client,
 * `socket.io.engine.close()`, waits for its write buffer to drain first; under load, boards cut that
 * way were left "reconnecting" with no reconnect attempt — a client-initiated close, not a blip.)
 */
function cut(socket: ReturnType<typeof io>): void {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { destroy(): void } } };
  const tcp = transport.ws?._socket;
  if (!tcp)
    throw new Error("soak: the board's WebSocket has no TCP socket to cut (not the websocket transport?)");
  tcp.destroy();
}

/**
 * Where socket.io-client stands under a board that is not live: whether its manager is still trying
 * (a reconnect pending, how many attempts), its engine's state, and whether the namespace is connected.
 */
function transportState(socket: ReturnType<typeof io>): string {
  const manager = socket.io as unknown as {
    _readyState: string;
    _reconnecting: boolean;
    backoff: { attempts: number };
    engine?: { readyState: string };
  };
  return `manager ${manager._readyState}${manager._reconnecting ? " reconnecting" : ""} attempts ${manager.backoff.attempts}, engine ${manager.engine?.readyState ?? "none"}, socket ${socket.connected ? "connected" : "disconnected"}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

process.on("message", async (message: Command) => {
  if (message.cmd === "start") {
    for (let i = 0; i < message.count; i++) {
      boards.push(open(message.url, message.cookie));
      await sleep(100);
    }
    process.send!({ kind: "started" });
  } else if (message.cmd === "drop") {
    // A network blip: the transport is cut, socket.io reconnects with its own backoff, and the
    // board catches up from the core's ring.
    const board = boards[message.index % boards.length]!;
    if (board.socket.connected && board.since === null) {
      board.since = { at: Date.now(), why: "dropped", left: false };
      cut(board.socket);
    }
    process.send!({ kind: "dropped" });
  } else if (message.cmd === "status") {
    process.send!({
      kind: "status",
      boards: boards.map((b) => ({
        seq: b.center.current.state?.seq ?? null,
        digest: b.center.digest,
        connection: b.center.current.connection.kind,
        transport: transportState(b.socket),
        divergences: b.center.current.divergences,
        bytes: b.bytes,
      })),
      recoveries,
      snapshotsLoaded,
      snapshotMs,
      snapshotFailures,
      connectErrors,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  } else if (message.cmd === "stop") {
    for (const b of boards) b.center.stop();
    process.exit(0);
  }
});
