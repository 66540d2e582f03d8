import {
  BoardProjector,
  BoardReplica,
  type BoardSnapshotWire,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@callboard/contracts";
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
  let snapshotsLoaded = 0;
  /** The board holds exactly what a projection of the core's state shows, and the same digest. */
  const converged = () => {
    const { state } = server.app.core;
    expect(center.current.state?.seq).toBe(state.seq);
    const truth = new BoardReplica(
      JSON.parse(new BoardProjector("x", state, server.app.agentDays).snapshotJson(0)) as BoardSnapshotWire,
    );
    expect(center.current.state).toEqual(truth.state);
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
    snapshotsLoaded = 0;
    center = new LiveCenter(socket, async () => {
      snapshotsLoaded++;
      const response = await fetch(`${server.url}/live/snapshot`, {
        headers: { cookie: server.cookie, "accept-encoding": "br" },
      });
      if (!response.ok) throw new Error(`snapshot: ${response.status}`);
      return (await response.json()) as BoardSnapshotWire;
    });
    center.start();
    await eventually(() => expect(center.current.connection.kind).toBe("live"));
  });
  afterEach(async () => {
    center.stop();
    await server.destroy();
  });

  it("loads the snapshot its first subscribe points to, then follows the live stream, routing included", async () => {
    // "live" may be reported before the snapshot's fetch has landed: wait for the board to hold it.
    await eventually(converged);
    const { seq } = await server.trpc.agents.setManualStatus.mutate({ agentId: "hoa", status: "AVAILABLE" });
    await center.whenApplied(seq);
    expect(center.current.state?.agents.hoa?.manualStatus).toBe("AVAILABLE");
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    await eventually(converged);
    expect(center.current.state?.calls.c1?.status).toBe("ringing");
  });

  it("catches up from the ring after the server drops the connection (no new snapshot), stale meanwhile", async () => {
    await eventually(converged);
    expect(snapshotsLoaded).toBe(1);
    server.app.io.disconnectSockets(true);
    await eventually(() => expect(center.current.connection.kind).toBe("reconnecting"));
    await server.submit({ type: "agent.manual_status_set", agentId: "hoa", status: "SHORT_BREAK" });
    await server.submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84900000002" });
    await eventually(() => expect(center.current.connection.kind).toBe("live"));
    await eventually(converged);
    expect(snapshotsLoaded).toBe(1);
    expect(center.current.divergences).toBe(0);
  });
});
