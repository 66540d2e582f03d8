import {
  type CoreBatchMessage,
  type CoreBeatMessage,
  packBatches,
  unpackBatches,
} from "@callboard/contracts";
import { describe, expect, it } from "vitest";
import { CORE_SILENCE_MS, GatewayFeed } from "./gateway-feed.ts";

const batch = (fromSeq: number, toSeq: number, centerId = "c1"): CoreBatchMessage => ({
  centerId,
  fromSeq,
  toSeq,
  bytes: new Uint8Array([fromSeq, toSeq]),
});
const beat = (seq: number, serverTime: number, centerId = "c1"): CoreBeatMessage => ({
  centerId,
  seq,
  serverTime,
  kpis: [],
  tiles: [
    { queueId: "q1", name: "One" },
    { queueId: "q2", name: "Two" },
  ] as CoreBeatMessage["tiles"],
});

function feedAt(start = 1_000) {
  const clock = { now: start, connected: true };
  const feed = new GatewayFeed(
    () => clock.now,
    () => clock.connected,
  );
  const sent: number[][] = [];
  feed.onBatch((bytes) => sent.push([...bytes]));
  return { feed, clock, sent };
}

describe("GatewayFeed", () => {
  it("keeps the core's batches in order for catch-up and passes each on once", () => {
    const { feed, sent } = feedAt();
    feed.receiveBeat(beat(0, 1_000));
    feed.receiveBatch(batch(1, 3));
    feed.receiveBatch(batch(4, 4));
    feed.receiveBatch(batch(4, 4)); // a duplicate: ignored
    expect(sent).toEqual([
      [1, 3],
      [4, 4],
    ]);
    const caughtUp = feed.catchUp(3, "c1");
    expect(caughtUp.kind).toBe("deltas");
    expect(caughtUp.kind === "deltas" && unpackBatches(caughtUp.packed).map((b) => [...b])).toEqual([[4, 4]]);
    expect(feed.catchUp(4, "c1")).toEqual({ kind: "deltas", packed: packBatches([]) });
    // Another history, or a seq the ring does not reach: a snapshot.
    expect(feed.catchUp(3, "c2")).toEqual({ kind: "snapshot", seq: 4 });
    expect(feed.catchUp(2, "c1")).toEqual({ kind: "snapshot", seq: 4 });
    expect(feed.catchUp(0, null)).toEqual({ kind: "snapshot", seq: 4 });
  });

  it("starts its ring afresh after a gap, so boards from before it load a snapshot", () => {
    const { feed, sent } = feedAt();
    feed.receiveBeat(beat(0, 1_000));
    feed.receiveBatch(batch(1, 2));
    feed.receiveBatch(batch(6, 7)); // 3–5 were missed (Redis was away)
    expect(feed.gaps).toBe(1);
    expect(sent.at(-1)).toEqual([6, 7]); // the boards see the gap themselves
    expect(feed.catchUp(2, "c1")).toEqual({ kind: "snapshot", seq: 7 });
    expect(feed.catchUp(7, "c1")).toEqual({ kind: "deltas", packed: packBatches([]) });
  });

  it("tells a board ahead of it (from a faster gateway) to wait for the batches, while it hears the core", () => {
    const { feed, clock } = feedAt();
    feed.receiveBeat(beat(5, 1_000));
    feed.receiveBatch(batch(1, 5));
    expect(feed.catchUp(9, "c1")).toEqual({ kind: "deltas", packed: packBatches([]) });
    clock.connected = false;
    expect(feed.catchUp(9, "c1")).toEqual({ kind: "snapshot", seq: 5 });
  });

  it("beats only while the core is heard over a live connection: silence makes boards stale", () => {
    const { feed, clock } = feedAt();
    expect(feed.beat()).toBeNull(); // nothing heard yet
    feed.receiveBeat(beat(3, 900));
    clock.now += 400;
    expect(feed.beat()).toEqual({ centerId: "c1", seq: 3, serverTime: 1_300, kpis: [] });
    expect(feed.wallboardTiles(["q2", "nope", "q1"])?.tiles.map((t) => t.queueId)).toEqual(["q2", "q1"]);
    clock.connected = false;
    expect(feed.beat()).toBeNull();
    expect(feed.wallboardTiles(["q1"])).toBeNull();
    clock.connected = true;
    clock.now += CORE_SILENCE_MS;
    expect(feed.beat()).toBeNull(); // the core has not beaten for too long
    feed.receiveBeat(beat(4, clock.now));
    expect(feed.beat()?.seq).toBe(4);
  });
});
