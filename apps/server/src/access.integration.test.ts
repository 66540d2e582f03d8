import { request } from "node:http";
import { join } from "node:path";
import { appRouter } from "@callboard/api";
import {
  type AgentSubscribeResult,
  LIVE_PROTOCOL_VERSION,
  STAFF_ROLES,
  type StaffRole,
  type WallboardSubscribeResult,
} from "@callboard/contracts";
import { createDb } from "@callboard/db";
import { EVENT_FORMAT } from "@callboard/routing";
import { io } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TRPC_LIMITS } from "./app.ts";
import { bootServer, type ClientSocket, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

/** fetch cannot set Host; a DNS-rebinding page's request carries the attacker's name in it. */
function postWithHost(url: string, host: string, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { host, cookie, "content-type": "application/json" } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The doors anyone may knock on; every other door of the table must name a role. */
const OPEN_DOORS = new Set(["/healthz", "/auth/sign-in", "/auth/sign-in-link", "/auth/sign-out", "/trpc/"]);

const below = (role: StaffRole): StaffRole[] => STAFF_ROLES.slice(0, STAFF_ROLES.indexOf(role));

describe("every door refuses whoever may not pass", () => {
  let server: Booted;
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it("each HTTP route is open on purpose or refuses anonymous callers (401) and lower roles (403)", async () => {
    const people = Object.fromEntries(
      await Promise.all(STAFF_ROLES.map(async (role) => [role, await server.signedIn(role)] as const)),
    );
    for (const route of server.app.routes) {
      if (route.guard.kind === "none") {
        expect(OPEN_DOORS.has(route.path), `${route.path} is open but not on the list of open doors`).toBe(
          true,
        );
        continue;
      }
      expect(route.guard.kind, route.path).toBe("role");
      if (route.guard.kind !== "role") continue;
      const call = (cookie?: string) =>
        fetch(`${server.url}${route.path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          body: "{}",
        });
      expect((await call()).status, `${route.path} anonymous`).toBe(401);
      expect((await call("callboard_session=forged")).status, `${route.path} forged session`).toBe(401);
      for (const lower of below(route.guard.role)) {
        expect((await call(people[lower]!.cookie)).status, `${route.path} as ${lower}`).toBe(403);
      }
    }
  });

  it("every tRPC procedure refuses an anonymous HTTP caller, and viewers where they may not write", async () => {
    const viewer = await server.signedIn("viewer");
    for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
      if (path === "auth.me") continue;
      const type = (procedure as unknown as { _def: { type: string } })._def.type;
      const call = (cookie?: string) =>
        type === "query"
          ? fetch(`${server.url}/trpc/${path}`, { headers: cookie ? { cookie } : {} })
          : fetch(`${server.url}/trpc/${path}`, {
              method: "POST",
              headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
              body: "{}",
            });
      expect((await call()).status, `${path} anonymous`).toBe(401);
      if (type === "mutation") expect((await call(viewer.cookie)).status, `${path} as viewer`).toBe(403);
    }
  });

  it("call search reads the log for viewers and up, and for nobody else (calls.search)", async () => {
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "+84900000001" });
    const search = (cookie?: string) =>
      fetch(`${server.url}/trpc/calls.search?input=${encodeURIComponent(JSON.stringify({ query: "c1" }))}`, {
        headers: cookie ? { cookie } : {},
      });
    expect((await search()).status).toBe(401);
    expect((await search((await server.signedIn("agent")).cookie)).status).toBe(403);
    for (const role of STAFF_ROLES) {
      const response = await search((await server.signedIn(role)).cookie);
      expect(response.status, role).toBe(200);
      expect(JSON.stringify(await response.json()), role).toContain('"callId":"c1"');
    }
  });

  it("the directory's procedures (agents, groups, queues) refuse supervisors over HTTP: they are the admin's", async () => {
    const supervisor = await server.signedIn("supervisor");
    const directory = Object.entries(appRouter._def.procedures).filter(
      ([path]) => /^(agents|groups|queues)\./.test(path) && path !== "agents.setManualStatus",
    );
    expect(directory.map(([path]) => path).sort()).toEqual([
      "agents.create",
      "agents.list",
      "agents.moveToGroup",
      "agents.remove",
      "agents.update",
      "groups.changeMembers",
      "groups.create",
      "groups.list",
      "groups.remove",
      "groups.update",
      "queues.create",
      "queues.list",
      "queues.remove",
      "queues.update",
    ]);
    for (const [path, procedure] of directory) {
      const type = (procedure as unknown as { _def: { type: string } })._def.type;
      const response =
        type === "query"
          ? await fetch(`${server.url}/trpc/${path}`, { headers: { cookie: supervisor.cookie } })
          : await fetch(`${server.url}/trpc/${path}`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: supervisor.cookie },
              body: "{}",
            });
      expect(response.status, `${path} as supervisor`).toBe(403);
    }
  });

  it("an agent is refused every staff procedure, and staff every desk procedure", async () => {
    const agent = await server.signedIn("agent");
    const supervisor = await server.signedIn("supervisor");
    for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
      if (path === "auth.me") continue;
      const type = (procedure as unknown as { _def: { type: string } })._def.type;
      const call = (cookie: string) =>
        type === "query"
          ? fetch(`${server.url}/trpc/${path}`, { headers: { cookie } })
          : fetch(`${server.url}/trpc/${path}`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie },
              body: "{}",
            });
      if (path.startsWith("desk.")) {
        expect((await call(supervisor.cookie)).status, `${path} as supervisor`).toBe(403);
        expect((await call(server.cookie)).status, `${path} as admin`).toBe(403);
      } else {
        expect((await call(agent.cookie)).status, `${path} as agent`).toBe(403);
      }
    }
  });

  it("what-if is for supervisors and up: viewers are refused, a supervisor passes to the procedure", async () => {
    const status = (cookie: string) =>
      fetch(
        `${server.url}/trpc/whatIf.status?input=${encodeURIComponent(JSON.stringify({ runId: "nope" }))}`,
        {
          headers: { cookie },
        },
      );
    expect((await status((await server.signedIn("viewer")).cookie)).status).toBe(403);
    expect((await status((await server.signedIn("agent")).cookie)).status).toBe(403);
    for (const role of ["supervisor", "admin"] as const)
      expect((await status((await server.signedIn(role)).cookie)).status, role).toBe(404);
    const start = await fetch(`${server.url}/trpc/whatIf.start`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: (await server.signedIn("supervisor")).cookie },
      body: JSON.stringify({ queueId: "sales", from: 2_000, to: 1_000, change: { kind: "none" } }),
    });
    expect(start.status).toBe(400);
    expect(((await start.json()) as { error: { message: string } }).error.message).toBe(
      "to: must be after the start",
    );
  });

  it("history is for viewers and up, and a bad range is a 400 naming the field", async () => {
    const viewer = await server.signedIn("viewer");
    const ask = (input: unknown, cookie?: string) =>
      fetch(`${server.url}/trpc/history.queue?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: cookie ? { cookie } : {},
      });
    type Answer = {
      result: { data: { points: unknown[]; agents: { agentId: string }[] } };
      error: { message: string };
    };
    const body = async (res: Response) => (await res.json()) as Answer;
    const today = { queueId: "sales", granularity: "hour", range: { preset: "today" } };
    expect((await ask(today)).status).toBe(401);
    const ok = await ask(today, viewer.cookie);
    expect(ok.status).toBe(200);
    expect((await body(ok)).result.data.points).toHaveLength(24);
    const inverted = await ask(
      { ...today, range: { preset: "custom", from: "2027-01-10", to: "2027-01-09" } },
      viewer.cookie,
    );
    expect(inverted.status).toBe(400);
    expect((await body(inverted)).error.message).toBe("range.to: the last day is before the first day");
    const agents = await fetch(
      `${server.url}/trpc/history.agents?input=${encodeURIComponent(JSON.stringify({ ...today, agentId: "lan" }))}`,
      { headers: { cookie: viewer.cookie } },
    );
    expect(agents.status).toBe(200);
    expect((await body(agents)).result.data.agents.map((a) => a.agentId)).toEqual(["lan", "minh", "hoa"]);
  });

  it("a page on another site cannot send commands with the person's cookie (CSRF), nor through another Host", async () => {
    const event = JSON.stringify({
      event: { type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" },
    });
    const seq = server.app.core.state.seq;
    const send = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/events`, {
        method: "POST",
        headers: { cookie: server.cookie, ...headers },
        body: event,
      });
    // A "simple" cross-site form post: not JSON by media type, only by a substring.
    expect((await send({ "content-type": "text/plain; charset=application/json" })).status).toBe(415);
    expect((await send({ "content-type": "application/json", origin: "http://evil.example" })).status).toBe(
      403,
    );
    expect((await send({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    expect(
      await postWithHost(`${server.url}/api/events`, "attacker.example:3000", server.cookie, event),
    ).toBe(421);
    const trpc = await fetch(`${server.url}/trpc/agents.setManualStatus`, {
      method: "POST",
      headers: { cookie: server.cookie, "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ agentId: "lan", status: "LUNCH_BREAK" }),
    });
    expect(trpc.status).toBe(403);
    expect(server.app.core.state.seq).toBe(seq);
    expect((await send({ "content-type": "application/json", origin: server.url })).status).toBe(201);
  });

  it("bounds tRPC bodies, batches and the snapshot's size", async () => {
    const huge = await fetch(`${server.url}/trpc/events.submit`, {
      method: "POST",
      headers: { cookie: server.cookie, "content-type": "application/json" },
      body: JSON.stringify({
        event: {
          type: "call.arrived",
          callId: "x",
          queueId: "sales",
          from: "1".repeat(TRPC_LIMITS.maxBodyBytes),
        },
      }),
    });
    expect(huge.status).toBe(413);
    const paths = Array.from({ length: TRPC_LIMITS.maxBatchSize + 1 }, () => "connector.status").join(",");
    const batch = await fetch(`${server.url}/trpc/${paths}?batch=1&input={}`, {
      headers: { cookie: server.cookie },
    });
    expect(batch.status).toBe(400);
    const snapshots = await fetch(`${server.url}/trpc/center.snapshot,center.snapshot?batch=1&input={}`, {
      headers: { cookie: server.cookie },
    });
    expect(snapshots.status).toBe(400);
    expect(await snapshots.text()).toMatch(/cannot be batched/);
    // The path tRPC reads, not the raw one: dot segments cannot sneak the snapshot into a batch.
    const dotted = await fetch(`${server.url}/trpc/q/../center.snapshot,center.queues?batch=1&input={}`, {
      headers: { cookie: server.cookie },
    });
    expect(dotted.status).toBeGreaterThanOrEqual(400);
    expect(dotted.status).toBeLessThan(500);
    // A malformed escape in the path is the client's mistake, never a 500.
    const malformed = await fetch(`${server.url}/trpc/%E0%A4%A`, { headers: { cookie: server.cookie } });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
  });

  it("signs in and out through the cookie, and backs off repeated failures with 429 and Retry-After", async () => {
    const bad = () =>
      fetch(`${server.url}/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "test-admin", password: "not the password" }),
      });
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    const limited = await bad();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const viewer = await server.signedIn("viewer", "vera");
    expect(viewer.cookie).toMatch(/^callboard_session=/);
    const out = await fetch(`${server.url}/auth/sign-out`, {
      method: "POST",
      headers: { cookie: viewer.cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(
      (await fetch(`${server.url}/trpc/center.queues`, { headers: { cookie: viewer.cookie } })).status,
    ).toBe(401);
    const trail = await server.trpc.audit.list.query({ limit: 20 });
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["auth.signed_out", "auth.sign_in_failed"]),
    );
  });

  it("records who changed what, from where, with before and after and the log's seq", async () => {
    const sue = await server.signedIn("supervisor", "sue");
    const { seq } = await sue.trpc.agents.setManualStatus.mutate({ agentId: "lan", status: "LUNCH_BREAK" });
    const [entry] = await server.trpc.audit.list.query({ action: "agent.manual_status_set", limit: 1 });
    expect(entry).toMatchObject({
      actor: "sue",
      role: "supervisor",
      target: "lan",
      before: { manualStatus: "AVAILABLE" },
      after: { manualStatus: "LUNCH_BREAK" },
      seq,
    });
    expect(entry?.address).toMatch(/127\.0\.0\.1/);
  });
});

describe("live connections", () => {
  let server: Booted;
  const sockets: ClientSocket[] = [];
  const open = (options: Parameters<typeof io>[1]): ClientSocket => {
    const socket: ClientSocket = io(server.url, { transports: ["websocket"], forceNew: true, ...options });
    sockets.push(socket);
    return socket;
  };
  const refusal = (socket: ClientSocket) =>
    new Promise<string>((resolve) => socket.once("connect_error", (error) => resolve(error.message)));

  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.destroy();
  });

  it("refuses a socket without a session, or opened by a page on another site", async () => {
    expect(await refusal(open({}))).toBe("UNAUTHORIZED");
    expect(await refusal(open({ extraHeaders: { cookie: "callboard_session=forged" } }))).toBe(
      "UNAUTHORIZED",
    );
    // CORS does not apply to WebSockets: the Origin is checked by the core itself.
    expect(
      await refusal(open({ extraHeaders: { cookie: server.cookie, origin: "http://evil.example" } })),
    ).toBe("FORBIDDEN_ORIGIN");
  });

  it("a wallboard token sees its queues' counts only — no names, no numbers — and never the board", async () => {
    const { token } = await server.trpc.wallboards.create.mutate({ label: "Floor TV", queueIds: ["sales"] });
    const screen = open({ auth: { wallboardToken: token } });
    const first = await new Promise<WallboardSubscribeResult>((resolve) =>
      screen.emit("wallboard:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, resolve),
    );
    expect(first.ok).toBe(true);
    const text = JSON.stringify(first);
    expect(text).toMatch(/"queueId":"sales"/);
    for (const secret of ["lan", "Lan Nguyen", "minh", "84"]) expect(text).not.toContain(secret);
    const board = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
      screen.emit(
        "board:subscribe",
        { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
        resolve,
      ),
    );
    expect(board).toMatchObject({ ok: false, error: expect.stringMatching(/FORBIDDEN/) });
    // A screen running code from before a deploy is told to reload, whatever shape it sends.
    for (const input of [{}, { protocol: LIVE_PROTOCOL_VERSION + 1 }, { version: 1 }]) {
      const old = await new Promise<WallboardSubscribeResult>((resolve) =>
        (screen.emit as (e: string, i: unknown, ack: (r: WallboardSubscribeResult) => void) => void)(
          "wallboard:subscribe",
          input,
          resolve,
        ),
      );
      expect(old).toMatchObject({ ok: false, incompatible: true });
    }
  });

  it("an agent's socket opens its own desk only: never the board, never another agent", async () => {
    const agent = await server.signedIn("agent");
    const desk = open({ extraHeaders: { cookie: agent.cookie } });
    const own = await new Promise<AgentSubscribeResult>((resolve) =>
      desk.emit("agent:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, resolve),
    );
    expect(own).toMatchObject({ ok: true, data: { agent: { id: "lan" } } });
    for (const other of ["minh", "Minh Tran", "hoa"]) expect(JSON.stringify(own)).not.toContain(other);
    const board = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
      desk.emit(
        "board:subscribe",
        { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT, sinceSeq: 0, centerId: null },
        resolve,
      ),
    );
    expect(board).toMatchObject({ ok: false, error: expect.stringMatching(/FORBIDDEN/) });
    // Naming another agent is not even a field: the input is refused as a whole.
    const named = await new Promise<AgentSubscribeResult>((resolve) =>
      (desk.emit as (e: string, i: unknown, ack: (r: AgentSubscribeResult) => void) => void)(
        "agent:subscribe",
        { protocol: LIVE_PROTOCOL_VERSION, agentId: "minh" },
        resolve,
      ),
    );
    expect(named).toMatchObject({ ok: false, error: expect.stringContaining("agentId") });
    // Staff and wallboard screens cannot open a desk.
    const staff = open({ extraHeaders: { cookie: server.cookie } });
    expect(
      await new Promise<AgentSubscribeResult>((resolve) =>
        staff.emit("agent:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, resolve),
      ),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^FORBIDDEN/) });
  });

  it("revoking a wallboard token closes its screens at once, saying why", async () => {
    const { token, summary } = await server.trpc.wallboards.create.mutate({
      label: "Lobby",
      queueIds: ["sales"],
    });
    const screen = open({ auth: { wallboardToken: token } });
    await new Promise((resolve) =>
      screen.emit("wallboard:subscribe", { protocol: LIVE_PROTOCOL_VERSION }, resolve),
    );
    const told = new Promise<{ reason: string; message: string }>((resolve) =>
      screen.once("access:revoked", resolve),
    );
    const closed = new Promise<string>((resolve) => screen.once("disconnect", resolve));
    await server.trpc.wallboards.revoke.mutate({ tokenId: summary.tokenId });
    expect(await told).toEqual({ reason: "REVOKED", message: "This screen's access was revoked." });
    expect(await closed).toBe("io server disconnect");
    expect(await refusal(open({ auth: { wallboardToken: token } }))).toBe("REVOKED");
  });

  it("a session ended outside this process, or expired, loses its socket at the next access check", async () => {
    const sid = await server.signedIn("viewer", "sid");
    const exp = await server.signedIn("viewer", "exp");
    const screen = await server.trpc.wallboards.create.mutate({ label: "Hall", queueIds: ["sales"] });
    const connected = (socket: ClientSocket) =>
      new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
    const sidBoard = open({ extraHeaders: { cookie: sid.cookie } });
    const expBoard = open({ extraHeaders: { cookie: exp.cookie } });
    const tv = open({ auth: { wallboardToken: screen.token } });
    const staff = open({ extraHeaders: { cookie: server.cookie } });
    await Promise.all([sidBoard, expBoard, tv, staff].map(connected));
    const closed = (socket: ClientSocket) =>
      new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const sidClosed = closed(sidBoard);
    // As the CLI would (another process: no revocation event reaches this one): only the periodic check sees it.
    const db = createDb(join(server.dir, "callboard.db"));
    db.$client
      .prepare("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'sid')")
      .run();
    db.$client.close();
    expect(await sidClosed).toBe("io server disconnect");
    // Exp's session was opened a week ago by the time the clock says so; the admin's is as old.
    const expClosed = closed(expBoard);
    const staffClosed = closed(staff);
    server.clock.now += 7 * 24 * 3_600_000;
    expect(await expClosed).toBe("io server disconnect");
    expect(await staffClosed).toBe("io server disconnect");
    expect(tv.connected).toBe(true);
  });

  it("disabling a person closes their boards", async () => {
    const vera = await server.signedIn("viewer", "vera");
    const board = open({ extraHeaders: { cookie: vera.cookie } });
    await new Promise((resolve) => board.once("connect", () => resolve(undefined)));
    const closed = new Promise<string>((resolve) => board.once("disconnect", resolve));
    const [user] = (await server.trpc.users.list.query()).filter((u) => u.username === "vera");
    await server.trpc.users.update.mutate({ userId: user!.userId, disabled: true });
    expect(await closed).toBe("io server disconnect");
  });
});

describe("rate limits", () => {
  it("a session's changes are capped per minute (429 + Retry-After); the operator token's feed is not", async () => {
    const server = await bootServer(undefined, undefined, {
      doorLimits: { writesPerMinute: 3 },
      operatorToken: "operator-token-for-limits",
    });
    try {
      await seedCenter((event) =>
        fetch(`${server.url}/api/events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer operator-token-for-limits" },
          body: JSON.stringify({ event }),
        }).then((res) => expect(res.status).toBe(201)),
      );
      const sue = await server.signedIn("supervisor", "sue");
      const change = () =>
        fetch(`${server.url}/trpc/agents.setManualStatus`, {
          method: "POST",
          headers: { cookie: sue.cookie, "content-type": "application/json" },
          body: JSON.stringify({ agentId: "lan", status: "LUNCH_BREAK" }),
        });
      for (let i = 0; i < 3; i++) expect((await change()).status).toBe(200);
      const limited = await change();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      // Reads are not changes: the same session still watches.
      expect(
        (await fetch(`${server.url}/trpc/center.queues`, { headers: { cookie: sue.cookie } })).status,
      ).toBe(200);
    } finally {
      await server.destroy();
    }
  });
});
