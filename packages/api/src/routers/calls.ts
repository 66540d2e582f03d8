import {
  CALL_SEARCH_LIMIT,
  type CallSearchResult,
  callIdSchema,
  callSearchSchema,
} from "@callboard/contracts";
import { own } from "@callboard/routing";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { viewerProcedure } from "../trpc.ts";

export const callsRouter = {
  /** Everything that happened to a call, in order: arrival, admission, offers, answer, end. */
  timeline: viewerProcedure
    .input(z.strictObject({ callId: callIdSchema }))
    .query(({ ctx, input }) => ctx.log.forCall(input.callId)),
  /**
   * Calls by id or by caller's number (with or without its "+"), ended ones included, newest first,
   * at most CALL_SEARCH_LIMIT: index seeks in the log (EventLog.searchCalls), never a scan.
   */
  search: viewerProcedure.input(callSearchSchema).query(({ ctx, input }): CallSearchResult => {
    const { query } = input;
    const numbers = query.startsWith("+") ? [query, query.slice(1)] : [query, `+${query}`];
    const hits = ctx.log.searchCalls(query, numbers, CALL_SEARCH_LIMIT + 1);
    return {
      calls: hits.slice(0, CALL_SEARCH_LIMIT).map((hit) => {
        return {
          callId: hit.callId,
          from: hit.caller,
          queueId: String(hit.arrival["queueId"]),
          arrivedAt: hit.at,
          status: own(ctx.core.state.calls, hit.callId)?.status ?? "ended",
        };
      }),
      more: hits.length > CALL_SEARCH_LIMIT,
    };
  }),
} satisfies TRPCRouterRecord;
