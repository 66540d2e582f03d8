import type { ClientToServerEvents, ServerToClientEvents } from "@callboard/contracts";
import { LiveCenter } from "@callboard/live";
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootServer, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

/** Polls until `check` passes; the client applies deltas asynchronously. */
async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * The board's sync client against a real server and socket.io. The protocol's cases (gaps, other
 * histories, backoff, incompatible servers) are unit-tested with a fake socket in packages/live;
 * these check that it holds on the real wire.
 */
describe("LiveCenter against the real core", () => {
  let server: Booted;
  let center: LiveCenter;
  const converged = () => {
    expect(center.current.state?.seq).toBe(server.app.core.state.seq);
    expect(center.current.state).toEqual(JSON.parse(JSON.stringify(server.app.core.state)));
  };

  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie: server.cookie },
      forceNew: true,
      autoConnect: false,
    });
    center = new LiveCenter(socket);
    center.start();
    await eventually(() => expect(center.current.connection.kind).toBe("live"));
  });
  afterEach(async () => {
    center.stop();
    await server.destroy();
  });

  it("gets the snapshot from its first subscribe, then follows the live stream, routing included", async () => {
    converged();
    const { seq } = await server.trpc.agents.setManualStatus.mutate({ agentId: "hoa", status: "AVAILABLE" });
    await center.whenApplied(seq);
    expect(center.current.state?.agents.hoa?.manualStatus).toBe("AVAILABLE");
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    await eventually(converged);
    expect(center.current.state?.calls.c1?.status).toBe("ringing");
  });

  it("catches up after the server drops the connection, and says it is stale meanwhile", async () => {
    server.app.io.disconnectSockets(true);
    await eventually(() => expect(center.current.connection.kind).toBe("reconnecting"));
    await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status: "SHORT_BREAK" });
    await server.submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84900000002" });
    await eventually(() => expect(center.current.connection.kind).toBe("live"));
    await eventually(converged);
  });
});
