import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { AppRouter } from "@callboard/api";
import type {
  BoardDeltaWire,
  ClientToServerEvents,
  Role,
  ServerToClientEvents,
  WireBytes,
} from "@callboard/contracts";
import type { QueueKpiView } from "@callboard/kpi";
import { AVAILABLE, type InputEvent, QUEUE_DEFAULTS } from "@callboard/routing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { pino } from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { type App, type AppOptions, createApp } from "./app.ts";
import { signInCookie } from "./core-process.test-support.ts";

/** Every test user's password (long enough for the password rule). */
export const TEST_PASSWORD = "test password 1234";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real server on port 0 over a temp SQLite file, with a clock the test moves by hand. */
export async function bootServer(
  dir = mkdtempSync(join(tmpdir(), "callboard-it-")),
  startAt = 1_800_000_000_000,
  /** Stringee mode and anything else createApp takes. */
  extra: Partial<AppOptions> = {},
) {
  const clock = { now: startAt };
  const app: App = createApp({
    dbPath: join(dir, "callboard.db"),
    clock: () => clock.now,
    logger: pino({ level: "silent" }),
    onFatal: (error) => {
      throw error;
    },
    ...extra,
  });
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  /** Creates a person of `role` and signs them in through the real door; their cookie and typed client. */
  const signedIn = async (role: Role, username = `${role}-${Math.random().toString(36).slice(2, 8)}`) => {
    // A restarted server over the same folder already has its users.
    if (!app.auth.listUsers().some((user) => user.username === username)) {
      await app.auth.createUser(
        { username, name: username, role, password: TEST_PASSWORD, agentId: role === "agent" ? "lan" : null },
        { principal: null, address: "test" },
      );
    }
    const cookie = await signInCookie(url, username, TEST_PASSWORD);
    const trpc = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
    return { username, cookie, trpc };
  };
  const admin = await signedIn("admin", "test-admin");
  const trpc = admin.trpc;
  const sockets: ClientSocket[] = [];
  return {
    app,
    dir,
    url,
    clock,
    trpc,
    /** The signed-in admin's session cookie (`name=value`). */
    cookie: admin.cookie,
    signedIn,
    /** POST /api/events as the signed-in admin (pass headers to post as someone else). */
    post: (body: unknown, init: RequestInit = {}) =>
      fetch(`${url}/api/events`, {
        method: "POST",
        body: typeof body === "string" ? body : JSON.stringify(body),
        ...init,
        headers: {
          "content-type": "application/json",
          cookie: admin.cookie,
          ...(init.headers as Record<string, string>),
        },
      }),
    submit: (event: InputEvent, idempotencyKey?: string) =>
      trpc.events.submit.mutate(idempotencyKey ? { event, idempotencyKey } : { event }),
    socket(cookie: string | null = admin.cookie): ClientSocket {
      const socket: ClientSocket = connect(url, {
        transports: ["websocket"],
        forceNew: true,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
      });
      sockets.push(socket);
      return socket;
    },
    async stop() {
      for (const s of sockets) s.disconnect();
      await app.close();
    },
    async destroy() {
      await this.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A board:delta's bytes read back (the feed gzips each batch's JSON once). */
export const decodeDelta = (bytes: WireBytes): BoardDeltaWire =>
  JSON.parse(gunzipSync(bytes as Uint8Array).toString()) as BoardDeltaWire;

/** A heartbeat's KPI views, as the gateway packs them (gzipped JSON, like a delta). */
export const decodeKpis = (bytes: WireBytes): QueueKpiView[] =>
  JSON.parse(gunzipSync(bytes as Uint8Array).toString()) as QueueKpiView[];

/** Resolves with the first board:delta a socket receives that matches `match`. */
export function nextDelta(socket: ClientSocket, match: (delta: BoardDeltaWire) => boolean, timeoutMs = 3000) {
  return new Promise<BoardDeltaWire>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no matching board:delta in time")), timeoutMs);
    const onDelta = (bytes: WireBytes) => {
      const delta = decodeDelta(bytes);
      if (!match(delta)) return;
      clearTimeout(timer);
      socket.off("board:delta", onDelta);
      resolve(delta);
    };
    socket.on("board:delta", onDelta);
  });
}

/** A small center: two agents online and available in one queue (PCC defaults), one more not available. */
export async function seedCenter(submit: (event: InputEvent) => Promise<unknown>) {
  for (const [id, name] of [
    ["lan", "Lan Nguyen"],
    ["minh", "Minh Tran"],
    ["hoa", "Hoa Le"],
  ] as const) {
    await submit({ type: "agent.upserted", agent: { id, name, phoneNumber: null, routingType: 1 } });
  }
  await submit({
    type: "group.upserted",
    group: { id: "sales-team", name: "Sales team", members: ["lan", "minh", "hoa"] },
  });
  await submit({
    type: "queue.upserted",
    queue: {
      ...QUEUE_DEFAULTS,
      id: "sales",
      name: "Sales",
      groups: [{ groupId: "sales-team", primary: true }],
    },
  });
  for (const id of ["lan", "minh"]) {
    await submit({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
    await submit({ type: "agent.manual_status_set", agentId: id, status: AVAILABLE });
  }
  await submit({ type: "agent.presence_changed", agentId: "hoa", signal: "sip", online: true });
}
