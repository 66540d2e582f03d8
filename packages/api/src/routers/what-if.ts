import { checkWhatIfPeriod, whatIfInputSchema, whatIfRunSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { type WhatIfStatus, WhatIfUnavailableError } from "../context.ts";
import { supervisorProcedure } from "../trpc.ts";

/**
 * What-if replay (supervisors and up): replays a past period of a queue under one change in a
 * worker thread and compares it with the real day. One run at a time per server; the page polls
 * `status` for the progress bar and the result, and may `cancel`.
 */
export const whatIfRouter = {
  start: supervisorProcedure.input(whatIfInputSchema).mutation(({ ctx, input }) => {
    if (!own(ctx.core.state.queues, input.queueId))
      throw new TRPCError({ code: "NOT_FOUND", message: `queueId: no queue "${input.queueId}"` });
    const refusal = checkWhatIfPeriod(input.from, input.to, ctx.clock());
    if (refusal)
      throw new TRPCError({ code: "BAD_REQUEST", message: `${refusal.field}: ${refusal.message}` });
    try {
      return ctx.whatIf.start(input);
    } catch (error) {
      if (!(error instanceof WhatIfUnavailableError)) throw error;
      throw new TRPCError({
        code: error.reason === "busy" ? "CONFLICT" : "PRECONDITION_FAILED",
        message: error.message,
      });
    }
  }),

  status: supervisorProcedure.input(whatIfRunSchema).query(({ ctx, input }): WhatIfStatus => {
    const status = ctx.whatIf.status(input.runId);
    if (!status)
      throw new TRPCError({ code: "NOT_FOUND", message: `runId: no what-if run "${input.runId}"` });
    return status;
  }),

  cancel: supervisorProcedure.input(whatIfRunSchema).mutation(({ ctx, input }) => {
    if (!ctx.whatIf.status(input.runId))
      throw new TRPCError({ code: "NOT_FOUND", message: `runId: no what-if run "${input.runId}"` });
    return { cancelled: ctx.whatIf.cancel(input.runId) };
  }),
} satisfies TRPCRouterRecord;
