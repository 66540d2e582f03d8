import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRestToken } from "../rest-token.ts";
import { type FakePcc, startFakePcc } from "./fake-pcc.ts";

const KEY = { keySid: "SK_TEST", keySecret: "fake-secret-value" };
let pcc: FakePcc;

beforeEach(async () => {
  pcc = await startFakePcc({ ...KEY, projectId: 42 });
});
afterEach(async () => {
  await pcc.close();
});

async function get(path: string, token?: string | null) {
  const auth = token === undefined ? await createRestToken({ ...KEY, nowMs: Date.now() }) : token;
  const response = await fetch(`${pcc.url}${path}`, { headers: auth ? { "X-STRINGEE-AUTH": auth } : {} });
  const text = await response.text();
  const body = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : { text };
  return { status: response.status, body };
}

describe("fake PCC", () => {
  it("lists agents in PCC's envelope with string counts and paging", async () => {
    for (let i = 0; i < 3; i++) pcc.store.addAgent({ stringeeUserId: `u${i}` });
    const { status, body } = await get("/v1/agent?page=2&limit=2");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      r: 0,
      message: "Load agent(s) success",
      project: 42,
      data: { totalAgents: "3", totalPages: 2, currentPage: 2, limit: 2 },
    });
    const agents = (body.data as { agents: { id: string; stringee_user_id: string }[] }).agents;
    expect(agents.map((a) => a.stringee_user_id)).toEqual(["u2"]);
    expect(agents[0]?.id).toMatch(/^AG_[0-9A-Z]{16}$/);
    expect((await get("/v1/agent")).body).toMatchObject({
      data: { limit: 50, currentPage: 1, totalPages: 1 },
    });
  });

  it("shapes ids like PCC and lists members and routings per group and queue", async () => {
    const a = pcc.store.addAgent({ stringeeUserId: "lan" });
    const g = pcc.store.addGroup("Sales");
    const q = pcc.store.addQueue({ name: "Hotline" });
    pcc.store.addMember(g, a);
    const r = pcc.store.routeQueueToGroup(q, g, true);
    expect([g, q, r].map((id) => id.replace(/[0-9A-Z]{16}$/, ""))).toEqual(["GR_", "QU_", "GR_RO_"]);
    expect((await get(`/v1/manage-agents-in-group?group=${g}`)).body.data).toMatchObject({
      totalCount: "1",
      groupAgents: [{ agent_id: a, group_id: g, project: 42 }],
    });
    expect((await get(`/v1/routing-call-to-groups?queue=${q}`)).body.data).toMatchObject({
      groupRoutings: [{ id: r, queue_id: q, group_id: g, primary_group: 1 }],
    });
    expect((await get("/v1/group")).body.data).toMatchObject({
      totalGroups: "1",
      groups: [{ number_of_agent: 1 }],
    });
  });

  it("refuses a missing, forged or expired token with a non-zero r", async () => {
    expect(await get("/v1/agent", null)).toMatchObject({ status: 401, body: { r: 1 } });
    const forged = await createRestToken({ ...KEY, keySecret: "wrong", nowMs: Date.now() });
    expect(await get("/v1/agent", forged)).toMatchObject({ status: 401, body: { r: 1 } });
    const expired = await createRestToken({ ...KEY, nowMs: Date.now() - 7_200_000 });
    const { body } = await get("/v1/agent", expired);
    expect(body.message).toMatch(/expired/);
    const viaQuery = await createRestToken({ ...KEY, nowMs: Date.now() });
    expect((await get(`/v1/agent?access_token=${viaQuery}`, null)).status).toBe(200);
    expect(pcc.requests.map((r) => r.authorized)).toEqual([false, false, false, true]);
  });

  it("injects failures into the next requests", async () => {
    pcc.failNext(1, "http500");
    pcc.failNext(1, "api-error");
    expect(await get("/v1/agent")).toEqual({ status: 500, body: { text: "Internal Server Error" } });
    expect(await get("/v1/agent")).toMatchObject({ status: 200, body: { r: 1 } });
    expect(await get("/v1/agent")).toMatchObject({ status: 200, body: { r: 0 } });
    pcc.failNext(1, "timeout");
    await expect(
      fetch(`${pcc.url}/v1/agent`, { signal: AbortSignal.timeout(100) }).then((r) => r.status),
    ).rejects.toThrow();
  });

  it("answers 404 for unknown routes and records", async () => {
    expect((await get("/v1/nothing")).status).toBe(404);
    const token = await createRestToken({ ...KEY, nowMs: Date.now() });
    const response = await fetch(`${pcc.url}/v1/agent/AG_NOPE`, {
      method: "PUT",
      headers: { "X-STRINGEE-AUTH": token, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(response.status).toBe(404);
  });
});
