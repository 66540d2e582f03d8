import { callIdSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { viewerProcedure } from "../trpc.ts";

export const callsRouter = {
  /** Everything that happened to a call, in order: arrival, admission, offers, answer, end. */
  timeline: viewerProcedure
    .input(z.strictObject({ callId: callIdSchema }))
    .query(({ ctx, input }) => ctx.log.forCall(input.callId)),
} satisfies TRPCRouterRecord;
