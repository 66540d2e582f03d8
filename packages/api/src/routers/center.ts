import type { Snapshot } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerProcedure } from "../trpc.ts";

export const centerRouter = {
  /** The whole center with the seq it is at; the board applies socket deltas after it. */
  snapshot: viewerProcedure.query(
    ({ ctx }): Snapshot => ({ centerId: ctx.centerId, state: ctx.core.state, serverTime: ctx.clock() }),
  ),
} satisfies TRPCRouterRecord;
