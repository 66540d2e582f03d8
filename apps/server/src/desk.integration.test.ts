import {
  type AgentDeskView,
  type AgentSubscribeResult,
  DESK_PRESENCE_TTL_MS,
  LIVE_PROTOCOL_VERSION,
} from "@callboard/contracts";
import { QUEUE_DEFAULTS } from "@callboard/routing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppPresence, RESTART_GRACE_MS } from "./desk/app-presence.ts";
import { bootServer, type ClientSocket, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

const TAB = "tab-lan-aaaa";
const OTHER_TAB = "tab-lan-bbbb";

function subscribe(socket: ClientSocket, input: unknown = { protocol: LIVE_PROTOCOL_VERSION }) {
  return new Promise<AgentSubscribeResult>((resolve) =>
    (socket.emit as (e: string, i: unknown, ack: (r: AgentSubscribeResult) => void) => void)(
      "agent:subscribe",
      input,
      resolve,
    ),
  );
}

/** Resolves with the next desk view that passes `match`. */
function nextView(socket: ClientSocket, match: (view: AgentDeskView) => boolean, timeoutMs = 3000) {
  return new Promise<AgentDeskView>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no matching agent:update in time")), timeoutMs);
    const onView = (view: AgentDeskView) => {
      if (!match(view)) return;
      clearTimeout(timer);
      socket.off("agent:update", onView);
      resolve(view);
    };
    socket.on("agent:update", onView);
  });
}

describe("the agent desk, over the real server (standalone telephony)", () => {
  let server: Booted;
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
    // Lan starts offline and on a break: the desk brings her in.
    await server.submit({ type: "agent.presence_changed", agentId: "lan", signal: "app", online: false });
    await server.submit({ type: "agent.manual_status_set", agentId: "lan", status: "LUNCH_BREAK" });
  });
  afterEach(async () => {
    await server.destroy();
  });

  it("signs in, goes online and Available, is rung, answers, hangs up, wraps up", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    const socket = server.socket(lan.cookie);
    const first = await subscribe(socket);
    if (!first.ok) throw new Error(first.error);
    expect(first.data.agent).toMatchObject({ id: "lan", manualStatus: "LUNCH_BREAK", online: [] });
    expect(first.data.telephony).toBe("standalone");

    expect(await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: true })).toEqual({
      online: true,
      holdsSoftphone: true,
    });
    await lan.trpc.desk.setStatus.mutate({ status: "AVAILABLE" });
    // The once-a-second view may show the status a moment before the note of who set it.
    const available = await nextView(
      socket,
      (v) => v.agent.manualStatus === "AVAILABLE" && v.statusNote?.status === "AVAILABLE",
    );
    expect(available.agent.online).toEqual(["app"]);
    expect(available.statusNote).toMatchObject({ by: "lan-desk", status: "AVAILABLE" });

    // Minh takes the first call, so Lan (the longest idle after him) gets the second.
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "SHORT_BREAK" });
    const ringing = nextView(socket, (v) => v.offer !== null);
    server.clock.now += 5_000;
    await server.submit({ type: "call.arrived", callId: "c1", queueId: "sales", from: "84901234567" });
    const offered = await ringing;
    expect(offered.offer).toMatchObject({
      callId: "c1",
      from: "84901234567",
      queueName: "Sales",
      why: { strategy: "longest-idle", rank: 1, pool: 1, backup: false, missedThisCall: false },
    });

    // A second tab is told the softphone is elsewhere and cannot answer.
    expect(await lan.trpc.desk.presence.mutate({ deviceId: OTHER_TAB, online: true })).toEqual({
      online: true,
      holdsSoftphone: false,
    });
    await expect(lan.trpc.desk.answer.mutate({ callId: "c1", deviceId: OTHER_TAB })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });

    const onCall = nextView(socket, (v) => v.call !== null);
    await lan.trpc.desk.answer.mutate({ callId: "c1", deviceId: TAB });
    expect((await onCall).call).toMatchObject({ callId: "c1", queueName: "Sales" });
    // Answering again, or a call already taken: a clear refusal, nothing written.
    const seq = server.app.core.state.seq;
    await expect(lan.trpc.desk.answer.mutate({ callId: "c1", deviceId: TAB })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
    await expect(lan.trpc.desk.answer.mutate({ callId: "gone", deviceId: TAB })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
      message: expect.stringContaining("ended or was withdrawn"),
    });
    expect(server.app.core.state.seq).toBe(seq);

    // The network drops mid-call: a desk that reconnects gets the call back from the server.
    socket.disconnect();
    const again = server.socket(lan.cookie);
    const back = await subscribe(again);
    expect(back).toMatchObject({ ok: true, data: { call: { callId: "c1", from: "84901234567" } } });
    socket.connect();
    await subscribe(socket);

    server.clock.now += 42_000;
    // The page's heartbeat (every DESK_HEARTBEAT_MS) keeps this tab's hold on the softphone.
    await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: true });
    const wrapping = nextView(socket, (v) => v.call === null && v.agent.wrapUpUntil !== null);
    await lan.trpc.desk.hangUp.mutate({ callId: "c1", deviceId: TAB });
    const wrap = await wrapping;
    expect(wrap.agent.wrapUpUntil).toBe(server.clock.now + QUEUE_DEFAULTS.wrapUpTimeLimit * 1000);
    expect(wrap.today).toMatchObject({ answered: 1, talkMs: 42_000 });
    await expect(lan.trpc.desk.hangUp.mutate({ callId: "c1", deviceId: TAB })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
  });

  it("a decline is a missed offer counted on the desk, and the call moves on", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    const socket = server.socket(lan.cookie);
    await subscribe(socket);
    await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: true });
    await lan.trpc.desk.setStatus.mutate({ status: "AVAILABLE" });
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "SHORT_BREAK" });
    await server.submit({ type: "call.arrived", callId: "c2", queueId: "sales", from: "84901234567" });
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "AVAILABLE" });
    const declined = nextView(socket, (v) => v.offer === null && v.agent.missedOffers === 1);
    await lan.trpc.desk.decline.mutate({ callId: "c2", deviceId: TAB });
    expect((await declined).today?.missed).toBe(1);
    expect(server.app.core.state.calls.c2?.ringing).toEqual(["minh"]);
  });

  it("an agent's socket carries its own agent only: never another agent, never the board", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    const socket = server.socket(lan.cookie);
    const first = await subscribe(socket);
    const text = JSON.stringify(first);
    for (const other of ["minh", "Minh Tran", "hoa", "Hoa Le"]) expect(text).not.toContain(other);
    let leaked = "";
    socket.on("board:delta", () => {
      leaked += "a board delta";
    });
    socket.on("agent:update", (view) => {
      if (view.agent.id !== "lan") leaked += JSON.stringify(view);
    });
    await server.trpc.agents.setManualStatus.mutate({ agentId: "minh", status: "SHORT_BREAK" });
    await server.submit({ type: "call.arrived", callId: "c3", queueId: "sales", from: "84907654321" });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(leaked).toBe("");
    // Staff cannot open a desk; a bad input is named.
    const viewer = await server.signedIn("viewer");
    expect(await subscribe(server.socket(viewer.cookie))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^FORBIDDEN/),
    });
    expect(await subscribe(socket, { protocol: "one" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("protocol"),
    });
  });

  it("the page's presence: heartbeats keep the agent online; silence logs it out after the ttl", async () => {
    const lan = await server.signedIn("agent", "lan-desk");
    await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: true });
    expect(server.app.core.state.agents.lan?.presence.app).toBe(true);
    // The sweep of the server's own tracker runs on a timer; a second tracker over the same core
    // shows the rule with the test's clock.
    const presence = new AppPresence({
      core: server.app.core,
      clock: () => server.clock.now,
      onProblem: () => {},
      watchLoginsAtBoot: false,
    });
    try {
      await presence.report("lan", true, DESK_PRESENCE_TTL_MS);
      server.clock.now += DESK_PRESENCE_TTL_MS - 1;
      presence.sweep();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.app.core.state.agents.lan?.presence.app).toBe(true);
      server.clock.now += 1;
      presence.sweep();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.app.core.state.agents.lan?.presence.app).toBe(false);
    } finally {
      presence.close();
    }
    // At boot, standalone mode assumes nothing of logins a feed made (no heartbeats come for them);
    // stringee mode gives every login a grace period to report again.
    await server.submit({ type: "agent.presence_changed", agentId: "minh", signal: "app", online: true });
    for (const watchLoginsAtBoot of [false, true]) {
      const booted = new AppPresence({
        core: server.app.core,
        clock: () => server.clock.now,
        onProblem: () => {},
        watchLoginsAtBoot,
      });
      server.clock.now += RESTART_GRACE_MS;
      booted.sweep();
      booted.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.app.core.state.agents.minh?.presence.app).toBe(!watchLoginsAtBoot);
    }

    // The page closing says so at once.
    await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: true });
    await lan.trpc.desk.presence.mutate({ deviceId: TAB, online: false });
    expect(server.app.core.state.agents.lan?.presence.app).toBe(false);
  });
});
