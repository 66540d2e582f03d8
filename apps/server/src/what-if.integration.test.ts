import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootServer, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;
const MINUTE = 60_000;

/**
 * What-if through the real server: the run happens in a worker thread (tsx-loaded here, the
 * bundled what-if-worker.js in production) over its own read-only connection to the log's file.
 */
describe("what-if replay", () => {
  let server: Booted;
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    await server.destroy();
  });

  async function finished(trpc: Booted["trpc"], runId: string) {
    for (;;) {
      const status = await trpc.whatIf.status.query({ runId });
      if (status.state !== "running") return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("replays a recorded hour in a worker, unchanged and changed, and writes nothing to the log", async () => {
    const from = server.clock.now;
    for (let i = 1; i <= 12; i++) {
      server.clock.now += 2 * MINUTE;
      await server.submit({ type: "call.arrived", callId: `c${i}`, queueId: "sales", from: "+84900000001" });
      const ringing = server.app.core.state.calls[`c${i}`]?.ringing ?? [];
      server.clock.now += 4_000;
      if (ringing[0]) await server.submit({ type: "call.answered", callId: `c${i}`, agentId: ringing[0] });
      server.clock.now += 60_000;
      await server.submit({ type: "call.ended", callId: `c${i}` });
    }
    server.clock.now += 10 * MINUTE;
    const to = server.clock.now - MINUTE;
    const supervisor = await server.signedIn("supervisor");
    const seq = server.app.core.state.seq;

    const same = await finished(
      supervisor.trpc,
      (await supervisor.trpc.whatIf.start.mutate({ queueId: "sales", from, to, change: { kind: "none" } }))
        .runId,
    );
    if (same.state !== "done" || same.result.kind !== "done") throw new Error(JSON.stringify(same));
    expect(same.result.decisions).toMatchObject({ real: 12, whatIf: 12, differing: 0 });
    // The calls' figures are the same. (Not the last wrap-up: this test's clock is fake, so the core's
    // real timer for it has not fired yet, while the run wakes at its deadline as a live core would.)
    const { real, whatIf } = same.result;
    expect(real.kpi.answered).toBe(12);
    for (const key of ["offered", "answered", "abandoned", "serviceLevel", "asaSec"] as const)
      expect(whatIf.kpi[key], key).toBe(real.kpi[key]);
    expect(whatIf.waiting).toEqual(real.waiting);
    expect(whatIf.answeredBy).toEqual(real.answeredBy);

    const ringAll = await finished(
      supervisor.trpc,
      (
        await supervisor.trpc.whatIf.start.mutate({
          queueId: "sales",
          from,
          to,
          change: { kind: "strategy", strategy: "ring-all" },
        })
      ).runId,
    );
    if (ringAll.state !== "done" || ringAll.result.kind !== "done") throw new Error(JSON.stringify(ringAll));
    expect(ringAll.result.decisions.differing).toBeGreaterThan(0);
    const diff = ringAll.result.decisions.first[0]!;
    expect(diff.whatIf?.strategy).toBe("ring-all");
    expect(diff.whatIf?.table.agentIds.length).toBeGreaterThan(0);

    // A period before the center had any call says so.
    const empty = await finished(
      supervisor.trpc,
      (
        await supervisor.trpc.whatIf.start.mutate({
          queueId: "sales",
          from: from - 3 * 60 * MINUTE,
          to: from - 2 * 60 * MINUTE,
          change: { kind: "none" },
        })
      ).runId,
    );
    expect(empty).toMatchObject({ state: "done", result: { kind: "no-data" } });

    // Nothing was written to the live log (the worker's connection is read-only besides).
    expect(server.app.core.state.seq).toBe(seq);
  });

  it("is for supervisors and up, runs one at a time, and can be cancelled", async () => {
    const viewer = await server.signedIn("viewer");
    const now = server.clock.now;
    const request = {
      queueId: "sales",
      from: now - 60 * MINUTE,
      to: now - MINUTE,
      change: { kind: "none" },
    } as const;
    await expect(viewer.trpc.whatIf.start.mutate(request)).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    const supervisor = await server.signedIn("supervisor");
    const { runId } = await supervisor.trpc.whatIf.start.mutate(request);
    const second = supervisor.trpc.whatIf.start.mutate(request);
    await expect(second).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    expect(await supervisor.trpc.whatIf.cancel.mutate({ runId })).toEqual({ cancelled: true });
    expect(await supervisor.trpc.whatIf.status.query({ runId })).toMatchObject({ state: "cancelled" });
    // Cancelled, so the next one may start.
    const next = await supervisor.trpc.whatIf.start.mutate(request);
    expect(await finished(supervisor.trpc, next.runId)).toMatchObject({ state: "done" });
  });
});
