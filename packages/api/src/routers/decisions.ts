import { agentIdSchema, callIdSchema } from "@callboard/contracts";
import { type Decision, type LoggedEvent, own } from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { viewerProcedure } from "../trpc.ts";

/** The decisions that logged call.offered events carry. */
const decisionsOf = (events: LoggedEvent[]): Decision[] =>
  events.flatMap((event) => (event.type === "call.offered" ? [event.decision] : []));

export const decisionsRouter = {
  /** Every routing decision for a call, first offer first: "why did this call ring Lan?". */
  byCall: viewerProcedure
    .input(z.strictObject({ callId: callIdSchema }))
    .query(({ ctx, input }) => decisionsOf(ctx.log.forCall(input.callId, { type: "call.offered" }))),

  /** Decisions an agent was a candidate in, newest first, paged by seq: "why did Minh not get calls?". */
  byAgent: viewerProcedure
    .input(
      z.strictObject({
        agentId: agentIdSchema,
        beforeSeq: z.number().int().min(1).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => {
      if (!own(ctx.core.state.agents, input.agentId)) {
        throw new TRPCError({ code: "NOT_FOUND", message: `agent "${input.agentId}" does not exist` });
      }
      const events = ctx.log.forAgent(input.agentId, "call.offered", input);
      return {
        decisions: decisionsOf(events),
        /** Pass as beforeSeq for the next page; null when there is none. */
        nextBeforeSeq: events.length === input.limit ? (events.at(-1)?.seq ?? null) : null,
      };
    }),
} satisfies TRPCRouterRecord;
