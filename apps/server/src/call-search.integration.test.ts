import { CALL_SEARCH_LIMIT } from "@callboard/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { bootServer, seedCenter } from "./test-support.ts";

/** calls.search over real HTTP, on a real SQLite log: what a viewer finds, and in what order. */
describe("call search", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    const { rmSync } = await import("node:fs");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  // Some fifty submits and a restart: more than the default 15 s on a busy shared machine.
  it("finds live and ended calls by id or caller's number, newest first, capped, and after a restart", {
    timeout: 60_000,
  }, async () => {
    const server = await bootServer();
    dirs.push(server.dir);
    const { app, clock, submit } = server;
    await seedCenter(submit);
    const viewer = await server.signedIn("viewer", "vera");
    const search = (query: string) => viewer.trpc.calls.search.query({ query });

    clock.now += 1000;
    await submit({ type: "call.arrived", callId: "ended-1", queueId: "sales", from: "+84900000001" });
    const agentId = app.core.state.calls["ended-1"]!.ringing[0]!;
    await submit({ type: "call.answered", callId: "ended-1", agentId });
    clock.now += 30_000;
    await submit({ type: "call.ended", callId: "ended-1" });
    clock.now += 1000;
    await submit({ type: "call.arrived", callId: "live-1", queueId: "sales", from: "+84900000001" });

    expect(await search("ended-1")).toEqual({
      calls: [
        {
          callId: "ended-1",
          from: "+84900000001",
          queueId: "sales",
          arrivedAt: 1_800_000_001_000,
          status: "ended",
        },
      ],
      more: false,
    });
    // The number with or without its "+", newest first; the live call says where it is.
    for (const query of ["+84900000001", "84900000001"]) {
      const found = await search(query);
      expect(found.calls.map((c) => [c.callId, c.status])).toEqual([
        ["live-1", "ringing"],
        ["ended-1", "ended"],
      ]);
    }
    expect(await search("nobody")).toEqual({ calls: [], more: false });
    // Not a search for part of a number: exact ids and numbers only (an index seek each).
    expect((await search("849000")).calls).toEqual([]);

    // One number calling more often than a page holds: the newest CALL_SEARCH_LIMIT, and "more".
    for (let i = 0; i < CALL_SEARCH_LIMIT + 3; i++) {
      clock.now += 1000;
      await submit({ type: "call.arrived", callId: `busy-${i}`, queueId: "sales", from: "+84911111111" });
      await submit({ type: "call.abandoned", callId: `busy-${i}` });
    }
    const busy = await search("+84911111111");
    expect(busy.more).toBe(true);
    expect(busy.calls).toHaveLength(CALL_SEARCH_LIMIT);
    expect(busy.calls[0]!.callId).toBe(`busy-${CALL_SEARCH_LIMIT + 2}`);
    expect(busy.calls.at(-1)!.callId).toBe("busy-3");

    await server.stop();
    const again = await bootServer(server.dir, clock.now);
    const reader = await again.signedIn("viewer", "vera");
    const after = await reader.trpc.calls.search.query({ query: "84900000001" });
    expect(after.calls.map((c) => c.callId)).toEqual(["live-1", "ended-1"]);
    await again.stop();
  });

  it("refuses a query that cannot be an id or a number, naming the field, over HTTP", async () => {
    const server = await bootServer();
    dirs.push(server.dir);
    const viewer = await server.signedIn("viewer");
    const get = (query: unknown) =>
      fetch(`${server.url}/trpc/calls.search?input=${encodeURIComponent(JSON.stringify({ query }))}`, {
        headers: { cookie: viewer.cookie },
      });
    for (const bad of ["", "   ", "has space", "x".repeat(129), "số"]) {
      const response = await get(bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(await response.text()).toContain("query");
    }
    expect((await get("c1")).status).toBe(200);
    await server.stop();
  });
});
