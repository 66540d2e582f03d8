import { setManualStatusSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc.ts";

export const agentsRouter = {
  /** A supervisor changes an agent's manual status (at PCC too, in stringee mode); everyone sees it through the event stream. */
  setManualStatus: procedure.input(setManualStatusSchema).mutation(async ({ ctx, input }) => {
    await ctx.pcc?.setManualStatus(input.agentId, input.status);
    return ctx.core.submit({ type: "agent.manual_status_set", agentId: input.agentId, status: input.status });
  }),
} satisfies TRPCRouterRecord;
