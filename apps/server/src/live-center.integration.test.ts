import { Room } from "@callboard/contracts";
import { LiveCenter } from "@callboard/live";
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

/** The board's sync client (snapshot + deltas) against a real server and socket. */
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
    center = new LiveCenter(server.url, () => server.trpc.center.snapshot.query());
    await center.start();
    await eventually(() => expect(center.current.connection.kind).toBe("live"));
  });
  afterEach(async () => {
    center.stop();
    await server.destroy();
  });

  it("starts from the snapshot and follows the live stream, routing included", async () => {
    converged();
    await server.trpc.agents.setManualStatus.mutate({ agentId: "hoa", status: "AVAILABLE" });
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

  it("never applies a batch across a seq gap: it asks for what is missing instead", async () => {
    const seq = server.app.core.state.seq;
    const { centerId } = await server.trpc.center.snapshot.query();
    const phantom = {
      seq: seq + 2,
      at: 0,
      type: "agent.manual_status_set",
      agentId: "lan",
      status: "INVISIBLE",
    };
    server.app.io.to(Room.BOARD).emit("events:appended", {
      centerId,
      fromSeq: seq + 2,
      toSeq: seq + 2,
      events: [phantom as never],
      serverTime: server.clock.now,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(center.current.state?.agents.lan?.manualStatus).toBe("AVAILABLE");
    await server.submit({ type: "agent.manual_status_set", agentId: "minh", status: "LUNCH_BREAK" });
    await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status: "AVAILABLE" });
    await eventually(converged);
    expect(center.current.state?.agents.lan?.manualStatus).toBe("AVAILABLE");
  });

  it("drops a history it does not hold and reloads the server's instead", async () => {
    server.app.io.to(Room.BOARD).emit("events:appended", {
      centerId: "someone-else",
      fromSeq: server.app.core.state.seq + 1,
      toSeq: server.app.core.state.seq + 1,
      events: [
        {
          seq: server.app.core.state.seq + 1,
          at: 0,
          type: "agent.manual_status_set",
          agentId: "lan",
          status: "INVISIBLE",
        } as never,
      ],
      serverTime: server.clock.now,
    });
    await new Promise((r) => setTimeout(r, 100));
    await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status: "AVAILABLE" });
    await eventually(converged);
    expect(center.current.state?.agents.lan?.manualStatus).toBe("AVAILABLE");
  });
});
