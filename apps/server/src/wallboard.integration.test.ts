import {
  LIVE_PROTOCOL_VERSION,
  type WallboardSubscribeResult,
  type WallboardUpdate,
} from "@callboard/contracts";
import { EVENT_FORMAT } from "@callboard/routing";
import { io } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootServer, type ClientSocket, seedCenter } from "./test-support.ts";

type Booted = Awaited<ReturnType<typeof bootServer>>;

describe("wallboard screens", () => {
  let server: Booted;
  const screens: ClientSocket[] = [];
  beforeEach(async () => {
    server = await bootServer();
    await seedCenter(server.submit);
  });
  afterEach(async () => {
    for (const screen of screens.splice(0)) screen.disconnect();
    await server.destroy();
  });

  const open = (token: string): ClientSocket => {
    const screen: ClientSocket = io(server.url, {
      transports: ["websocket"],
      forceNew: true,
      auth: { wallboardToken: token },
    });
    screens.push(screen);
    return screen;
  };
  const subscribe = (screen: ClientSocket, protocol: number) =>
    new Promise<WallboardSubscribeResult>((resolve) =>
      screen.emit("wallboard:subscribe", { protocol }, resolve),
    );

  it("tells a screen built for another protocol to reload, and sends it no updates", async () => {
    const { token } = await server.trpc.wallboards.create.mutate({ label: "TV", queueIds: ["sales"] });
    const old = open(token);
    const received: WallboardUpdate[] = [];
    old.on("wallboard:update", (update) => received.push(update));
    expect(await subscribe(old, LIVE_PROTOCOL_VERSION - 1)).toEqual({
      ok: false,
      incompatible: true,
      error: expect.stringContaining("reload"),
      server: { protocol: LIVE_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT },
    });
    // A current screen on the same token joins the room and gets the next update; the old one never joined.
    const current = open(token);
    expect((await subscribe(current, LIVE_PROTOCOL_VERSION)).ok).toBe(true);
    await new Promise((resolve) => current.once("wallboard:update", resolve));
    await new Promise((resolve) => current.once("wallboard:update", resolve));
    expect(received).toEqual([]);
  });

  it("counts each member of a queue once: can ring, on call (or ringing), wrap-up or away", async () => {
    const { token } = await server.trpc.wallboards.create.mutate({ label: "TV", queueIds: ["sales"] });
    const screen = open(token);
    const tileOf = (result: WallboardSubscribeResult) => {
      if (!result.ok) throw new Error(result.error);
      return result.data.tiles[0]!;
    };
    // seedCenter: lan and minh online and Available, hoa not Available.
    expect(tileOf(await subscribe(screen, LIVE_PROTOCOL_VERSION))).toMatchObject({
      canRing: 2,
      onCall: 0,
      wrapUp: 0,
      away: 1,
      members: 3,
    });
    await server.submit({ type: "call.arrived", callId: "w1", queueId: "sales", from: "84900000001" });
    expect(tileOf(await subscribe(screen, LIVE_PROTOCOL_VERSION))).toMatchObject({
      canRing: 1,
      onCall: 1,
      wrapUp: 0,
      away: 1,
      members: 3,
    });
  });
});
