import { type CatchUp, kpiViewsOf, type WallboardTile, wallboardTiles } from "@callboard/contracts";
import type { QueueKpis, QueueKpiView } from "@callboard/kpi";
import type { BoardFeed } from "./board-feed.ts";
import type { Core } from "./core.ts";

/** The seq, the clock and every queue's KPI view, as a heartbeat tells them. */
export interface LiveBeat {
  centerId: string;
  seq: number;
  serverTime: number;
  kpis: QueueKpiView[];
}

/**
 * Where a gateway's live data comes from: the core in the same process (embedded mode), or the
 * core's messages over Redis (a gateway process, split/gateway-feed.ts). The gateway serves sockets
 * from it and never reads the center itself.
 */
export interface LiveSource {
  /** What a board subscribing from `sinceSeq` of history `centerId` gets (see CatchUp). */
  catchUp(sinceSeq: number, centerId: string | null): CatchUp;
  /** Each batch's bytes, in seq order, as the room gets them. */
  onBatch(listener: (bytes: Uint8Array) => void): () => void;
  /** The present, or null while this source cannot vouch for it (a gateway cut off from the core). */
  beat(): LiveBeat | null;
  /** The tiles of `queueIds` that exist, in the order asked; null like beat(). */
  wallboardTiles(queueIds: readonly string[]): { serverTime: number; tiles: WallboardTile[] } | null;
  /** Sends what is pending now (before a close). */
  flush(): void;
}

/** Every queue's KPI view at `now` (the heartbeat's content). */
export function kpiViews(
  core: Core,
  kpisOf: (queueId: string, now: number) => QueueKpis | null,
  now: number,
): QueueKpiView[] {
  return kpiViewsOf(core.state, Object.keys(core.state.queues), now, (id) => kpisOf(id, now));
}

/** The core in this process as a live source: its feed's batches and ring, its state and KPI fold. */
export function embeddedSource(options: {
  core: Core;
  feed: BoardFeed;
  clock: () => number;
  kpisOf: (queueId: string, now: number) => QueueKpis | null;
}): LiveSource {
  const { core, feed, clock, kpisOf } = options;
  return {
    catchUp: (sinceSeq, centerId) => feed.catchUp(sinceSeq, centerId),
    onBatch: (listener) => feed.onBatch((batch) => listener(batch.bytes)),
    beat: () => {
      const now = clock();
      return {
        centerId: feed.centerId,
        seq: core.state.seq,
        serverTime: now,
        kpis: kpiViews(core, kpisOf, now),
      };
    },
    wallboardTiles: (queueIds) => {
      const now = clock();
      return { serverTime: now, tiles: wallboardTiles(core.state, queueIds, now, (id) => kpisOf(id, now)) };
    },
    flush: () => feed.flush(),
  };
}
