import type { AppRouter } from "@callboard/api";
import type { InputEvent } from "@callboard/routing";
import type { TRPCClientError } from "@trpc/client";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./env.ts";
import { bootServer } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

const agent = (id: string, name = id): InputEvent => ({
  type: "agent.upserted",
  agent: { id, name, phoneNumber: null, routingType: 1 },
});
const group = (id: string): InputEvent => ({ type: "group.upserted", group: { id, name: id, members: [] } });

describe("caps on the center's size (CALLBOARD_MAX_AGENTS / _QUEUES / _GROUPS)", () => {
  let live: Booted | null = null;
  afterEach(async () => {
    await live?.destroy();
    live = null;
  });

  it("are read from the environment, with the documented defaults", () => {
    expect(loadConfig({}).limits).toEqual({ maxAgents: 20_000, maxQueues: 1_000, maxGroups: 1_000 });
    expect(
      loadConfig({ CALLBOARD_MAX_AGENTS: "5", CALLBOARD_MAX_QUEUES: "2", CALLBOARD_MAX_GROUPS: "3" }).limits,
    ).toEqual({ maxAgents: 5, maxQueues: 2, maxGroups: 3 });
    expect(() => loadConfig({ CALLBOARD_MAX_AGENTS: "0" })).toThrow(/CALLBOARD_MAX_AGENTS/);
    expect(() => loadConfig({ CALLBOARD_MAX_GROUPS: "many" })).toThrow(/CALLBOARD_MAX_GROUPS/);
  });

  it("refuse a new agent or group past the cap with a clear 409, through tRPC and /api/events; a restart with a lower cap still loads the log", async () => {
    const server = await bootServer(undefined, undefined, {
      limits: { maxAgents: 2, maxQueues: 1_000, maxGroups: 1 },
    });
    live = server;
    await server.submit(agent("lan"));
    await server.submit(agent("minh"));
    await server.submit(group("g1"));
    const seq = server.app.core.state.seq;

    const viaTrpc = await server.submit(agent("hoa")).catch((e: unknown) => e);
    expect((viaTrpc as TRPCClientError<AppRouter>).data?.code).toBe("CONFLICT");
    expect((viaTrpc as Error).message).toBe("the center already has 2 agents (CALLBOARD_MAX_AGENTS)");
    const viaHttp = await server.post({ event: group("g2") });
    expect(viaHttp.status).toBe(409);
    expect(((await viaHttp.json()) as { error: string }).error).toMatch(
      "the center already has 1 group (CALLBOARD_MAX_GROUPS)",
    );
    expect(server.app.core.state.seq).toBe(seq);
    // Updating what exists is never refused.
    await server.submit(agent("lan", "Lan Nguyen"));
    await server.stop();
    live = null;

    // Caps apply to new inputs only: the log replays whole under a cap below its size.
    const restarted = await bootServer(server.dir, undefined, {
      limits: { maxAgents: 1, maxQueues: 1, maxGroups: 1 },
    });
    live = restarted;
    expect(Object.keys(restarted.app.core.state.agents)).toEqual(["lan", "minh"]);
    await restarted.submit(agent("minh", "Minh Tran"));
    await expect(restarted.submit(agent("hoa"))).rejects.toThrow(
      "the center already has 1 agent (CALLBOARD_MAX_AGENTS)",
    );
  });
});
