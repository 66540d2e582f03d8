import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@callboard/api";
import { type InputEvent, QUEUE_DEFAULTS } from "@callboard/routing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort, signInCookie, startCoreProcess } from "./core-process.test-support.ts";

const PASSWORD = "crash test password";
/** The real server process, as an operator runs it, so it can be killed with SIGKILL. */
const startProcess = (dbPath: string, port: number) =>
  startCoreProcess({ dbPath, port, env: { ...process.env, CALLBOARD_ADMIN_PASSWORD: PASSWORD } });

describe("kill -9 while a call rings and an agent wraps up", () => {
  const dir = mkdtempSync(join(tmpdir(), "callboard-crash-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged event and resumes every timer with its remaining time", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let cookie = "";
    const trpc = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: () => ({ cookie }) })],
    });
    const submit = (event: InputEvent) => trpc.events.submit.mutate({ event });
    const dbPath = join(dir, "callboard.db");

    const first = await startProcess(dbPath, port);
    children.push(first);
    // The first admin comes from CALLBOARD_ADMIN_PASSWORD; the session survives the kill (it is in SQLite).
    cookie = await signInCookie(url, "admin", PASSWORD);
    for (const id of ["lan", "minh"]) {
      await submit({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } });
      await submit({ type: "agent.presence_changed", agentId: id, signal: "app", online: true });
    }
    await submit({ type: "group.upserted", group: { id: "team", name: "Team", members: ["lan", "minh"] } });
    await submit({
      type: "queue.upserted",
      queue: {
        ...QUEUE_DEFAULTS,
        id: "q",
        name: "Q",
        groups: [{ groupId: "team", primary: true }],
        // Long enough for a restart on a loaded machine to usually beat them; when it does not, the
        // timeline below still proves each fired at its recorded deadline.
        waitAgentAnswerTimeout: 8,
        wrapUpTimeLimit: 6,
      },
    });
    await submit({ type: "agent.manual_status_set", agentId: "minh", status: "AVAILABLE" });
    await submit({ type: "call.arrived", callId: "c0", queueId: "q", from: "84900000000" });
    await submit({ type: "call.answered", callId: "c0", agentId: "minh" });
    await submit({ type: "call.ended", callId: "c0" }); // minh wraps up for 6 s
    await submit({ type: "agent.manual_status_set", agentId: "lan", status: "AVAILABLE" });
    const last = await submit({ type: "call.arrived", callId: "c1", queueId: "q", from: "84900000001" });

    const before = (await trpc.center.snapshot.query()).state;
    expect(before.calls.c1).toMatchObject({ status: "ringing", ringing: ["lan"] });
    const wrapUpUntil = before.agents.minh!.wrapUpUntil!;
    const offerExpiresAt = before.calls.c1!.offerExpiresAt!;
    expect(wrapUpUntil).toBeGreaterThan(Date.now());

    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    const second = await startProcess(dbPath, port);
    children.push(second);
    const askedAt = Date.now();
    const after = (await trpc.center.snapshot.query()).state;
    expect(after.seq).toBeGreaterThanOrEqual(last.seq);
    if (askedAt < wrapUpUntil) {
      // Back before either deadline: both timers are still pending, exactly as they were.
      expect(after.calls.c1).toEqual(before.calls.c1);
      expect(after.agents.minh!.wrapUpUntil).toBe(wrapUpUntil);
    }

    // The wrap-up ends, then the offer times out, each at its own deadline, and the call moves on.
    await vi.waitFor(
      async () => {
        const { state } = await trpc.center.snapshot.query();
        expect(state.calls.c1).toMatchObject({ status: "ringing", ringing: ["minh"], missedBy: ["lan"] });
      },
      { timeout: 30_000, interval: 200 },
    );
    const timeline = await trpc.calls.timeline.query({ callId: "c1" });
    expect(timeline.map((e) => e.type)).toEqual([
      "call.arrived",
      "call.queued",
      "call.offered",
      "call.offer_ended",
      "call.offered",
    ]);
    expect(timeline[3]!.at).toBe(offerExpiresAt);
    // Decisions are filed under the agents rung and the best ranked (decisionSubjects): minh, still in
    // wrap-up at c1's first attempt, could not ring and is not filed under it.
    const minhEvents = await trpc.decisions.byAgent.query({ agentId: "minh" });
    expect(minhEvents.decisions.map((d) => [d.callId, d.attempt])).toEqual([
      ["c1", 2],
      ["c0", 1],
    ]);
    second.kill("SIGTERM");
  }, 90_000);
});
