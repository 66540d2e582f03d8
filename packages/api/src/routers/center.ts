import type { Snapshot } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerProcedure } from "../trpc.ts";

export const centerRouter = {
  /** The whole center with the seq it is at; the board applies socket deltas after it. */
  snapshot: viewerProcedure.query(({ ctx }): Snapshot => {
    const now = ctx.clock();
    return {
      centerId: ctx.centerId,
      state: ctx.core.state,
      agentsToday: ctx.agentsToday(now),
      serverTime: now,
    };
  }),
  /** The queues' ids and names, for pickers (wallboard scopes, filters) without the whole center. */
  queues: viewerProcedure.query(({ ctx }) =>
    Object.values(ctx.core.state.queues)
      .map((queue) => ({ id: queue.id, name: queue.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  ),
} satisfies TRPCRouterRecord;
