import type { AppRouter } from "@callboard/api";
import {
  type BoardSnapshotWire,
  type BoardSubscribeResult,
  type Heartbeat,
  LIVE_PROTOCOL_VERSION,
  unpackBatches,
} from "@callboard/contracts";
import { candidatesOf, EVENT_FORMAT } from "@callboard/routing";
import { TRPCClientError } from "@trpc/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "./http.ts";
import {
  bootServer,
  type ClientSocket,
  decodeDelta,
  decodeKpis,
  nextDelta,
  seedCenter,
} from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

const subscribe = (
  socket: ClientSocket,
  sinceSeq: number,
  centerId: string | null,
  versions = { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT },
) =>
  new Promise<BoardSubscribeResult>((resolve) =>
    socket.emit("board:subscribe", { ...versions, sinceSeq, centerId }, resolve),
  );

describe("core server", () => {
  let server: Booted;
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it("serves a snapshot that carries its seq", async () => {
    const snapshot = await server.trpc.center.snapshot.query();
    expect(snapshot.state.seq).toBe(server.app.core.state.seq);
    expect(snapshot.state.seq).toBeGreaterThan(0);
    expect(Object.keys(snapshot.state.agents).sort()).toEqual(["hoa", "lan", "minh"]);
    expect(snapshot.serverTime).toBe(server.clock.now);
  });

  it("beats once a second on the board's stream with its seq, clock and every queue's KPIs", async () => {
    const board = server.socket();
    const { centerId } = await server.trpc.center.snapshot.query();
    const beats: Heartbeat[] = [];
    board.on("live:heartbeat", (beat) => beats.push(beat));
    await subscribe(board, server.app.core.state.seq, centerId);
    await vi.waitFor(() => expect(beats.length).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    // Right after a subscribe: every queue; then once a second only what changed (nothing here).
    const [complete, , quiet] = beats;
    expect(complete).toMatchObject({ complete: true, centerId, seq: server.app.core.state.seq });
    expect(quiet).toMatchObject({ complete: false, serverTime: server.clock.now });
    // The views travel gzipped, once per beat for the room (a delta's path).
    expect(decodeKpis(quiet!.kpis)).toEqual([]);
    const sales = decodeKpis(complete!.kpis).find((k) => k.queueId === "sales");
    expect(sales).toMatchObject({
      target: { serviceLevelSec: 20, serviceLevelTarget: 80 },
      today: { offered: 0, serviceLevel: null },
      levels: { longestWait: "ok", serviceLevelToday: "none" },
    });
  });

  it("sends a tRPC mutation's delta to another client's socket: the changed agent, not the event", async () => {
    const observer = server.socket();
    const before = server.app.core.state.seq;
    const { centerId } = await server.trpc.center.snapshot.query();
    await new Promise((r) => setTimeout(r, 150)); // the feed has sent every batch
    const joined = await subscribe(observer, before, centerId);
    expect(joined.ok && joined.data.kind === "deltas" && unpackBatches(joined.data.packed)).toEqual([]);

    const seen = nextDelta(observer, (d) => d.toSeq >= before + 1);
    const result = await server.trpc.agents.setManualStatus.mutate({ agentId: "hoa", status: "AVAILABLE" });
    expect(result).toEqual({ seq: before + 1, duplicate: false });

    const delta = await seen;
    expect(delta).toMatchObject({ centerId, fromSeq: before + 1, toSeq: before + 1 });
    expect(delta.agents).toHaveLength(1);
    expect(delta.agents?.[0]?.[0]).toBe("hoa");
    expect(delta).not.toHaveProperty("calls");
  });

  it("answers a resubscribe with the batches missed from its ring, or tells it to load a snapshot", async () => {
    const socket = server.socket();
    const { centerId } = await server.trpc.center.snapshot.query();
    const from = server.app.core.state.seq;
    await new Promise((r) => setTimeout(r, 150));
    // More batches than socket.io's parser takes as separate binary attachments of one packet (10):
    // a board back from a few seconds away must still catch up from the ring, not loop reconnecting.
    const BATCHES = 12;
    for (let i = 0; i < BATCHES; i++) {
      const status = i % 2 === 0 ? "SHORT_BREAK" : "AVAILABLE";
      await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status });
      await new Promise((r) => setTimeout(r, 150)); // one batch each
    }
    const caughtUp = await subscribe(socket, from, centerId);
    if (!caughtUp.ok || caughtUp.data.kind !== "deltas") throw new Error("expected deltas");
    const deltas = unpackBatches(caughtUp.data.packed).map(decodeDelta);
    expect(deltas.map((d) => [d.fromSeq, d.toSeq])).toEqual(
      Array.from({ length: BATCHES }, (_, i) => [from + i + 1, from + i + 1]),
    );

    // Mid-batch, ahead, or another history (the data folder was reset): load a snapshot.
    const ahead = await subscribe(socket, from + 100, centerId);
    expect(ahead.ok && ahead.data.kind).toBe("snapshot");
    const foreign = await subscribe(socket, from, "another-center");
    expect(foreign).toEqual({ ok: true, data: { kind: "snapshot", seq: from + BATCHES } });

    const bad = await subscribe(socket, -1, centerId);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("sinceSeq") });
  });

  it("refuses a history range after today with its reason, so the page can word it beside its field", async () => {
    const later = new Date(server.clock.now + 3 * 86_400_000).toISOString().slice(0, 10);
    const refused = await server.trpc.history.queue
      .query({ queueId: "sales", granularity: "day", range: { preset: "custom", from: later, to: later } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    const error = refused as TRPCClientError<AppRouter>;
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(new RegExp(`^range\\.from: ${later} is in the future \\(today is `));
    expect(error.data?.rangeRefusal).toMatchObject({ field: "from", reason: "future", date: later });
    // Any other refusal carries none.
    const other = await server.trpc.history.queue
      .query({ queueId: "nope", granularity: "day", range: { preset: "today" } })
      .catch((e: TRPCClientError<AppRouter>) => e);
    expect((other as TRPCClientError<AppRouter>).data?.rangeRefusal).toBeNull();
  });

  it("serves the board snapshot compressed as the browser asks, and only to signed-in staff", async () => {
    await new Promise((r) => setTimeout(r, 150));
    const get = (headers: Record<string, string>) =>
      fetch(`${server.url}/live/snapshot`, { headers: { cookie: server.cookie, ...headers } });
    const plain = await get({ "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const snapshot = (await plain.json()) as BoardSnapshotWire;
    expect(snapshot.seq).toBe(server.app.core.state.seq);
    expect(snapshot.agents.map((row) => row[0]).sort()).toEqual(["hoa", "lan", "minh"]);
    // fetch decodes for us; the header says what travelled.
    for (const encoding of ["gzip", "br"]) {
      const compressed = await get({ "accept-encoding": `${encoding}, deflate` });
      expect(compressed.headers.get("content-encoding")).toBe(encoding);
      expect(await compressed.json()).toEqual(snapshot);
    }
    const anonymous = await fetch(`${server.url}/live/snapshot`);
    expect(anonymous.status).toBe(401);
  });

  it("counts a board's reported divergence in /metrics, once per rate-limit window", async () => {
    const board = server.socket();
    const { centerId } = await server.trpc.center.snapshot.query();
    await subscribe(board, 0, centerId);
    const report = { seq: 1, expected: 1, actual: 2 };
    board.emit("board:diverged", report);
    board.emit("board:diverged", report); // dropped: one per window
    (board.emit as (event: string, input: unknown) => void)("board:diverged", { seq: "x" }); // invalid
    const metric = async () => {
      const text = await (
        await fetch(`${server.url}/metrics`, { headers: { cookie: server.cookie } })
      ).text();
      return /callboard_board_divergences_total (\d+)/.exec(text)?.[1];
    };
    await vi.waitFor(async () => expect(await metric()).toBe("1"));
  });

  it("tells a board built for another protocol or event format to reload, and sends it no batch", async () => {
    const stale = server.socket();
    const batches: unknown[] = [];
    stale.on("board:delta", (batch) => batches.push(batch));
    const versions = { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT };
    const incompatible = { ok: false, incompatible: true, error: expect.any(String), server: versions };
    const seq = server.app.core.state.seq;
    expect(await subscribe(stale, seq, null, { ...versions, protocol: LIVE_PROTOCOL_VERSION - 1 })).toEqual(
      incompatible,
    );
    expect(await subscribe(stale, seq, null, { ...versions, eventFormat: EVENT_FORMAT + 1 })).toEqual(
      incompatible,
    );
    // A board from before the handshake (or any shape without this protocol and event format) is
    // told to reload too, never given a validation error it would retry forever.
    const raw = (input: unknown) =>
      new Promise<BoardSubscribeResult>((resolve) =>
        (stale.emit as (event: string, input: unknown, ack: (r: BoardSubscribeResult) => void) => void)(
          "board:subscribe",
          input,
          resolve,
        ),
      );
    expect(await raw({ sinceSeq: seq })).toEqual(incompatible);
    expect(await raw({ protocol: LIVE_PROTOCOL_VERSION, sinceSeq: seq, centerId: null })).toEqual(
      incompatible,
    );
    expect(await raw({ protocol: String(LIVE_PROTOCOL_VERSION), eventFormat: EVENT_FORMAT })).toEqual(
      incompatible,
    );
    expect(await raw(Object.create({ protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT }))).toEqual(
      incompatible,
    );
    // A current client is still validated, sizes included; a non-object is no board at all.
    expect(await raw({ ...versions, sinceSeq: seq, centerId: "x".repeat(101) })).toEqual({
      ok: false,
      error: expect.stringContaining("centerId"),
    });
    expect(await raw("subscribe me")).toEqual({ ok: false, error: expect.stringContaining("object") });

    // It never joined the room: a current board sees the next event, the old one does not.
    const current = server.socket();
    expect((await subscribe(current, seq, null)).ok).toBe(true);
    const seen = nextDelta(current, (b) => b.toSeq > seq);
    await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status: "AVAILABLE" });
    await seen;
    expect(batches).toEqual([]);
  });

  it("routes a call to the longest-idle eligible agent, then to the next one after the answer timeout", async () => {
    // minh becomes free after lan does (both wrap up 10 s after their calls), so lan has been idle longer.
    server.clock.now += 1000;
    await server.submit({ type: "call.arrived", callId: "c0", queueId: "sales", from: "84900000000" });
    await server.submit({ type: "call.answered", callId: "c0", agentId: "lan" });
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    await server.submit({ type: "call.answered", callId: "c1", agentId: "minh" });
    server.clock.now += 1000;
    await server.submit({ type: "call.ended", callId: "c0" });
    expect(server.app.core.state.agents.lan).toMatchObject({
      systemStatus: 0,
      wrapUpUntil: server.clock.now + 10_000,
    });
    server.clock.now += 1000;
    await server.submit({ type: "call.ended", callId: "c1" });
    server.clock.now += 10_000;

    await server.submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84900000002" });
    expect(server.app.core.state.agents.lan).toMatchObject({
      systemStatus: 1,
      wrapUpUntil: null,
      ringingCallId: "c2",
    });
    expect(server.app.core.state.calls.c2).toMatchObject({ status: "ringing", ringing: ["lan"] });
    const decision = server.app.core.state.decisions[0]!;
    expect(decision).toMatchObject({ callId: "c2", attempt: 1, agentIds: ["lan"], strategy: "longest-idle" });
    expect(candidatesOf(decision).map((c) => [c.agentId, c.verdict, c.reasons])).toEqual([
      ["lan", "CHOSEN", []],
      ["minh", "RANKED_LOWER", []],
      ["hoa", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"]],
    ]);

    server.clock.now += 15_000;
    server.app.core.settle();
    await vi.waitFor(() =>
      expect(server.app.core.state.calls.c2).toMatchObject({ ringing: ["minh"], missedBy: ["lan"] }),
    );
    expect(server.app.core.state.agents.lan!.missedOffers).toBe(1);

    // Both offers are stored: by call, each with its whole candidate table…
    const byCall = await server.trpc.decisions.byCall.query({ callId: "c2" });
    expect(byCall.map((d) => [d.attempt, d.agentIds])).toEqual([
      [1, ["lan"]],
      [2, ["minh"]],
    ]);
    expect(byCall.map((d) => candidatesOf(d).map((c) => [c.agentId, c.verdict]))).toEqual([
      [
        ["lan", "CHOSEN"],
        ["minh", "RANKED_LOWER"],
        ["hoa", "NOT_ELIGIBLE"],
      ],
      [
        ["minh", "CHOSEN"],
        ["lan", "RANKED_LOWER"], // missed it: after everyone who has not
        ["hoa", "NOT_ELIGIBLE"],
      ],
    ]);
    // …and by agent: the decisions it rang in or was ranked among the best in (DECISION_INDEXED_RANKS);
    // never rung nor ranked, Hoa is in none, though every table lists her.
    const forMinh = await server.trpc.decisions.byAgent.query({ agentId: "minh" });
    expect(forMinh.decisions.map((d) => [d.callId, d.attempt])).toEqual([
      ["c2", 2],
      ["c2", 1],
      ["c1", 1],
      ["c0", 1],
    ]);
    expect((await server.trpc.decisions.byAgent.query({ agentId: "hoa" })).decisions).toEqual([]);
    const timeline = await server.trpc.calls.timeline.query({ callId: "c2" });
    expect(timeline.map((e) => e.type)).toEqual([
      "call.arrived",
      "call.queued",
      "call.offered",
      "call.offer_ended",
      "call.offered",
    ]);
  });

  it("applies a duplicate idempotency key once and answers with the first seq", async () => {
    const body = {
      event: { type: "agent.manual_status_set", agentId: "hoa", status: "LUNCH_BREAK" },
      idempotencyKey: "pcc-evt-42",
    };
    const first = await server.post(body);
    expect(first.status).toBe(201);
    const { seq } = (await first.json()) as { seq: number };
    const second = await server.post(body);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ seq, duplicate: true });
    const viaTrpc = await server.submit(body.event as never, "pcc-evt-42");
    expect(viaTrpc).toEqual({ seq, duplicate: true });
    expect(server.app.core.state.seq).toBe(seq);
  });

  it("refuses an idempotency key reused for a different event", async () => {
    const first = await server.submit(
      { type: "agent.manual_status_set", agentId: "hoa", status: "ACW" },
      "k1",
    );
    const reused = await server
      .submit({ type: "call.arrived", callId: "cx", queueId: "sales", from: "84900000000" }, "k1")
      .catch((e: unknown) => e);
    expect((reused as TRPCClientError<AppRouter>).data?.code).toBe("CONFLICT");
    expect((reused as Error).message).toBe(
      `idempotency key "k1" was already used for a different event (seq ${first.seq})`,
    );
    expect(server.app.core.state.calls.cx).toBeUndefined();
  });

  it("records refused inputs beside the log, never in it", async () => {
    const seq = server.app.core.state.seq;
    await server.submit({ type: "call.ended", callId: "ghost" }).catch(() => {});
    const [latest] = await server.trpc.events.rejections.query({});
    expect(latest).toMatchObject({
      type: "call.ended",
      code: "UNKNOWN_CALL",
      message: expect.stringContaining('"ghost"'),
    });
    expect(JSON.parse(latest!.data)).toEqual({ type: "call.ended", callId: "ghost" });
    expect(server.app.core.state.seq).toBe(seq);
  });

  it("resumes timers after a restart with no new input", async () => {
    await server.submit({ type: "call.arrived", callId: "c7", queueId: "sales", from: "84900000007" });
    expect(server.app.core.state.calls.c7).toMatchObject({ ringing: ["lan"] });
    await server.stop();
    // The offer expired while the process was down; nothing else happens after the restart.
    const restarted = await bootServer(server.dir, server.clock.now + 16_000);
    try {
      await vi.waitFor(() => expect(restarted.app.core.state.calls.c7).toMatchObject({ ringing: ["minh"] }));
      const timeline = await restarted.trpc.calls.timeline.query({ callId: "c7" });
      expect(timeline.find((e) => e.type === "call.offer_ended")?.at).toBe(server.clock.now + 15_000);
    } finally {
      await restarted.destroy();
    }
  });

  it("survives a request-target that is not a valid URL", async () => {
    const { connect } = await import("node:net");
    const port = Number(new URL(server.url).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () =>
        socket.write("GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString();
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("rebuilds an identical state after a restart", async () => {
    await server.submit({ type: "call.arrived", callId: "c9", queueId: "sales", from: "84900000009" });
    await server.submit({
      type: "agent.push_token_changed",
      agentId: "hoa",
      token: "fcm-1",
      registered: true,
    });
    const before = structuredClone(server.app.core.state);
    await server.stop();

    const restarted = await bootServer(server.dir);
    try {
      expect(restarted.app.core.state).toEqual(before);
      const next = await restarted.submit({ type: "call.ended", callId: "c9" });
      expect(next.seq).toBe(before.seq + 1);
    } finally {
      await restarted.destroy();
    }
  });

  describe("bad input: clear 4xx, nothing written, server keeps running", () => {
    const cases: Array<[string, unknown, number, RegExp]> = [
      [
        "unknown agent",
        { event: { type: "agent.manual_status_set", agentId: "ghost", status: "AVAILABLE" } },
        404,
        /agent "ghost" does not exist/,
      ],
      [
        "invalid status",
        { event: { type: "agent.manual_status_set", agentId: "lan", status: "NAPPING" } },
        400,
        /event\.status: must be one of AVAILABLE/,
      ],
      [
        "bad phone number",
        {
          event: {
            type: "agent.upserted",
            agent: { id: "x", name: "X", phoneNumber: "0912 345", routingType: 2 },
          },
        },
        400,
        /event\.agent\.phoneNumber: must be country code first/,
      ],
      [
        "missing field",
        { event: { type: "call.arrived", callId: "c1", from: "849" } },
        400,
        /event\.queueId/,
      ],
      ["unknown event type", { event: { type: "call.offered", callId: "c1" } }, 400, /event\.type/],
      [
        "unknown queue",
        { event: { type: "call.arrived", callId: "c1", queueId: "nope", from: "8490" } },
        404,
        /queue "nope"/,
      ],
      [
        "answer by an agent the call is not ringing",
        { event: { type: "call.answered", callId: "zz", agentId: "lan" } },
        404,
        /call "zz"/,
      ],
      ["extra field", { event: { type: "call.ended", callId: "c1", hack: true } }, 400, /hack/],
      ["malformed JSON", "{ not json", 400, /not valid JSON/],
    ];
    it.each(cases)("%s", async (_name, body, status, message) => {
      const seq = server.app.core.state.seq;
      const res = await server.post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
      expect(server.app.core.state.seq).toBe(seq);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });

    it("refuses an oversized body with 413", async () => {
      const res = await server.post({ event: { type: "call.ended", callId: "x".repeat(MAX_BODY_BYTES) } });
      expect(res.status).toBe(413);
    });

    it("refuses a body that is not JSON with 415", async () => {
      const res = await server.post("event=1", { headers: { "content-type": "text/plain" } });
      expect(res.status).toBe(415);
    });

    it("gives typed tRPC errors naming the field and the problem", async () => {
      const seq = server.app.core.state.seq;
      const unknown = await server.trpc.agents.setManualStatus
        .mutate({ agentId: "ghost", status: "AVAILABLE" })
        .catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(TRPCClientError);
      expect((unknown as TRPCClientError<AppRouter>).data?.code).toBe("NOT_FOUND");
      expect((unknown as Error).message).toBe('agent "ghost" does not exist');

      const invalid = await server.trpc.agents.setManualStatus
        .mutate({ agentId: "lan", status: "NAPPING" as never })
        .catch((e: unknown) => e);
      expect((invalid as TRPCClientError<AppRouter>).data?.code).toBe("BAD_REQUEST");
      expect((invalid as Error).message).toMatch(/^status: must be one of AVAILABLE/);

      const conflict = await server
        .submit({ type: "call.answered", callId: "none", agentId: "lan" })
        .catch((e: unknown) => e);
      expect((conflict as TRPCClientError<AppRouter>).data?.code).toBe("NOT_FOUND");
      expect(server.app.core.state.seq).toBe(seq);
    });
  });

  it("exposes health and Prometheus metrics", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const asAdmin = { headers: { cookie: server.cookie } };
    const health = await fetch(`${server.url}/health`, asAdmin);
    expect(await health.json()).toMatchObject({ ok: true, seq: server.app.core.state.seq });
    expect((await fetch(`${server.url}/health`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await (await fetch(`${server.url}/metrics`, asAdmin)).text();
    expect(metrics).toMatch(/callboard_events_total\{type="agent.upserted"\} 3/);
    expect(metrics).toMatch(/callboard_calls_waiting\{queue="sales"\} 0/);
    expect(metrics).toMatch(/nodejs_eventloop_lag_seconds/);
  });
});
