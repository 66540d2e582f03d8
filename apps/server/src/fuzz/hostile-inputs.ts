/**
 * Hostile input against every door of a running core, as anonymous, viewer or supervisor: raw HTTP
 * requests (every route, every tRPC procedure, batches, oversize and malformed bodies, wrong content
 * types, bad cookies, huge headers, prototype-pollution keys, unicode, deep nesting), socket
 * handshakes and socket events. Used by fuzz.integration.test.ts (a few hundred per role, in
 * `pnpm check`) and run-fuzz.ts (≥ 10,000 per role, with figures).
 *
 * What must hold: no 5xx and no hang; every refusal is a 4xx with a reason (a JSON `error`, a tRPC
 * error message, or engine.io's `message`); anonymous and viewers change nothing in the event log;
 * supervisors add manual-status events only; Object.prototype stays clean.
 */
import { createHash } from "node:crypto";
import { connect as tcp } from "node:net";
import { appRouter } from "@callboard/api";
import { LIVE_PROTOCOL_VERSION, SOCKET_REFUSAL } from "@callboard/contracts";
import { createDb, createRowCodec } from "@callboard/db";
import { EVENT_FORMAT, INPUT_EVENT_TYPES, MANUAL_STATUSES } from "@callboard/routing";
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";

export type FuzzRole = "anonymous" | "viewer" | "supervisor";

export interface FuzzTarget {
  port: number;
  dbPath: string;
  /** Every path of the route table. */
  routePaths: readonly string[];
  /** The role's session cookie (`name=value`); null for anonymous. */
  cookie: string | null;
  /** Agent ids the center has (so some inputs are plausible, not only garbage). */
  agentIds: readonly string[];
}

export interface HttpInput {
  kind: "http";
  method: string;
  path: string;
  headers: [string, string][];
  body: string;
}
export interface SocketInput {
  kind: "socket";
  /** A handshake with these credentials, or an event on the role's connected socket. */
  handshake: { cookie: string | null; origin: string | null; auth: unknown } | null;
  event: string;
  payload: unknown;
  ack: boolean;
}
export type HostileInput = HttpInput | SocketInput;

const PROCEDURES = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  type: (procedure as unknown as { _def: { type: string } })._def.type,
}));

// ---------------------------------------------------------------------------------------------
// Generators

const POLLUTION = [
  '{"__proto__":{"role":"admin","isAdmin":true,"polluted":1}}',
  '{"constructor":{"prototype":{"role":"admin","polluted":1}}}',
  '{"event":{"__proto__":{"type":"agent.upserted"},"type":"agent.manual_status_set","agentId":"__proto__","status":"AVAILABLE"}}',
  '{"0":{"json":{"__proto__":{"polluted":1}}},"__proto__":[]}',
  '{"agentId":"__proto__","status":"AVAILABLE"}',
  '{"agentId":"constructor","status":"LUNCH_BREAK"}',
  '{"agentId":"hasOwnProperty","status":{"__proto__":null}}',
  '{"username":"__proto__","password":"constructor"}',
  '{"callId":"__proto__"}',
  '{"limit":{"valueOf":1},"action":"__proto__"}',
];
const MALFORMED = [
  "{",
  '{"a":}',
  "nul",
  "\u0000",
  "[1,2",
  "{'a':1}",
  "\uFFFD\uFFFE",
  '{"a":1}{"b":2}',
  "1e999999",
  "-",
  '"',
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "", " ", "\u202e", "💥".repeat(50)),
  fc.integer({ min: 100, max: 5_000 }).map((n) => "x".repeat(n)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, -1, 2 ** 53, Number.MAX_VALUE),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Inputs shaped like what each procedure takes, with hostile values in its fields. */
function plausibleInput(agentIds: readonly string[]): fc.Arbitrary<unknown> {
  const agentId = fc.oneof(fc.constantFrom(...agentIds), hostileString);
  return fc.oneof(
    fc.record({ agentId, status: fc.oneof(fc.constantFrom(...MANUAL_STATUSES), hostileValue) }),
    fc.record({ agentId: fc.constantFrom(...agentIds), status: fc.constantFrom(...MANUAL_STATUSES) }),
    fc.record({
      event: fc.record({
        type: fc.oneof(fc.constantFrom(...INPUT_EVENT_TYPES), hostileString),
        agentId,
        x: hostileValue,
      }),
      idempotencyKey: fc.option(hostileString),
    }),
    fc.record({ callId: hostileString, limit: fc.option(hostileValue), beforeSeq: fc.option(hostileValue) }),
    fc.record({
      username: hostileString,
      password: hostileString,
      role: fc.constantFrom("admin", "viewer", "root"),
    }),
    fc.record({ token: hostileString }),
    fc.record({ label: hostileString, queueIds: fc.array(hostileString, { maxLength: 5 }) }),
    fc.dictionary(hostileString, hostileValue, { maxKeys: 6 }),
  );
}

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
  );

function body(agentIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: plausibleInput(agentIds).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.constantFrom(...POLLUTION) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
    { weight: 1, arbitrary: deepNesting },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 60 * 1024, max: 400 * 1024 }).map((n) => `{"x":"${"a".repeat(n)}"}`),
    },
    { weight: 1, arbitrary: fc.constant("") },
  );
}

/** A tRPC request-target: one procedure, or a batch (often long, often with center.snapshot in it). */
function trpcTarget(
  agentIds: readonly string[],
): fc.Arbitrary<{ path: string; method: string; body?: string }> {
  const proc = fc.constantFrom(...PROCEDURES);
  const single = fc
    .tuple(proc, plausibleInput(agentIds), fc.boolean())
    .map(([p, input, asQuery]) =>
      p.type === "query" || asQuery
        ? { method: "GET", path: `/trpc/${p.path}?input=${encodeURIComponent(JSON.stringify(input))}` }
        : { method: "POST", path: `/trpc/${p.path}`, body: JSON.stringify(input) },
    );
  const batch = fc
    .tuple(
      fc.array(
        fc.oneof(
          proc.map((p) => p.path),
          fc.constant("center.snapshot"),
          hostileString.map(encodeURIComponent),
        ),
        {
          minLength: 2,
          maxLength: 60,
        },
      ),
      fc.array(plausibleInput(agentIds), { maxLength: 4 }),
      fc.constantFrom("GET", "POST"),
    )
    .map(([paths, inputs, method]) => {
      const input = JSON.stringify(Object.fromEntries(inputs.map((v, i) => [String(i), v])));
      return method === "GET"
        ? { method, path: `/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(input)}` }
        : { method, path: `/trpc/${paths.join(",")}?batch=1`, body: input };
    });
  return fc.oneof(single, batch);
}

function target(t: FuzzTarget): fc.Arbitrary<{ path: string; method?: string; body?: string }> {
  const method = fc.constantFrom("GET", "POST", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH", "FOO");
  return fc.oneof(
    { weight: 4, arbitrary: trpcTarget(t.agentIds) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...t.routePaths), fc.option(hostileString), method)
        .map(([p, q, m]) => ({ path: p + (q === null ? "" : `?key=${encodeURIComponent(q)}`), method: m })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "/socket.io/?EIO=4&transport=polling",
          "/socket.io/?EIO=4&transport=polling&sid=forged",
          "/socket.io/?EIO=3&transport=websocket",
          "/socket.io/?EIO=4&transport=flashsocket",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/trpc/%00",
          "/trpc/..%2f..%2fauth",
          "/trpc/__proto__",
          "/trpc/constructor.prototype",
          // Malformed escapes and dot segments in the procedure path (a review found a 500 here).
          "/trpc/%E0%A4%A",
          "/trpc/%",
          "/trpc/q/../center.snapshot,center.queues?batch=1&input={}",
          "*",
          `/${"a".repeat(8_000)}`,
        )
        .map((path) => ({ path })),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map((s) => ({ path: `/${s}` })) },
  );
}

function headers(t: FuzzTarget, port: number): fc.Arbitrary<[string, string][]> {
  const cookie = fc.oneof(
    { weight: 8, arbitrary: fc.constant(t.cookie) },
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "callboard_session=forged",
        "callboard_session=",
        "callboard_session=%%%; callboard_session=%E0%A4%A",
        `callboard_session=${"z".repeat(200)}`,
        "=; ;;; =x",
        "__proto__=1; constructor=2",
      ),
    },
    { weight: 1, arbitrary: fc.constant(`${t.cookie ?? "a=b"}; callboard_session=forged`) },
    { weight: 1, arbitrary: hostileString.map((s) => `callboard_session=${s}`) },
  );
  const contentType = fc.constantFrom(
    "application/json",
    "application/json",
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    null,
    "text/plain",
    "text/plain; charset=application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json, text/plain",
    "APPLICATION/JSON",
    "application/jsonx",
    "",
  );
  const origin = fc.constantFrom(null, null, "http://evil.example", `http://127.0.0.1:${port}`, "null");
  const host = fc.constantFrom(
    `127.0.0.1:${port}`,
    `127.0.0.1:${port}`,
    `127.0.0.1:${port}`,
    "attacker.example",
    null,
  );
  const authorization = fc.oneof(
    fc.constant(null),
    fc.constant(null),
    hostileString.map((s) => `Bearer ${s}`),
    fc.constantFrom("Basic YWRtaW46YWRtaW4=", "Bearer", "bearer  x"),
  );
  const extra = fc.array(
    fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.string({ maxLength: 60 })),
    {
      maxLength: 8,
    },
  );
  const huge = fc.oneof(
    { weight: 20, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 17_000, max: 40_000 })
        .map((n) => ["x-huge", "h".repeat(n)] as [string, string]),
    },
  );
  return fc
    .tuple(cookie, contentType, origin, host, authorization, extra, huge)
    .map(([c, ct, o, h, a, e, hg]) => {
      const list: [string, string][] = [];
      if (h !== null) list.push(["host", h]);
      if (c !== null) list.push(["cookie", c]);
      if (ct !== null) list.push(["content-type", ct]);
      if (o !== null) list.push(["origin", o]);
      if (a !== null) list.push(["authorization", a]);
      if (hg !== null) list.push(hg);
      // Header values may not hold CR/LF (that would be another request); everything else goes.
      for (const [k, v] of e) list.push([k, v.replace(/[\r\n]/g, " ")]);
      return list;
    });
}

function httpInput(t: FuzzTarget): fc.Arbitrary<HttpInput> {
  return fc.tuple(target(t), headers(t, t.port), body(t.agentIds)).map(([tg, hs, b]): HttpInput => {
    const method = tg.method ?? "POST";
    // A hostile request must not sign the fuzzer out: sign-out gets a forged cookie only.
    const safe = tg.path.startsWith("/auth/sign-out")
      ? hs.map(([k, v]): [string, string] => (k === "cookie" ? [k, "callboard_session=forged"] : [k, v]))
      : hs;
    return {
      kind: "http",
      method,
      path: tg.path.replace(/[\r\n ]/g, "%20"),
      headers: safe,
      body: tg.body ?? b,
    };
  });
}

/**
 * Requests a real client of this role would send (right Host, its cookie, JSON), to a procedure,
 * with inputs that are often valid: hostile values then reach the handlers and the domain, not only
 * the door's checks; a supervisor's valid manual statuses go through (and are allowed to).
 */
function wellFormed(t: FuzzTarget): fc.Arbitrary<HttpInput> {
  return fc.tuple(fc.constantFrom(...PROCEDURES), plausibleInput(t.agentIds)).map(([p, input]): HttpInput => {
    const headers: [string, string][] = [["host", `127.0.0.1:${t.port}`]];
    if (t.cookie) headers.push(["cookie", t.cookie]);
    if (p.type === "query") {
      return {
        kind: "http",
        method: "GET",
        path: `/trpc/${p.path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        headers,
        body: "",
      };
    }
    headers.push(["content-type", "application/json"]);
    return { kind: "http", method: "POST", path: `/trpc/${p.path}`, headers, body: JSON.stringify(input) };
  });
}

/** Values for socket payloads (objects, not text: socket.io serializes them). */
const socketPayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    protocol: fc.oneof(fc.constant(LIVE_PROTOCOL_VERSION), hostileValue),
    eventFormat: fc.oneof(fc.constant(EVENT_FORMAT), hostileValue),
    sinceSeq: hostileValue,
    centerId: fc.oneof(fc.constant(null), hostileValue),
  }),
  fc.record({
    protocol: fc.constant(LIVE_PROTOCOL_VERSION),
    eventFormat: fc.constant(EVENT_FORMAT),
    sinceSeq: fc.nat(),
    centerId: hostileValue,
  }),
  fc.constantFrom(...POLLUTION).map((s) => JSON.parse(s) as unknown),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 10, max: 1_500 }).map((depth) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  }),
  fc
    .integer({ min: 1_000, max: 200_000 })
    .map((n) => ({ protocol: LIVE_PROTOCOL_VERSION, big: "b".repeat(n) })),
  hostileValue,
);

function socketInput(t: FuzzTarget, role: FuzzRole): fc.Arbitrary<SocketInput> {
  const event = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom("board:subscribe", "wallboard:subscribe") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "__proto__",
        "constructor",
        "toString",
        "hasOwnProperty",
        "board:delta",
        "board:diverged",
        "server:closing",
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
  const handshake = fc.record({
    cookie: fc.constantFrom(
      null,
      "callboard_session=forged",
      "callboard_session=",
      t.cookie ?? "callboard_session=x",
    ),
    origin: fc.constantFrom(null, null, "http://evil.example"),
    auth: fc.oneof(
      fc.constant({}),
      fc.record({ wallboardToken: hostileString }),
      fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
    ),
  });
  return fc
    .tuple(
      role === "anonymous" ? handshake : fc.option(handshake, { freq: 10 }),
      event,
      socketPayload,
      fc.boolean(),
    )
    .map(([h, e, p, a]) => ({ kind: "socket", handshake: h, event: e, payload: p, ack: a }));
}

/** The hostile inputs for one role: mostly raw HTTP, a fifth well-formed calls, a fifth socket handshakes and events. */
export function hostileInputs(t: FuzzTarget, role: FuzzRole, runs: number, seed: number): HostileInput[] {
  const arb = fc.oneof(
    { weight: 3, arbitrary: httpInput(t) },
    { weight: 1, arbitrary: wellFormed(t) },
    { weight: 1, arbitrary: socketInput(t, role) },
  );
  return fc.sample(arb as fc.Arbitrary<HostileInput>, { numRuns: runs, seed });
}

// ---------------------------------------------------------------------------------------------
// Sending and judging

export interface Answer {
  status: number;
  body: string;
}

/** Chunk sizes count bytes, so the body is decoded from bytes (unicode in a message must not shift it). */
function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf("\r\n", at);
    if (eol < 0) break;
    const size = Number.parseInt(raw.subarray(at, eol).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** One raw request on its own connection (so nothing a client library would refuse is filtered out). */
export function sendRaw(port: number, input: HttpInput, timeoutMs = 15_000): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = Buffer.from(input.body, "utf8");
    const head =
      `${input.method} ${input.path} HTTP/1.1\r\n` +
      input.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("") +
      `content-length: ${payload.length}\r\nconnection: close\r\n\r\n`;
    const chunks: Buffer[] = [];
    const socket = tcp(port, "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ status: -1, body: "no answer in time" });
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(all.subarray(0, 20).toString("latin1"));
      if (!match) return resolve({ status: 0, body: all.toString("utf8") });
      const split = all.indexOf("\r\n\r\n");
      const headText = all
        .subarray(0, split < 0 ? all.length : split)
        .toString("latin1")
        .toLowerCase();
      const raw = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      const bodyBytes = headText.includes("transfer-encoding: chunked") ? decodeChunked(raw) : raw;
      resolve({ status: Number(match[1]), body: bodyBytes.toString("utf8") });
    };
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", done);
    socket.on("error", () => {}); // EPIPE/ECONNRESET after a 413 or 431: judged on what was read
    socket.write(Buffer.concat([Buffer.from(head, "utf8"), payload]));
  });
}

/** Whether a 4xx says why: `{error}` (doors), tRPC's `{error:{message}}` (or a batch of them), engine.io's `{message}`. */
export function hasReason(body: string): boolean {
  try {
    const json = JSON.parse(body) as unknown;
    const items = Array.isArray(json) ? json : [json];
    return items.some((item) => {
      const r = item as { error?: unknown; message?: unknown } | null;
      if (typeof r?.error === "string") return r.error.length > 0;
      const e = r?.error as { message?: unknown; json?: { message?: unknown } } | undefined;
      if (typeof e?.message === "string") return e.message.length > 0;
      if (typeof e?.json?.message === "string") return e.json.message.length > 0;
      return typeof r?.message === "string" && r.message.length > 0;
    });
  } catch {
    return false;
  }
}

/**
 * seq and a digest of the event log's rows (those up to `upToSeq` only: a supervisor's run may
 * append, never rewrite), read through a connection of its own.
 */
export function logDigest(
  dbPath: string,
  upToSeq = Number.MAX_SAFE_INTEGER,
): {
  seq: number;
  digest: string;
  rows: { seq: number; type: string }[];
} {
  const db = createDb(dbPath);
  const codec = createRowCodec(db);
  try {
    const rows = db.$client
      .prepare(
        "SELECT seq, at, type, data, packed, shared, dictionary, idempotency_key AS k FROM events WHERE seq <= ? ORDER BY seq",
      )
      .all(upToSeq) as {
      seq: number;
      at: number;
      type: string;
      data: string;
      packed: Buffer | null;
      shared: string | null;
      dictionary: number | null;
      k: string | null;
    }[];
    const hash = createHash("sha256");
    for (const r of rows)
      hash.update(
        `${r.seq}\u0000${r.at}\u0000${r.type}\u0000${r.data}\u0000${r.packed?.toString("base64")}\u0000${r.shared}\u0000${r.dictionary}\u0000${r.k}\n`,
      );
    return {
      seq: rows.at(-1)?.seq ?? 0,
      digest: hash.digest("hex"),
      // A compact row's type column holds a code: the type as the log reads it.
      rows: rows.map((r) => ({ seq: r.seq, type: codec.typeOf(r) })),
    };
  } finally {
    db.$client.close();
  }
}

type ClientSocket = Socket;
const REFUSALS = new Set<string>(Object.values(SOCKET_REFUSAL));

function openSocket(port: number, cookie: string | null, origin: string | null, auth: unknown): ClientSocket {
  const extraHeaders: Record<string, string> = {};
  if (cookie) extraHeaders.cookie = cookie;
  if (origin) extraHeaders.origin = origin;
  return io(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders,
    auth: auth as Record<string, unknown>,
  });
}

/** Connects (or is refused); resolves with the socket or the refusal's message. */
function handshake(
  socket: ClientSocket,
): Promise<{ connected: true } | { connected: false; message: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ connected: false, message: "no answer in time" }), 10_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve({ connected: true });
    });
    socket.once("connect_error", (error) => {
      clearTimeout(timer);
      resolve({ connected: false, message: error.message });
    });
  });
}

export interface RoleReport {
  role: FuzzRole;
  inputs: number;
  http: number;
  socket: number;
  statuses: Record<string, number>;
  failures: string[];
  /** Event types the log gained during the run. */
  newEventTypes: string[];
  logUnchanged: boolean;
  durationMs: number;
}

const describeInput = (input: HostileInput) =>
  input.kind === "http"
    ? `${input.method} ${input.path.slice(0, 120)} [${input.headers.map(([k]) => k).join(",")}] body ${input.body.length} B: ${input.body.slice(0, 80)}`
    : `socket ${input.handshake ? "handshake" : "event"} ${JSON.stringify(input.event)} ${JSON.stringify(input.payload)?.slice(0, 80)}`;

/** Runs `inputs` for `role` with `concurrency` in flight, checking every answer and the log around the run. */
export async function runRole(
  t: FuzzTarget,
  role: FuzzRole,
  inputs: HostileInput[],
  { concurrency = 8 }: { concurrency?: number } = {},
): Promise<RoleReport> {
  const started = performance.now();
  const before = logDigest(t.dbPath);
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  const fail = (input: HostileInput, why: string) => {
    if (failures.length < 50) failures.push(`${why} — ${describeInput(input)}`);
    else if (failures.length === 50) failures.push("… more");
  };
  const count = (key: string) => {
    statuses[key] = (statuses[key] ?? 0) + 1;
  };

  // The role's own live connection, for socket events (anonymous has none: its sockets are refused).
  let live: ClientSocket | null = null;
  let liveRefusal = "";
  // One (re)connection at a time: concurrent workers share it rather than closing each other's.
  let connecting: Promise<ClientSocket | null> | null = null;
  const ensureLive = (): Promise<ClientSocket | null> => {
    if (role === "anonymous") return Promise.resolve(null);
    if (live?.connected) return Promise.resolve(live);
    connecting ??= (async () => {
      live?.close();
      const socket = openSocket(t.port, t.cookie, null, {});
      live = socket;
      const result = await handshake(socket);
      if (!result.connected) liveRefusal = result.message;
      connecting = null;
      return result.connected ? socket : null;
    })();
    return connecting;
  };

  const one = async (input: HostileInput) => {
    if (input.kind === "http") {
      const answer = await sendRaw(t.port, input);
      count(String(answer.status));
      if (answer.status <= 0) return fail(input, `no HTTP answer (${answer.body.slice(0, 60)})`);
      if (answer.status >= 500) return fail(input, `${answer.status} ${answer.body.slice(0, 120)}`);
      if (answer.status >= 400 && input.method !== "HEAD" && !hasReason(answer.body)) {
        return fail(input, `${answer.status} without a reason: ${answer.body.slice(0, 120)}`);
      }
      return;
    }
    if (input.handshake || role === "anonymous") {
      const h = input.handshake ?? { cookie: null, origin: null, auth: {} };
      const socket = openSocket(t.port, h.cookie, h.origin, h.auth);
      const result = await handshake(socket);
      socket.close();
      count(result.connected ? "socket:connected" : `socket:${result.message}`);
      const mayConnect = role !== "anonymous" && h.cookie === t.cookie && h.origin === null;
      if (result.connected && !mayConnect) return fail(input, "a socket connected without valid credentials");
      if (!result.connected && !REFUSALS.has(result.message))
        return fail(input, `refused without a reason: ${result.message}`);
      return;
    }
    const socket = await ensureLive();
    if (!socket) return fail(input, `the role's own socket could not connect: ${liveRefusal}`);
    const known = input.event === "board:subscribe" || input.event === "wallboard:subscribe";
    try {
      if (!input.ack || !known) {
        (socket.emit as (event: string, ...args: unknown[]) => void)(input.event, input.payload);
        count("socket:sent");
        return;
      }
      const answer = await (
        socket.timeout(10_000).emitWithAck as (event: string, ...args: unknown[]) => Promise<unknown>
      )(input.event, input.payload);
      const a = answer as { ok?: unknown; error?: unknown };
      count(a.ok === true ? "socket:ok" : "socket:refused");
      if (a.ok !== true && (typeof a.error !== "string" || a.error.length === 0)) {
        fail(input, `socket refusal without a reason: ${JSON.stringify(answer).slice(0, 100)}`);
      }
    } catch (error) {
      const message = (error as Error).message;
      // socket.io-client itself refuses reserved names ("connect", …): not sent, nothing to judge.
      if (/reserved/.test(message)) return count("socket:client-refused");
      count("socket:error");
      fail(input, `socket event not answered: ${message}`);
    }
  };

  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      await one(input).catch((error: unknown) => fail(input, `harness error: ${(error as Error).message}`));
    }
  });
  await Promise.all(workers);
  (live as ClientSocket | null)?.close();

  const after = logDigest(t.dbPath);
  const grown = after.rows.filter((r) => r.seq > before.seq);
  const earlier = logDigest(t.dbPath, before.seq).digest;
  const logUnchanged = after.seq === before.seq && after.digest === before.digest;
  const newEventTypes = [...new Set(grown.map((r) => r.type))].sort();
  if (role !== "supervisor" && !logUnchanged) {
    failures.push(
      `${role} changed the event log: seq ${before.seq} → ${after.seq}, ${newEventTypes.join(", ")}`,
    );
  }
  if (role === "supervisor") {
    if (earlier !== before.digest) failures.push("the log's earlier rows changed");
    const foreign = newEventTypes.filter((type) => type !== "agent.manual_status_set");
    if (foreign.length > 0) failures.push(`a supervisor's input added ${foreign.join(", ")}`);
  }
  const http = inputs.filter((i) => i.kind === "http").length;
  return {
    role,
    inputs: inputs.length,
    http,
    socket: inputs.length - http,
    statuses,
    failures,
    newEventTypes,
    logUnchanged,
    durationMs: performance.now() - started,
  };
}

/** Object.prototype must stay empty whatever the bodies said. */
export function prototypeIsClean(): boolean {
  return Object.keys(Object.prototype).length === 0 && ({} as Record<string, unknown>).polluted === undefined;
}
