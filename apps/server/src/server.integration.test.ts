import type { Ack, CatchUp } from "@callboard/contracts";
import { TRPCClientError } from "@trpc/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./http.ts";
import { bootServer, type ClientSocket, nextEvent, seedCenter } from "./test-support.ts";
import type { AppRouter } from "./trpc/root.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

const subscribe = (socket: ClientSocket, sinceSeq: number) =>
  new Promise<Ack<CatchUp>>((resolve) => socket.emit("board:subscribe", { sinceSeq }, resolve));

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

  it("sends a tRPC mutation's delta to another client's socket", async () => {
    const observer = server.socket();
    const before = server.app.core.state.seq;
    const joined = await subscribe(observer, before);
    expect(joined).toEqual({
      ok: true,
      data: { kind: "events", batch: expect.objectContaining({ events: [] }) },
    });

    const seen = nextEvent(observer, (b) => b.events.some((e) => e.type === "agent.manual_status_set"));
    const result = await server.trpc.agents.setManualStatus.mutate({ agentId: "hoa", status: "AVAILABLE" });
    expect(result).toEqual({ seq: before + 1, duplicate: false });

    // The batch may also carry earlier events still inside the coalescing window; seqs stay contiguous.
    const batch = await seen;
    expect(batch.events.map((e) => e.seq)).toEqual(
      Array.from({ length: batch.toSeq - batch.fromSeq + 1 }, (_, i) => batch.fromSeq + i),
    );
    expect(batch.toSeq).toBe(before + 1);
    expect(batch.events.at(-1)).toMatchObject({
      seq: before + 1,
      type: "agent.manual_status_set",
      agentId: "hoa",
      status: "AVAILABLE",
    });
  });

  it("answers a resubscribe with exactly the events missed, or a snapshot when asked for the future", async () => {
    const socket = server.socket();
    const seq = server.app.core.state.seq;
    const caughtUp = await subscribe(socket, seq - 3);
    if (!caughtUp.ok || caughtUp.data.kind !== "events") throw new Error("expected events");
    expect(caughtUp.data.batch.events.map((e) => e.seq)).toEqual([seq - 2, seq - 1, seq]);

    const ahead = await subscribe(socket, seq + 100);
    expect(ahead.ok && ahead.data.kind).toBe("snapshot");

    const bad = await subscribe(socket, -1);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("sinceSeq") });
  });

  it("routes a call to the longest-idle eligible agent, then to the next one after the answer timeout", async () => {
    // minh's last call ended after lan's, so lan has been idle longer.
    server.clock.now += 1000;
    await server.submit({ type: "call.arrived", callId: "c0", queueId: "sales", from: "84900000000" });
    await server.submit({ type: "call.answered", callId: "c0", agentId: "lan" });
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    await server.submit({ type: "call.answered", callId: "c1", agentId: "minh" });
    server.clock.now += 1000;
    await server.submit({ type: "call.ended", callId: "c0" });
    server.clock.now += 1000;
    await server.submit({ type: "call.ended", callId: "c1" });

    await server.submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84900000002" });
    const call = server.app.core.state.calls.c2!;
    expect(call).toMatchObject({ status: "ringing", agentId: "lan" });
    const decision = server.app.core.state.decisions[0]!;
    expect(decision.candidates.map((c) => [c.agentId, c.verdict, c.reasons])).toEqual([
      ["lan", "CHOSEN", []],
      ["minh", "RANKED_LOWER", []],
      ["hoa", "NOT_ELIGIBLE", ["MANUAL_NOT_AVAILABLE"]],
    ]);

    server.clock.now += 15_000;
    server.app.core.settle();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.app.core.state.calls.c2).toMatchObject({
      status: "ringing",
      agentId: "minh",
      missedBy: ["lan"],
    });
    expect(server.app.core.state.agents.lan!.missedOffers).toBe(1);
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
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, seq: server.app.core.state.seq });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/callboard_events_total\{type="agent.upserted"\} 3/);
    expect(metrics).toMatch(/callboard_calls_waiting\{queue="sales"\} 0/);
    expect(metrics).toMatch(/nodejs_eventloop_lag_seconds/);
  });
});
