import { afterAll, describe, expect, it } from "vitest";
import { bootServer, seedCenter } from "./test-support.ts";

describe("queue KPIs in the server", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    const { rmSync } = await import("node:fs");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("folds every appended event live, and a restart rebuilds the same figures from the log", async () => {
    const server = await bootServer();
    dirs.push(server.dir);
    const { app, clock, submit } = server;
    await seedCenter(submit);
    clock.now += 1000;
    await submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    const agentId = app.core.state.calls.c1!.ringing[0]!;
    clock.now += 8000;
    await submit({ type: "call.answered", callId: "c1", agentId });
    clock.now += 60_000;
    await submit({ type: "call.ended", callId: "c1" });
    clock.now += 1000;
    await submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84900000002" });
    clock.now += 2000;
    await submit({ type: "call.abandoned", callId: "c2" }); // 2 s: a short abandon

    const now = clock.now + 5000;
    const live = app.kpis("sales", now)!;
    expect(live.today).toMatchObject({
      arrived: 2,
      offered: 2,
      answered: 1,
      answeredInServiceLevel: 1,
      shortAbandoned: 1,
      waitSec: 8,
      serviceLevel: 1,
    });
    expect(live.window.answered).toBe(1);
    expect(app.kpis("nope", now)).toBeNull();
    // The clock is the default `now`.
    expect(app.kpis("sales")!.now).toBe(clock.now);
    await server.stop();

    const again = await bootServer(server.dir, now);
    expect(again.app.kpis("sales", now)).toEqual(live);
    await again.stop();
  });

  it("keeps each agent's figures today live, hands them out with the snapshot, and rebuilds them at restart", async () => {
    const server = await bootServer();
    dirs.push(server.dir);
    const { app, clock, submit, trpc } = server;
    await seedCenter(submit);
    clock.now += 1000;
    await submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84900000001" });
    const agentId = app.core.state.calls.c1!.ringing[0]!;
    clock.now += 3000;
    await submit({ type: "call.answered", callId: "c1", agentId });
    clock.now += 45_000;
    await submit({ type: "call.ended", callId: "c1" });
    const snapshot = await trpc.center.snapshot.query();
    expect(snapshot.state.seq).toBe(app.core.state.seq);
    expect(snapshot.agentsToday.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(snapshot.agentsToday.agents).toEqual({ [agentId]: [1, 0, 45_000] });
    await server.stop();

    const again = await bootServer(server.dir, clock.now);
    expect((await again.trpc.center.snapshot.query()).agentsToday).toEqual(snapshot.agentsToday);
    await again.stop();
  });
});
