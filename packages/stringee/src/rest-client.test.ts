import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePcc, startFakePcc } from "./fake/index.ts";
import { PccError } from "./pcc-error.ts";
import { createPccClient, type PccClientOptions } from "./rest-client.ts";

const KEY = { keySid: "SK_CLIENT_TEST", keySecret: "do-not-leak-this-secret" };
let pcc: FakePcc;
let sleeps: number[];

beforeEach(async () => {
  pcc = await startFakePcc({ ...KEY, projectId: 7 });
  sleeps = [];
});
afterEach(async () => {
  await pcc.close();
});

function client(overrides: Partial<PccClientOptions> = {}) {
  return createPccClient({
    ...KEY,
    baseUrl: pcc.url,
    backoffMs: 10,
    jitter: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<PccError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PccError) return error;
    throw error;
  }
  throw new Error("expected a PccError");
}

/** A one-route HTTP server answering every request with `reply`, for answers the fake never gives. */
async function oddServer(reply: (authHeader: string) => { status: number; body: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const { status, body } = reply(String(req.headers["x-stringee-auth"] ?? ""));
    res.writeHead(status, { "Content-Type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

describe("listing", () => {
  it("walks every page of a long agent list (120 agents, 50 a page)", async () => {
    for (let i = 0; i < 120; i++) pcc.store.addAgent({ stringeeUserId: `user_${i}` });
    const agents = await client().listAgents();
    expect(agents).toHaveLength(120);
    expect(agents.map((a) => a.stringee_user_id)).toEqual(Array.from({ length: 120 }, (_, i) => `user_${i}`));
    expect(pcc.requests.map((r) => [r.path, r.query.page, r.query.limit])).toEqual([
      ["/v1/agent", "1", "50"],
      ["/v1/agent", "2", "50"],
      ["/v1/agent", "3", "50"],
    ]);
    expect(pcc.requests.every((r) => r.authorized)).toBe(true);
  });

  it("honours a configured page size and stops on an empty list", async () => {
    for (let i = 0; i < 120; i++) pcc.store.addAgent({ stringeeUserId: `user_${i}` });
    expect(await client({ pageSize: 100 }).listAgents()).toHaveLength(120);
    expect(pcc.requests).toHaveLength(2);
    expect(await client().listGroups()).toEqual([]);
  });

  it("lists groups, members, queues and routings with PCC's parameters", async () => {
    const a = pcc.store.addAgent({ stringeeUserId: "lan" });
    const g = pcc.store.addGroup("Sales");
    pcc.store.addMember(g, a);
    const q = pcc.store.addQueue({ name: "Hotline", wait_agent_answer_timeout: 20 });
    const r = pcc.store.routeQueueToGroup(q, g, true);
    const c = client();
    expect(await c.listGroups()).toEqual([{ id: g, name: "Sales", number_of_agent: 1 }]);
    expect(await c.listGroupMembers(g)).toEqual([{ agent_id: a, group_id: g }]);
    expect(await c.listQueues()).toMatchObject([{ id: q, name: "Hotline", wait_agent_answer_timeout: 20 }]);
    expect(await c.listGroupRoutings(q)).toEqual([{ id: r, queue_id: q, group_id: g, primary_group: 1 }]);
    expect(pcc.requests.map((x) => `${x.path} ${x.query.group ?? x.query.queue ?? ""}`)).toEqual([
      "/v1/group ",
      `/v1/manage-agents-in-group ${g}`,
      "/v1/queue ",
      `/v1/routing-call-to-groups ${q}`,
    ]);
  });
});

describe("writes", () => {
  it("creates, links and updates through PCC's endpoints", async () => {
    const c = client();
    const agentId = await c.createAgent({ name: "Lan", stringee_user_id: "lan", routing_type: 1 });
    const groupId = await c.createGroup({ name: "Sales" });
    await c.addAgentToGroup(agentId, groupId);
    const queueId = await c.createQueue({ name: "Hotline", wrap_up_time_limit: 30 });
    const routingId = await c.routeQueueToGroup(queueId, groupId, false);
    await c.updateAgent(agentId, { manual_status: "AVAILABLE" });
    expect([agentId, groupId, queueId, routingId].map((id) => id.replace(/[0-9A-Z]{16}$/, ""))).toEqual([
      "AG_",
      "GR_",
      "QU_",
      "GR_RO_",
    ]);
    expect(pcc.store.agents[0]).toMatchObject({ id: agentId, manual_status: "AVAILABLE" });
    expect(pcc.store.members).toMatchObject([{ agent_id: agentId, group_id: groupId }]);
    expect(pcc.store.queues[0]).toMatchObject({ id: queueId, wrap_up_time_limit: 30 });
    expect(pcc.store.routings).toMatchObject([{ id: routingId, primary_group: 0 }]);
    expect(pcc.requests.find((r) => r.method === "PUT")).toMatchObject({
      path: `/v1/agent/${agentId}`,
      body: { manual_status: "AVAILABLE" },
    });
  });

  it("does not retry a create after a 500 (PCC may have created it)", async () => {
    pcc.failNext(1, "http500");
    const error = await failure(client().createGroup({ name: "Sales" }));
    expect(error).toMatchObject({ kind: "http", status: 500, attempts: 1 });
    expect(pcc.store.groups).toEqual([]);
  });
});

describe("retries", () => {
  it("retries after a 500, an r != 0 and a timeout, then succeeds, backing off exponentially", async () => {
    pcc.store.addAgent({ stringeeUserId: "lan" });
    pcc.failNext(1, "http500");
    pcc.failNext(1, "api-error");
    pcc.failNext(1, "timeout");
    const agents = await client({ timeoutMs: 150 }).listAgents();
    expect(agents.map((a) => a.stringee_user_id)).toEqual(["lan"]);
    expect(pcc.requests).toHaveLength(4);
    expect(sleeps).toEqual([10, 20, 40]);
  });

  it("gives up after 1 + retries attempts with a typed error", async () => {
    pcc.failNext(3, "http500");
    const http = await failure(client({ retries: 2 }).listAgents());
    expect(http).toBeInstanceOf(PccError);
    expect(http).toMatchObject({ kind: "http", status: 500, attempts: 3, path: "/v1/agent?page=1&limit=50" });
    expect(http.message).toMatch(/^GET \/v1\/agent\?page=1&limit=50 failed after 3 attempts: HTTP 500/);
    expect(pcc.requests).toHaveLength(3);

    pcc.requests.length = 0;
    pcc.failNext(2, "api-error");
    const api = await failure(client({ retries: 1 }).listGroups());
    expect(api).toMatchObject({ kind: "api", r: 1, attempts: 2 });
    expect(api.message).toMatch(/PCC answered r=1: Server is busy/);
  });

  it("reports a timeout as kind timeout", async () => {
    pcc.failNext(2, "timeout");
    const error = await failure(client({ retries: 1, timeoutMs: 100 }).listQueues());
    expect(error).toMatchObject({ kind: "timeout", attempts: 2 });
    expect(error.message).toMatch(/no answer within 100 ms/);
  });

  it("does not retry a 404 or a 401", async () => {
    const notFound = await failure(client().updateAgent("AG_NOPE", { name: "x" }));
    expect(notFound).toMatchObject({ kind: "http", status: 404, attempts: 1, r: 1 });
    expect(notFound.message).toMatch(/HTTP 404: Agent not found/);

    pcc.requests.length = 0;
    const unauthorized = await failure(client({ keySecret: "wrong-secret-value" }).listAgents());
    expect(unauthorized).toMatchObject({ kind: "http", status: 401, attempts: 1 });
    expect(pcc.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("reports a refused connection as kind network", async () => {
    const server = await oddServer(() => ({ status: 200, body: "{}" }));
    const url = urlOf(server);
    await closeServer(server);
    const error = await failure(client({ baseUrl: url, retries: 1 }).listAgents());
    expect(error).toMatchObject({ kind: "network", attempts: 2 });
    expect(error.message).toMatch(/network error: ECONNREFUSED/);
  });
});

describe("responses and secrets", () => {
  it("never puts the key secret or the token in an error message, even when PCC echoes them", async () => {
    const server = await oddServer((token) => ({
      status: 403,
      body: JSON.stringify({ r: 3, message: `bad token ${token} for secret ${KEY.keySecret}` }),
    }));
    try {
      const error = await failure(client({ baseUrl: urlOf(server) }).listAgents());
      expect(error).toMatchObject({ kind: "http", status: 403, r: 3, attempts: 1 });
      expect(error.message).toContain("[redacted]");
      expect(error.message).not.toContain(KEY.keySecret);
      expect(error.message).not.toMatch(/eyJ/);
      expect(String(error.stack)).not.toContain(KEY.keySecret);
    } finally {
      await closeServer(server);
    }
  });

  it("reports a body that is not PCC's shape as invalid-response without retrying", async () => {
    let calls = 0;
    const server = await oddServer(() => {
      calls++;
      return calls === 1
        ? { status: 200, body: "<html>maintenance</html>" }
        : { status: 200, body: JSON.stringify({ r: 0, data: { totalPages: 1, agents: "none" } }) };
    });
    try {
      const c = client({ baseUrl: urlOf(server) });
      expect(await failure(c.listAgents())).toMatchObject({ kind: "invalid-response", attempts: 1 });
      const bad = await failure(c.listAgents());
      expect(bad).toMatchObject({ kind: "invalid-response" });
      expect(bad.message).toMatch(/agents: /);
      expect(calls).toBe(2);
    } finally {
      await closeServer(server);
    }
  });

  it("caches the REST token until it nears expiry", async () => {
    let nowMs = Date.now();
    const c = client({ now: () => nowMs, tokenTtlSec: 3600 });
    await c.listGroups();
    await c.listGroups();
    nowMs += 3_400_000; // inside the 5-minute refresh margin
    await c.listGroups();
    const tokens = pcc.requests.map((r) => r.token);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
    expect(pcc.requests.every((r) => r.authorized)).toBe(true);
  });
});
