import type { Server as HttpServer } from "node:http";
import {
  boardDivergedSchema,
  boardSubscribeSchema,
  type ClientToServerEvents,
  describeZodError,
  hasRole,
  type Incompatible,
  type InterServerEvents,
  LIVE_PROTOCOL_VERSION,
  type Principal,
  Room,
  type ServerToClientEvents,
  SOCKET_REFUSAL,
  type SocketData,
  wallboardSubscribeSchema,
} from "@callboard/contracts";
import { EVENT_FORMAT } from "@callboard/routing";
import { Server, type ServerOptions, type Socket } from "socket.io";
import type { AllowedOrigins } from "./env.ts";
import { KpiBeats } from "./kpi-beats.ts";
import type { LiveSource } from "./live-source.ts";

/** A board may report a divergence this often; more are dropped (a broken client must not flood /metrics). */
export const DIVERGENCE_REPORT_INTERVAL_MS = 10_000;

const INCOMPATIBLE: Incompatible = {
  ok: false,
  incompatible: true,
  error: "This board was built for another version of the Callboard core; reload the page.",
  server: { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT },
};

/**
 * Whether a subscribe comes from a client built for this protocol (and event format, for the board).
 * Judged before the rest of the input is validated: a board from an older deploy may send a shape
 * this schema no longer accepts (no protocol at all, renamed fields), and it must be told to reload,
 * not given a validation error it would retry forever. Only the version fields are read here; a
 * matching client's whole input is then validated as usual (sizes included).
 */
export function speaksOurProtocol(
  input: unknown,
  wants: { eventFormat: boolean },
): boolean | "not-an-object" {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "not-an-object";
  const fields = input as Record<string, unknown>;
  // Own properties only: "__proto__" or an inherited value must not pass for a version.
  const own = (key: string) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  if (own("protocol") !== LIVE_PROTOCOL_VERSION) return false;
  return !wants.eventFormat || own("eventFormat") === EVENT_FORMAT;
}

export type CallboardServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type CallboardSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export interface GatewayOptions {
  httpServer: HttpServer;
  /**
   * The board's delta batches (serialized once, for every board), its catch-up ring, the heartbeat's
   * figures and the wallboards' tiles: the core in this process, or the core's messages over Redis.
   */
  source: LiveSource;
  corsOrigin: AllowedOrigins;
  /** Other gateways' and the core's messages (split mode: the Redis Streams adapter); none = this process alone. */
  adapter?: ServerOptions["adapter"];
  /** Every connection passes here first: a session (a person) or a wallboard token (a screen), and an allowed Origin. */
  authenticate: (socket: CallboardSocket) => SocketData;
  /**
   * Whether connections' principals still hold (sessions end, tokens are revoked), checked every few
   * seconds: given every connection's principal at once (one batched read), answers for each.
   */
  stillValid: (principals: Principal[]) => (principal: Principal) => boolean;
  /** A board found its digest differed from its batch's (already validated and rate-limited). */
  onDiverged?: () => void;
}

/** The board's heartbeat (seq, clock, every queue's KPIs) goes out this often, changes or not. */
export const HEARTBEAT_INTERVAL_MS = 1_000;

/** What boards and wallboards are told when the core stops on purpose (SIGTERM, a deploy). */
export const SERVER_CLOSING_MESSAGE =
  "The Callboard core is restarting; this screen reconnects by itself and catches up.";

/** How long closing waits for every socket to receive the closing message before cutting the rest. */
const DRAIN_SOCKETS_MS = 2_000;

/** Connections whose access ended are found and closed this often (the promise: within 5 s). */
export const ACCESS_CHECK_INTERVAL_MS = 2_000;
/** Wallboards get their counts this often. */
export const WALLBOARD_INTERVAL_MS = 1_000;
/** A wallboard subscribing while its gateway cannot vouch for the present is answered this soon after it can. */
const WALLBOARD_RETRY_MS = 500;

/**
 * Fans the core's appended events out to browsers: coalesced per room, seq-numbered so clients
 * detect gaps, and a subscribe command that answers with exactly what a client missed.
 */
export function createGateway(options: GatewayOptions): {
  io: CallboardServer;
  /** Closes at once the connections whose principal `ended` says lost access (revocations). */
  closeWhere: (ended: (principal: Principal) => boolean) => void;
  /**
   * Tells every connection the core is stopping, then closes them all (each client reconnects by
   * itself, to this core once it is back). Stops fan-out first so no batch is half-sent.
   */
  close: (message?: string) => Promise<void>;
} {
  const { source } = options;
  const io: CallboardServer = new Server(options.httpServer, {
    cors: { origin: options.corsOrigin === "*" ? true : [...options.corsOrigin] },
    perMessageDeflate: false,
    serveClient: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });

  io.use((socket, next) => {
    try {
      socket.data = options.authenticate(socket);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("not allowed"));
    }
  });

  io.on("connection", (socket) => {
    socket.on("board:subscribe", (input, ack) => {
      if (typeof ack !== "function") return;
      const { principal } = socket.data;
      // The board shows people and phone numbers: signed-in staff only, never a wallboard's token.
      if (principal.kind !== "user" || !hasRole(principal.role, "viewer")) {
        ack({
          ok: false,
          error: `${SOCKET_REFUSAL.FORBIDDEN}: the board needs a signed-in viewer, supervisor or admin`,
        });
        return;
      }
      // The handshake is the gate: a client built for another protocol or event format (or one from
      // before the handshake existed) never joins the room, so it receives no batch it could
      // misread; it is told to reload instead.
      const speaks = speaksOurProtocol(input, { eventFormat: true });
      if (speaks === "not-an-object") {
        ack({
          ok: false,
          error: "board:subscribe takes an object {protocol, eventFormat, sinceSeq, centerId}",
        });
        return;
      }
      if (!speaks) {
        ack(INCOMPATIBLE);
        return;
      }
      const parsed = boardSubscribeSchema.safeParse(input);
      if (!parsed.success) {
        ack({ ok: false, error: describeZodError(parsed.error) });
        return;
      }
      // Join before reading so nothing appended after the read can be missed; duplicates are
      // harmless because clients skip any seq they already applied.
      socket.join(Room.BOARD);
      ack({ ok: true, data: source.catchUp(parsed.data.sinceSeq, parsed.data.centerId) });
      // No beat while the source cannot vouch for the present: the board shows stale, as it should.
      const beat = source.beat();
      if (beat)
        socket.emit("live:heartbeat", { ...beat, complete: true, kpis: kpiBeats.complete(beat.kpis) });
    });

    // A board that disagreed with a batch's digest says so once before loading a fresh snapshot.
    let lastReport = Number.NEGATIVE_INFINITY;
    socket.on("board:diverged", (input) => {
      if (!socket.rooms.has(Room.BOARD)) return;
      if (!boardDivergedSchema.safeParse(input).success) return;
      const now = Date.now();
      if (now - lastReport < DIVERGENCE_REPORT_INTERVAL_MS) return;
      lastReport = now;
      options.onDiverged?.();
    });
  });

  io.on("connection", (socket) => {
    socket.on("wallboard:subscribe", (input, ack) => {
      if (typeof ack !== "function") return;
      const { principal } = socket.data;
      if (principal.kind !== "wallboard") {
        ack({ ok: false, error: `${SOCKET_REFUSAL.FORBIDDEN}: open the wallboard with its token` });
        return;
      }
      const speaks = speaksOurProtocol(input, { eventFormat: false });
      if (speaks === "not-an-object") {
        ack({ ok: false, error: "wallboard:subscribe takes an object {protocol}" });
        return;
      }
      if (!speaks) {
        ack(INCOMPATIBLE);
        return;
      }
      const parsed = wallboardSubscribeSchema.safeParse(input);
      if (!parsed.success) {
        ack({ ok: false, error: describeZodError(parsed.error) });
        return;
      }
      const answer = () => {
        const update = wallboardUpdate(principal.label, principal.queueIds);
        if (!update) return false;
        socket.join(Room.wallboard(principal.tokenId));
        ack({ ok: true, data: update });
        return true;
      };
      if (answer()) return;
      // A gateway cut off from the core answers once it hears it again; meanwhile the screen shows
      // stale, and past its own timeout it reconnects (perhaps to another gateway).
      const waiting = setInterval(() => {
        if (socket.disconnected || answer()) clearInterval(waiting);
      }, WALLBOARD_RETRY_MS);
    });
  });

  const wallboardUpdate = (label: string, queueIds: readonly string[]) => {
    const tiles = source.wallboardTiles(queueIds);
    return tiles && { label, ...tiles };
  };
  // Screens sharing a token share a room; each room gets its own queues' counts.
  const wallboardTimer = setInterval(() => {
    const sent = new Set<string>();
    for (const socket of io.sockets.sockets.values()) {
      const { principal } = socket.data;
      if (principal?.kind !== "wallboard" || sent.has(principal.tokenId)) continue;
      const room = Room.wallboard(principal.tokenId);
      if (!socket.rooms.has(room)) continue;
      sent.add(principal.tokenId);
      const update = wallboardUpdate(principal.label, principal.queueIds);
      if (update) io.local.to(room).emit("wallboard:update", update);
    }
  }, WALLBOARD_INTERVAL_MS);

  // The board's heartbeat: a client that hears nothing for 2 s knows its data is stale, and when from.
  // The room gets the queues whose KPI view changed since its previous beat, packed once for every
  // socket in it (kpi-beats.ts); a board that (re)subscribes gets every queue's right away.
  // Silence is the signal: while the source cannot vouch for the present (a gateway that lost Redis,
  // so the core), no beat goes out, and boards show stale after 2 s.
  const kpiBeats = new KpiBeats();
  const heartbeatTimer = setInterval(() => {
    if ((io.sockets.adapter.rooms.get(Room.BOARD)?.size ?? 0) === 0) return;
    const beat = source.beat();
    if (!beat) return;
    io.local
      .to(Room.BOARD)
      .emit("live:heartbeat", { ...beat, complete: false, kpis: kpiBeats.changed(beat.kpis) });
  }, HEARTBEAT_INTERVAL_MS);

  /** Closes connections whose access ended, telling each why first. */
  const closeWhere = (ended: (principal: Principal) => boolean) => {
    for (const socket of io.sockets.sockets.values()) {
      const { principal } = socket.data;
      if (!principal || !ended(principal)) continue;
      const revokedScreen = principal.kind === "wallboard";
      socket.emit("access:revoked", {
        reason: revokedScreen ? SOCKET_REFUSAL.REVOKED : SOCKET_REFUSAL.SIGNED_OUT,
        message: revokedScreen
          ? "This screen's access was revoked."
          : "Your session has ended; sign in again.",
      });
      socket.disconnect(true);
    }
  };
  const accessTimer = setInterval(() => {
    const principals: Principal[] = [];
    for (const socket of io.sockets.sockets.values())
      if (socket.data.principal) principals.push(socket.data.principal);
    const stillValid = options.stillValid(principals);
    closeWhere((principal) => !stillValid(principal));
  }, ACCESS_CHECK_INTERVAL_MS);

  // Each batch is serialized once by the feed; the room gets the same bytes (socket.io encodes the
  // packet once per room, too). Local: each gateway sends what its own source gave it, in its order.
  const unsubscribe = source.onBatch((bytes) => io.local.to(Room.BOARD).emit("board:delta", bytes));

  return {
    io,
    closeWhere,
    close: async (message = SERVER_CLOSING_MESSAGE) => {
      clearInterval(wallboardTimer);
      clearInterval(heartbeatTimer);
      clearInterval(accessTimer);
      // Whatever was committed but not yet sent goes out first; a reconnecting board asks from its
      // last seq anyway, so this only saves it a round trip.
      source.flush();
      unsubscribe();
      io.local.emit("server:closing", { message });
      // Each transport closes once its buffer is written (so the message arrives), like a dropped
      // network: clients see "transport close" and reconnect by themselves, boards and wallboards alike.
      const closed = [...io.sockets.sockets.values()].map(
        ({ conn }) =>
          new Promise<void>((resolve) => {
            if (conn.readyState !== "open") return resolve();
            conn.once("close", () => resolve());
            conn.close();
          }),
      );
      await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, DRAIN_SOCKETS_MS))]);
      await io.close();
    },
  };
}
