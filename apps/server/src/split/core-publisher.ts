import type { CoreBatchMessage, CoreBeatMessage } from "@callboard/contracts";
import { wallboardTiles } from "@callboard/contracts";
import type { QueueKpis } from "@callboard/kpi";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { Server } from "socket.io";
import type { BoardFeed } from "../board-feed.ts";
import type { Core } from "../core.ts";
import { type CallboardServer, HEARTBEAT_INTERVAL_MS } from "../gateway.ts";
import { kpiViews } from "../live-source.ts";
import { closeRedis, connectRedis } from "./redis.ts";

/**
 * The core's side of the split (decision 0018): a Socket.IO server with no port of its own, joined
 * to the gateways through the Redis Streams adapter. Each board batch goes out as the feed made it
 * (serialized and gzipped once), and once a second a beat with what gateways cannot compute without
 * the center: the seq, every queue's KPI view and wallboard tile. Serializing for sockets, holding
 * them and their catch-up is the gateways' work, so fan-out never stalls routing.
 *
 * While Redis is down nothing is published (no queue grows in the core); gateways notice the
 * silence (their boards go stale) and, when Redis is back, the gap in seqs (their boards catch up).
 */
export function publishToGateways(options: {
  redisUrl: string;
  feed: BoardFeed;
  core: Core;
  clock: () => number;
  kpisOf: (queueId: string, now: number) => QueueKpis | null;
  logger: Logger;
}): { close(): Promise<void> } {
  const { feed, core, clock, kpisOf } = options;
  const redis = connectRedis(options.redisUrl, options.logger, "core → gateways");
  const io: CallboardServer = new Server({ adapter: createAdapter(redis) as never });
  const reachable = () => redis.status === "ready";

  const unsubscribe = feed.onBatch(({ fromSeq, toSeq, bytes }) => {
    if (!reachable()) return;
    const message: CoreBatchMessage = { centerId: feed.centerId, fromSeq, toSeq, bytes };
    io.serverSideEmit("core:batch", message);
  });
  const beat = setInterval(() => {
    if (!reachable()) return;
    const now = clock();
    const queueIds = Object.keys(core.state.queues);
    const message: CoreBeatMessage = {
      centerId: feed.centerId,
      seq: core.state.seq,
      serverTime: now,
      kpis: kpiViews(core, kpisOf, now),
      tiles: wallboardTiles(core.state, queueIds, now, (id) => kpisOf(id, now)),
    };
    io.serverSideEmit("core:beat", message);
  }, HEARTBEAT_INTERVAL_MS);

  return {
    close: async () => {
      clearInterval(beat);
      unsubscribe();
      // io.close() would close an engine this server never had (no port): close its adapter only.
      await io.of("/").adapter.close();
      await closeRedis(redis);
    },
  };
}
