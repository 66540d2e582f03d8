import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { explain, isValidPhoneNumber } from "@callboard/routing";
import {
  callEvent,
  callRoutingWebhook,
  type FakePcc,
  signAndPostCallEvent,
  startFakePcc,
} from "@callboard/stringee/fake";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, type StringeeConfig } from "./env.ts";
import { bootServer } from "./test-support.ts";

const KEYS = { keySid: "SK_callboard_test", keySecret: "key-secret-never-shown" };
const SIGNING = "signing-secret-never-shown";
const OPERATOR = "operator-token-0123456789";
const PROJECT = 4242;

type Server = Awaited<ReturnType<typeof bootServer>>;

let pcc: FakePcc;
let server: Server;
let queueId: string;
let routingKey: string | null = null;
let deviceStatusOnline: number[] | null = null;
/** PCC's doors on a listener of their own (the default in production), or shared with the board's. */
let publicListener: StringeeConfig["publicListener"] = null;
const logLines: string[] = [];
const agentIds: Record<string, string> = {};
/** The sales group at PCC, and the config the server was booted with (for a second server). */
let salesGroup: string;
let stringeeConfig: StringeeConfig;

beforeEach(async () => {
  pcc = await startFakePcc({ ...KEYS, projectId: PROJECT });
  const { store } = pcc;
  agentIds.lan = store.addAgent({ stringeeUserId: "lan", name: "Lan", manualStatus: "AVAILABLE" });
  agentIds.minh = store.addAgent({ stringeeUserId: "minh", name: "Minh", manualStatus: "NOT AVAILABLE" });
  agentIds.tuan = store.addAgent({
    stringeeUserId: "tuan",
    name: "Tuan",
    manualStatus: "AVAILABLE",
    routingType: 2,
    phoneNumber: "84901234567",
  });
  const sales = store.addGroup("Sales");
  salesGroup = sales;
  const overflow = store.addGroup("Overflow");
  store.addMember(sales, agentIds.lan);
  store.addMember(sales, agentIds.minh);
  store.addMember(overflow, agentIds.tuan);
  queueId = store.addQueue({ name: "Sales line", wait_agent_answer_timeout: 20 });
  store.routeQueueToGroup(queueId, sales, true);
  store.routeQueueToGroup(queueId, overflow, false);
  const stringee: StringeeConfig = {
    baseUrl: pcc.url,
    ...KEYS,
    projectId: String(PROJECT),
    signingSecret: SIGNING,
    syncIntervalMs: 3_600_000,
    deviceStatusOnline,
    operatorToken: OPERATOR,
    routingList: "ranking",
    routingKey,
    publicListener,
  };
  stringeeConfig = stringee;
  logLines.length = 0;
  server = await bootServer(mkdtempSync(join(tmpdir(), "callboard-pcc-")), Date.now(), {
    stringee,
    // Everything the core logs, at every level, so tests can check no secret is ever written.
    logger: pino({ level: "trace" }, { write: (line: string) => void logLines.push(line) }),
  });
  await server.app.connector!.syncNow();
});

afterEach(async () => {
  await server.destroy();
  await pcc.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function agentToken(agentId: string): Promise<string> {
  const response = await post("/stringee/agent-token", { agentId }, { authorization: `Bearer ${OPERATOR}` });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function goOnline(agentId: string) {
  const token = await agentToken(agentId);
  const response = await post(
    "/stringee/presence",
    { signal: "app", online: true },
    { authorization: `Bearer ${token}` },
  );
  expect(response.status).toBe(200);
}

const event = (callId: string, status: Parameters<typeof callEvent>[0]["status"], extra = {}) =>
  callEvent({ callId, status, timestampMs: Date.now(), from: "84911111111", to: "lan", ...extra });

describe("stringee mode: the admin's directory", () => {
  it("a new agent is created at PCC first and an edit written there, so the next sync keeps both", async () => {
    const { trpc } = server;
    await trpc.agents.create.mutate({
      agent: { id: "hoa", name: "Hoa Le", phoneNumber: "84907778888", routingType: 2 },
      initialManualStatus: "AVAILABLE",
    });
    expect(pcc.store.agents.find((a) => a.stringee_user_id === "hoa")).toMatchObject({
      name: "Hoa Le",
      phone_number: "84907778888",
      routing_type: 2,
      manual_status: "AVAILABLE",
    });
    await server.app.connector!.syncNow();
    const [row] = (await trpc.agents.list.query({ search: "hoa" })).rows;
    expect(row).toMatchObject({ name: "Hoa Le", manualStatus: "AVAILABLE" });
    await trpc.agents.update.mutate({
      agent: { id: "hoa", name: "Hoa L.", phoneNumber: null, routingType: 1 },
      version: row!.version,
    });
    expect(pcc.store.agents.find((a) => a.stringee_user_id === "hoa")).toMatchObject({
      name: "Hoa L.",
      routing_type: 1,
    });
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.hoa).toMatchObject({
      name: "Hoa L.",
      routingType: 1,
      phoneNumber: null,
    });
  });

  it("what PCC refuses is not recorded, and groups are refused as managed in PCC", async () => {
    // PCC already has this user id (an agent the last sync has not brought yet).
    pcc.store.addAgent({ stringeeUserId: "ghost", name: "Ghost" });
    const seq = server.app.core.state.seq;
    await expect(
      server.trpc.agents.create.mutate({
        agent: { id: "ghost", name: "Ghost 2", phoneNumber: null, routingType: 1 },
        initialManualStatus: "AVAILABLE",
      }),
    ).rejects.toMatchObject({
      data: { code: "BAD_GATEWAY" },
      message: expect.stringContaining("already exists"),
    });
    await expect(
      server.trpc.groups.create.mutate({ group: { id: "g", name: "G", members: [] } }),
    ).rejects.toMatchObject({ data: { code: "PRECONDITION_FAILED" } });
    expect(server.app.core.state.seq).toBe(seq);
  });
});

describe("stringee mode: sync", () => {
  it("mirrors PCC's agents, groups, membership and queue (its own ids, primary and backup) with no mapping", async () => {
    const state = server.app.core.state;
    expect(Object.keys(state.agents).sort()).toEqual(["lan", "minh", "tuan"]);
    expect(state.agents.lan).toMatchObject({ manualStatus: "AVAILABLE", routingType: 1 });
    expect(state.agents.minh?.manualStatus).toBe("NOT_AVAILABLE");
    expect(state.agents.tuan).toMatchObject({ routingType: 2, phoneNumber: "84901234567" });
    expect(state.queues[queueId]).toMatchObject({
      waitAgentAnswerTimeout: 20,
      groups: [{ primary: true }, { primary: false }],
    });
    const { status } = server.app.connector!.panel;
    expect(status.sync).toMatchObject({ state: "ok", agents: 3, groups: 2, queues: 1 });
    // A second sync with nothing changed at PCC submits nothing.
    const seq = state.seq;
    await server.app.connector!.syncNow();
    expect(server.app.core.state.seq).toBe(seq);
    expect(status.sync.changes).toBe(0);
  });

  it("turns PCC's manual and system status changes into events", async () => {
    pcc.store.setManualStatus(agentIds.minh!, "AVAILABLE");
    pcc.store.setSystemStatus(agentIds.tuan!, 0);
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.minh?.manualStatus).toBe("AVAILABLE");
    expect(server.app.core.state.agents.tuan?.systemStatus).toBe(0);
  });

  /** A routing type 2 agent in the primary group, Available at PCC: it rings whenever PCC's rule allows. */
  const addPhoneAgent = (stringeeUserId: string, fields: { systemStatus?: number; phoneNumber?: string }) => {
    const id = pcc.store.addAgent({
      stringeeUserId,
      manualStatus: "AVAILABLE",
      routingType: 2,
      phoneNumber: fields.phoneNumber ?? "84907654321",
      ...(fields.systemStatus !== undefined ? { systemStatus: fields.systemStatus } : {}),
    });
    pcc.store.addMember(salesGroup, id);
  };
  const ringsFor = async (callId: string) => {
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId, from: "84911111111", to: "842473000000" }],
    });
    return answer.calls[0]!.agents.map((a) => a.stringee_user_id);
  };

  it("the first sync takes PCC's system status for the agents it creates: one PCC has on a call is never rung", async () => {
    addPhoneAgent("hoa", { systemStatus: 0 });
    const fresh = await bootServer(mkdtempSync(join(tmpdir(), "callboard-pcc-")), Date.now(), {
      stringee: stringeeConfig,
    });
    try {
      await fresh.app.connector!.syncNow();
      expect(fresh.app.core.state.agents.hoa).toMatchObject({ manualStatus: "AVAILABLE", systemStatus: 0 });
      const answer = await callRoutingWebhook(`${fresh.url}/stringee/routing`, {
        queueId,
        calls: [{ callId: "call-vn-1-H", from: "84911111111", to: "842473000000" }],
      });
      // hoa (primary) is on a call at PCC: the backup phone agent rings instead.
      expect(answer.calls[0]!.agents.map((a) => a.stringee_user_id)).toEqual(["tuan"]);
    } finally {
      await fresh.destroy();
    }
  });

  it("an agent added at PCC later gets its system status from the sync that creates it, whatever the number", async () => {
    addPhoneAgent("hoa", { systemStatus: 2 });
    await server.app.connector!.syncNow();
    const hoa = server.app.core.state.agents.hoa!;
    expect(hoa).toMatchObject({ manualStatus: "AVAILABLE", systemStatus: 2 });
    expect(explain(hoa)).toEqual(["SYSTEM_STATUS_OTHER"]);
    expect(await ringsFor("call-vn-1-I")).toEqual(["tuan"]);
    // PCC frees hoa: the next sync says so, and hoa rings the next caller.
    pcc.store.setSystemStatus(pcc.store.agents.at(-1)!.id, 1);
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.hoa?.systemStatus).toBe(1);
    expect(await ringsFor("call-vn-1-J")).toEqual(["hoa"]);
  });

  it("a phone number PCC holds in national format is kept and flagged, and its routing type 2 agent rings", async () => {
    addPhoneAgent("mai", { phoneNumber: "0912345678" });
    await server.app.connector!.syncNow();
    const mai = server.app.core.state.agents.mai!;
    expect(mai.phoneNumber).toBe("0912345678");
    expect(isValidPhoneNumber(mai.phoneNumber!)).toBe(false); // what the board flags
    expect(server.app.connector!.panel.status.sync.warnings).toContain(
      'agent mai: phone number "0912345678" is not in international format (country code first); kept, PCC may not reach it',
    );
    expect(await ringsFor("call-vn-1-M")).toEqual(["mai"]);
  });

  it("a talked-on call whose ended event never came is ended once PCC has had the agent free for a while", async () => {
    await goOnline("lan");
    await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId: "call-vn-1-L", from: "84911111111", to: "842473000000" }],
    });
    await signAndPostCallEvent(`${server.url}/stringee/events`, SIGNING, event("call-vn-1-L", "answered"));
    expect(server.app.core.state.calls["call-vn-1-L"]?.status).toBe("talking");
    // PCC says lan is free (system_status 1) right away: too soon to call the end lost.
    await server.app.connector!.syncNow();
    expect(server.app.core.state.calls["call-vn-1-L"]?.status).toBe("talking");
    server.clock.now += 61_000;
    await server.app.connector!.syncNow();
    expect(server.app.core.state.calls["call-vn-1-L"]).toBeUndefined();
    expect(server.app.core.state.agents.lan?.activeCallId).toBeNull();
  });

  it("a supervisor's manual status change is written to PCC first, so the next sync keeps it", async () => {
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "AVAILABLE" });
    expect(pcc.store.agents.find((a) => a.stringee_user_id === "minh")?.manual_status).toBe("AVAILABLE");
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.minh?.manualStatus).toBe("AVAILABLE");
    // PCC refusing it refuses the change: nothing is recorded.
    pcc.failNext(20, "http500");
    const seq = server.app.core.state.seq;
    await expect(
      server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "LUNCH_BREAK" }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/PCC refused the change/),
      data: { code: "BAD_GATEWAY" },
    });
    expect(server.app.core.state.seq).toBe(seq);
    expect(server.app.core.state.agents.minh?.manualStatus).toBe("AVAILABLE");
  });

  it("an agent PCC has not been synced with yet cannot be changed: retry after the next sync", async () => {
    const auth = { authorization: `Bearer ${OPERATOR}` };
    const agent = { id: "ghost", name: "Ghost", phoneNumber: null, routingType: 1 };
    expect((await post("/api/events", { event: { type: "agent.upserted", agent } }, auth)).status).toBe(201);
    const seq = server.app.core.state.seq;
    await expect(
      server.trpc.agents.setManualStatus.mutate({ agentId: "ghost", status: "AVAILABLE" }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/not synced from PCC yet/),
      data: { code: "PRECONDITION_FAILED" },
    });
    expect(server.app.core.state.seq).toBe(seq);
  });

  it("an agent the engine sets Not available after repeated misses is set Not available at PCC too", async () => {
    const queue = { ...server.app.core.state.queues[queueId]!, maxConsecutiveMisses: 1 };
    const auth = { authorization: `Bearer ${OPERATOR}` };
    expect((await post("/api/events", { event: { type: "queue.upserted", queue } }, auth)).status).toBe(201);
    await goOnline("lan");
    await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId: "call-vn-1-M", from: "84911111111", to: "842473000000" }],
    });
    server.clock.now += 20_000; // the answer timeout
    server.app.core.settle();
    await expect
      .poll(() => pcc.store.agents.find((a) => a.stringee_user_id === "lan")?.manual_status)
      .toBe("NOT AVAILABLE");
    expect(server.app.core.state.agents.lan?.manualStatus).toBe("NOT_AVAILABLE");
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.lan?.manualStatus).toBe("NOT_AVAILABLE");
  });

  it("a failing PCC is retried, then shown on the status panel without any secret; the next sync recovers", async () => {
    pcc.failNext(20, "http500");
    await server.app.connector!.syncNow();
    const { status } = server.app.connector!.panel;
    expect(status.sync.state).toBe("failed");
    expect(status.lastError?.where).toBe("sync");
    expect(status.lastError?.message).toMatch(/500/);
    const panel = JSON.stringify(await server.trpc.connector.status.query());
    await post("/stringee/agent-token", { agentId: "lan" }, { authorization: "Bearer wrong" });
    await signAndPostCallEvent(`${server.url}/stringee/events`, "not-the-secret", event("x", "ended"));
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [KEYS.keySecret, SIGNING, OPERATOR]) {
      expect(panel).not.toContain(secret);
      expect(logLines.join("\n")).not.toContain(secret);
    }
    pcc.failNext(0, "http500");
    await server.app.connector!.syncNow();
    expect(status.sync.state).toBe("ok");
  });
});

describe("stringee mode: agent tokens and presence", () => {
  it("issues an icc_api token for a synced agent, with SIP details; operator only", async () => {
    const response = await post(
      "/stringee/agent-token",
      { agentId: "lan" },
      { authorization: `Bearer ${OPERATOR}` },
    );
    const body = (await response.json()) as { token: string; sip: { registrar: string; username: string } };
    expect(body.sip).toMatchObject({ registrar: "v2.stringee.com:15060", username: `${PROJECT}_lan` });
    const payload = JSON.parse(Buffer.from(body.token.split(".")[1]!, "base64url").toString());
    expect(payload).toMatchObject({ userId: "lan", icc_api: true, iss: KEYS.keySid });
    expect((await post("/stringee/agent-token", { agentId: "lan" })).status).toBe(401);
    expect(
      (await post("/stringee/agent-token", { agentId: "lan" }, { authorization: "Bearer wrong" })).status,
    ).toBe(401);
    const unknown = await post(
      "/stringee/agent-token",
      { agentId: "ghost" },
      { authorization: `Bearer ${OPERATOR}` },
    );
    expect(unknown.status).toBe(404);
    const bad = await post(
      "/stringee/agent-token",
      { agentId: "lan", ttlSec: 5 },
      { authorization: `Bearer ${OPERATOR}` },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/ttlSec/);
  });

  it("takes the three online signals from the agent's own client, authenticated by its token", async () => {
    const token = await agentToken("minh");
    const auth = { authorization: `Bearer ${token}` };
    expect((await post("/stringee/presence", { signal: "sip", registered: true }, auth)).status).toBe(200);
    expect(
      (await post("/stringee/presence", { signal: "push", token: "fcm-1", registered: true }, auth)).status,
    ).toBe(200);
    expect((await post("/stringee/presence", { signal: "app", online: true }, auth)).status).toBe(200);
    expect(server.app.core.state.agents.minh?.presence).toEqual({
      app: true,
      pushTokens: ["fcm-1"],
      sip: true,
    });
    // A heartbeat that changes nothing is not logged.
    const seq = server.app.core.state.seq;
    await post("/stringee/presence", { signal: "app", online: true }, auth);
    expect(server.app.core.state.seq).toBe(seq);

    expect((await post("/stringee/presence", { signal: "app", online: true })).status).toBe(401);
    expect(
      (await post("/stringee/presence", { signal: "app", online: true }, { authorization: "Bearer x.y.z" }))
        .status,
    ).toBe(401);
    const bad = await post("/stringee/presence", { signal: "bluetooth" }, auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/signal/);
  });
});

describe("stringee mode: the routing webhook", () => {
  it("answers PCC's version 2 list, ordered by the queue's strategy, and records the decision", async () => {
    await goOnline("lan");
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      projectId: PROJECT,
      calls: [{ callId: "call-vn-1-A", from: "84911111111", to: "842473000000" }],
    });
    expect(answer).toEqual({
      version: 2,
      calls: [
        { callId: "call-vn-1-A", agents: [{ stringee_user_id: "lan", routing_type: 1, answer_timeout: 20 }] },
      ],
    });
    const decisions = await server.trpc.decisions.byCall.query({ callId: "call-vn-1-A" });
    expect(decisions.map((d) => d.agentIds)).toEqual([["lan"]]);
    // Asking again (GET form) for the same call gives the same list and no second arrival.
    const again = await callRoutingWebhook(
      `${server.url}/stringee/routing`,
      { queueId, calls: [{ callId: "call-vn-1-A", from: "84911111111", to: "842473000000" }] },
      { method: "GET" },
    );
    expect(again.calls[0]?.agents.map((a) => a.stringee_user_id)).toEqual(["lan"]);
  });

  it("lists the agent Callboard rings first, then the rest of the ranking that can still ring", async () => {
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "AVAILABLE" });
    await goOnline("minh");
    await goOnline("lan");
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId: "call-vn-1-R", from: "84911111111", to: "842473000000" }],
    });
    const ringing = server.app.core.state.calls["call-vn-1-R"]!.ringing;
    expect(ringing).toHaveLength(1);
    const listed = answer.calls[0]!.agents.map((a) => a.stringee_user_id);
    expect(listed).toEqual([ringing[0], ...["lan", "minh"].filter((id) => id !== ringing[0])]);
  });

  it("several calls in one request arrive in the request's order, in one commit; a repeated call id once", async () => {
    const calls = ["call-vn-1-X", "call-vn-1-Y", "call-vn-1-X", "call-vn-1-Z"].map((callId) => ({
      callId,
      from: "84911111111",
      to: "842473000000",
    }));
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, { queueId, calls });
    expect(answer.calls.map((c) => c.callId)).toEqual(calls.map((c) => c.callId));
    const state = server.app.core.state;
    const seqs = ["call-vn-1-X", "call-vn-1-Y", "call-vn-1-Z"].map((id) => state.calls[id]!.arrivedSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // The backup group's phone agent took the oldest call; the others wait.
    expect(answer.calls[0]?.agents.map((a) => a.stringee_user_id)).toEqual(["tuan"]);
    expect(answer.calls[1]?.agents).toEqual([]);
  });

  it("rings the backup group's phone agent (with its number) when no primary agent can ring", async () => {
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId: "call-vn-1-B", from: "84911111111", to: "842473000000" }],
    });
    expect(answer.calls[0]?.agents).toEqual([
      { stringee_user_id: "tuan", routing_type: 2, phone_number: "84901234567", answer_timeout: 20 },
    ]);
  });

  it("an unknown queue gets a valid empty answer and a warning on the panel, never a 500", async () => {
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId: "QU_NOT_SYNCED",
      calls: [{ callId: "call-vn-1-C", from: "84911111111", to: "842473000000" }],
    });
    expect(answer).toEqual({ version: 2, calls: [{ callId: "call-vn-1-C", agents: [] }] });
    const { status } = server.app.connector!.panel;
    expect(status.routing.unknownQueues).toBe(1);
    expect(status.lastError).toMatchObject({ where: "routing" });
    expect(server.app.core.state.calls["call-vn-1-C"]).toBeUndefined();
  });

  it("refuses malformed and oversized requests with the reason", async () => {
    const malformed = await post("/stringee/routing", "{not json");
    expect(malformed.status).toBe(400);
    const noQueue = await post("/stringee/routing", { calls: [] });
    expect(noQueue.status).toBe(400);
    expect(((await noQueue.json()) as { error: string }).error).toMatch(/queueId/);
    const huge = await post("/stringee/routing", { queueId, calls: [], pad: "x".repeat(70_000) });
    expect(huge.status).toBe(413);
  });

  it("applies the same field limits as tRPC: a 5,000-character call id or a 50,000-character from is a 400 naming the field", async () => {
    const seq = server.app.core.state.seq;
    const longId = await post("/stringee/routing", {
      queueId,
      calls: [{ callId: "c".repeat(5_000), from: "84911111111", to: "842473000000" }],
    });
    expect(longId.status).toBe(400);
    expect(((await longId.json()) as { error: string }).error).toBe(
      "calls.0.callId: call id must be at most 128 characters",
    );
    const longFrom = await post("/stringee/routing", {
      queueId,
      calls: [{ callId: "call-vn-1-F", from: "8".repeat(50_000), to: "842473000000" }],
    });
    expect(longFrom.status).toBe(400);
    expect(((await longFrom.json()) as { error: string }).error).toBe(
      "calls.0.from: must be at most 64 characters",
    );
    expect(server.app.core.state.seq).toBe(seq);
    // The same call.arrived through tRPC is refused the same way.
    await expect(
      server.submit({ type: "call.arrived", callId: "c".repeat(5_000), queueId, from: "84911111111" }),
    ).rejects.toThrow(/call id must be at most 128 characters/);
  });
});

describe("stringee mode: call events", () => {
  async function ringingCall(callId: string) {
    await goOnline("lan");
    await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      calls: [{ callId, from: "84911111111", to: "842473000000" }],
    });
    expect(server.app.core.state.calls[callId]?.ringing).toEqual(["lan"]);
  }
  const eventsUrl = () => `${server.url}/stringee/events`;

  it("answered then ended: the agent talks, then wraps up; a redelivered event is not applied twice", async () => {
    await ringingCall("call-vn-1-D");
    const answered = event("call-vn-1-D", "answered");
    expect((await signAndPostCallEvent(eventsUrl(), SIGNING, answered)).status).toBe(200);
    expect(server.app.core.state.calls["call-vn-1-D"]).toMatchObject({ status: "talking", agentId: "lan" });
    const seq = server.app.core.state.seq;
    expect((await signAndPostCallEvent(eventsUrl(), SIGNING, answered)).status).toBe(200);
    expect(server.app.core.state.seq).toBe(seq);
    await signAndPostCallEvent(eventsUrl(), SIGNING, event("call-vn-1-D", "ended", { answerDuration: 30 }));
    expect(server.app.core.state.calls["call-vn-1-D"]).toBeUndefined();
    expect(server.app.core.state.agents.lan?.wrapUpUntil).not.toBeNull();
    expect(server.app.core.state.queueRuntime[queueId]?.outcomes.answered).toBe(1);
  });

  it("a wrong or missing signature is refused with 401 and nothing is recorded", async () => {
    await ringingCall("call-vn-1-E");
    const seq = server.app.core.state.seq;
    const answered = event("call-vn-1-E", "answered");
    expect((await signAndPostCallEvent(eventsUrl(), "not-the-secret", answered)).status).toBe(401);
    expect((await signAndPostCallEvent(eventsUrl(), null, answered)).status).toBe(401);
    expect(server.app.core.state.seq).toBe(seq);
    expect(server.app.connector!.panel.status.events.refusedSignatures).toBe(2);
    expect(await server.trpc.events.rejections.query({})).toEqual([]);
  });

  it("malformed or oversized events get 400/413 with a reason", async () => {
    const bad = await signAndPostCallEvent(eventsUrl(), SIGNING, {
      call_id: "x",
      call_status: "exploded",
      timestamp_ms: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/call_status/);
    expect((await signAndPostCallEvent(eventsUrl(), SIGNING, "{oops")).status).toBe(400);
    expect((await signAndPostCallEvent(eventsUrl(), SIGNING, { pad: "x".repeat(70_000) })).status).toBe(413);
    const longId = await signAndPostCallEvent(eventsUrl(), SIGNING, {
      call_id: "c".repeat(5_000),
      call_status: "ended",
      timestamp_ms: 1,
    });
    expect(longId.status).toBe(400);
    expect(longId.body).toMatch(/^.*call_id: call id must be at most 128 characters/);
  });

  it("out of order (ended before answered) ends in the same state as in order", async () => {
    await ringingCall("call-vn-1-F");
    await signAndPostCallEvent(eventsUrl(), SIGNING, event("call-vn-1-F", "ended", { answerDuration: 12 }));
    await signAndPostCallEvent(eventsUrl(), SIGNING, event("call-vn-1-F", "answered"));
    const state = server.app.core.state;
    expect(state.calls["call-vn-1-F"]).toBeUndefined();
    expect(state.queueRuntime[queueId]?.outcomes).toMatchObject({ answered: 1, abandoned: 0 });
    expect(state.agents.lan).toMatchObject({ answeredCalls: 1 });
  });

  it("a caller who hangs up while ringing is abandoned", async () => {
    await ringingCall("call-vn-1-G");
    await signAndPostCallEvent(eventsUrl(), SIGNING, event("call-vn-1-G", "ended"));
    expect(server.app.core.state.queueRuntime[queueId]?.outcomes.abandoned).toBe(1);
    expect(server.app.core.state.agents.lan?.ringingCallId).toBeNull();
  });
});

describe("stringee mode: who may feed the core", () => {
  it("raw inputs on /api/events need the operator token (the core faces the internet for PCC)", async () => {
    const event = { event: { type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" } };
    expect((await post("/api/events", event)).status).toBe(401);
    expect((await post("/api/events", event, { authorization: "Bearer nope" })).status).toBe(401);
    expect((await post("/api/events", event, { authorization: `Bearer ${OPERATOR}` })).status).toBe(201);
  });
});

describe("stringee mode: the public listener", () => {
  beforeAll(() => {
    publicListener = { port: 0, host: "127.0.0.1" };
  });
  afterAll(() => {
    publicListener = null;
  });

  it("serves PCC's webhooks and agents' clients, and nothing of the board's API", async () => {
    const port = await server.app.listenPublic(0, "127.0.0.1");
    const publicUrl = `http://127.0.0.1:${port}`;
    const answer = await callRoutingWebhook(`${publicUrl}/stringee/routing`, {
      queueId,
      calls: [{ callId: "call-vn-1-P", from: "84911111111", to: "842473000000" }],
    });
    expect(answer.version).toBe(2);
    for (const path of ["/trpc/center.snapshot", "/api/events", "/metrics", "/auth/sign-in"]) {
      expect((await fetch(`${publicUrl}${path}`)).status, path).toBe(404);
    }
    // …and the board's listener no longer serves PCC's doors: they are on the public one only.
    expect((await fetch(`${server.url}/stringee/routing`)).status).toBe(404);
    expect((await fetch(`${publicUrl}/healthz`)).status).toBe(200);
    // An agent's Web client reports presence from its own page: the preflight passes.
    const preflight = await fetch(`${publicUrl}/stringee/presence`, {
      method: "OPTIONS",
      headers: { origin: "https://agents.example.com", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
  });

  it("answers 404 naming the listener that serves a path the public one does not", async () => {
    const port = await server.app.listenPublic(0, "127.0.0.1");
    const response = await fetch(`http://127.0.0.1:${port}/trpc/center.snapshot`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe(
      "no route for GET /trpc/center.snapshot on the public listener (it is served on the private listener)",
    );
    const unknown = await fetch(`http://127.0.0.1:${port}/nowhere`);
    expect(((await unknown.json()) as { error: string }).error).toBe(
      "no route for GET /nowhere on the public listener",
    );
  });
});

describe("stringee mode: PCC's device_status, when configured", () => {
  beforeAll(() => {
    deviceStatusOnline = [1];
  });
  afterAll(() => {
    deviceStatusOnline = null;
  });

  it("counts as an App/Web login, but never overrules what the agent's own client reports", async () => {
    await goOnline("lan");
    pcc.store.updateAgent(agentIds.lan!, { device_status: 0 });
    pcc.store.updateAgent(agentIds.minh!, { device_status: 1 });
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.minh?.presence.app).toBe(true);
    expect(server.app.core.state.agents.lan?.presence.app).toBe(true);
    pcc.store.updateAgent(agentIds.minh!, { device_status: 0 });
    await server.app.connector!.syncNow();
    expect(server.app.core.state.agents.minh?.presence.app).toBe(false);
  });
});

describe("stringee mode: a routing key", () => {
  beforeAll(() => {
    routingKey = "routing-key-0123456789";
  });
  afterAll(() => {
    routingKey = null;
  });

  it("when set, only requests carrying it may put calls in queues", async () => {
    const request = { queueId, calls: [{ callId: "call-vn-1-K", from: "84911111111", to: "842473000000" }] };
    await expect(callRoutingWebhook(`${server.url}/stringee/routing`, request)).rejects.toThrow(/401/);
    await expect(
      callRoutingWebhook(`${server.url}/stringee/routing?key=wrong-key-0123456789`, request),
    ).rejects.toThrow(/401/);
    expect(server.app.core.state.calls["call-vn-1-K"]).toBeUndefined();
    const answer = await callRoutingWebhook(`${server.url}/stringee/routing?key=${routingKey}`, request, {
      method: "GET",
    });
    expect(answer.calls[0]?.callId).toBe("call-vn-1-K");
    expect(server.app.core.state.calls["call-vn-1-K"]).toBeDefined();
  });
});

describe("stringee mode: configuration", () => {
  it("a missing variable stops start-up with a message naming it; standalone needs none", () => {
    expect(() => loadConfig({ CALLBOARD_MODE: "stringee", STRINGEE_API_KEY_SID: "SK" })).toThrow(
      /STRINGEE_API_KEY_SECRET, STRINGEE_PROJECT_ID, CALLBOARD_OPERATOR_TOKEN/,
    );
    expect(() =>
      loadConfig({
        CALLBOARD_MODE: "stringee",
        STRINGEE_API_KEY_SID: "SK",
        STRINGEE_API_KEY_SECRET: "s",
        STRINGEE_PROJECT_ID: "abc",
        CALLBOARD_OPERATOR_TOKEN: OPERATOR,
      }),
    ).toThrow(/STRINGEE_PROJECT_ID/);
    expect(() => loadConfig({ CALLBOARD_MODE: "pcc" })).toThrow(/CALLBOARD_MODE/);
    const standalone = loadConfig({});
    expect(standalone.stringee).toBeNull();
    expect(standalone.simulator.enabled).toBe(true);
    const stringee = loadConfig({
      CALLBOARD_MODE: "stringee",
      STRINGEE_API_KEY_SID: "SK",
      STRINGEE_API_KEY_SECRET: "s",
      STRINGEE_PROJECT_ID: "42",
      CALLBOARD_OPERATOR_TOKEN: OPERATOR,
    });
    expect(stringee.stringee).toMatchObject({
      baseUrl: "https://icc-api.stringee.com",
      syncIntervalMs: 60_000,
    });
    expect(stringee.simulator.enabled).toBe(false);
  });
});

describe("the agent desk in stringee mode", () => {
  it("issues the desk's own short-lived client token through the agent's session, for that agent only", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    const issued = await lan.trpc.desk.token.mutate();
    const claims = JSON.parse(Buffer.from(issued.token.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ userId: "lan", icc_api: true, iss: KEYS.keySid });
    expect(issued.expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(issued.renewAt).toBeLessThan(issued.expiresAt);
    // The token reports Lan's presence, and only Lan's: the agent is read from the token, not the body.
    const auth = { authorization: `Bearer ${issued.token}` };
    expect((await post("/stringee/presence", { signal: "app", online: true }, auth)).status).toBe(200);
    expect(server.app.core.state.agents.lan?.presence.app).toBe(true);
    const minhBefore = server.app.core.state.agents.minh?.presence;
    const smuggled = await post("/stringee/presence", { signal: "app", online: true, agentId: "minh" }, auth);
    expect(smuggled.status).toBe(400);
    expect(server.app.core.state.agents.minh?.presence).toEqual(minhBefore);
    // Staff sessions get no client token.
    await expect(server.trpc.desk.token.mutate()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  it("the desk's status change goes to PCC first; PCC refusing it changes nothing", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    await lan.trpc.desk.setStatus.mutate({ status: "NOT_AVAILABLE" });
    expect(server.app.core.state.agents.lan?.manualStatus).toBe("NOT_AVAILABLE");
    expect(pcc.store.agents.find((a) => a.stringee_user_id === "lan")?.manual_status).toBe("NOT AVAILABLE");
    pcc.failNext(20, "http500");
    const seq = server.app.core.state.seq;
    await expect(lan.trpc.desk.setStatus.mutate({ status: "AVAILABLE" })).rejects.toMatchObject({
      data: { code: "BAD_GATEWAY" },
    });
    expect(server.app.core.state.seq).toBe(seq);
    expect(server.app.core.state.agents.lan?.manualStatus).toBe("NOT_AVAILABLE");
  });

  it("answers get_customer_info_url with the caller's queue, guarded and size-limited", async () => {
    await callRoutingWebhook(`${server.url}/stringee/routing`, {
      queueId,
      projectId: PROJECT,
      calls: [{ callId: "call-vn-info-1", from: "84912345678", to: "842473000000" }],
    });
    const info = await fetch(
      `${server.url}/stringee/customer-info?from=84912345678&to=lan&project=${PROJECT}`,
    );
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      version: 1,
      customer: { number: "84912345678" },
      queue: { id: queueId, name: "Sales line", callId: "call-vn-info-1" },
    });
    const otherProject = await fetch(`${server.url}/stringee/customer-info?from=84912345678&project=1`);
    expect(otherProject.status).toBe(400);
    const huge = await fetch(`${server.url}/stringee/customer-info?from=${"8".repeat(100)}`);
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: string }).error).toMatch(/^from/);
  });
});
