import { setManualStatusSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import type { TRPCRouterRecord } from "@trpc/server";
import { submitAsPerson } from "../audited-submit.ts";
import { supervisorProcedure } from "../trpc.ts";

export const agentsRouter = {
  /** A supervisor changes an agent's manual status (at PCC too, in stringee mode); everyone sees it through the event stream. */
  setManualStatus: supervisorProcedure.input(setManualStatusSchema).mutation(async ({ ctx, input }) => {
    const before = own(ctx.core.state.agents, input.agentId)?.manualStatus ?? null;
    await ctx.pcc?.setManualStatus(input.agentId, input.status);
    return submitAsPerson(
      ctx,
      ctx.actor,
      { type: "agent.manual_status_set", agentId: input.agentId, status: input.status },
      {
        action: "agent.manual_status_set",
        before: { manualStatus: before },
        after: { manualStatus: input.status },
      },
    );
  }),
} satisfies TRPCRouterRecord;
