import { deskCallSchema, deskPresenceSchema, deskStatusSchema } from "@callboard/contracts";
import { own } from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { submitAsPerson } from "../audited-submit.ts";
import type { Context } from "../context.ts";
import { agentProcedure } from "../trpc.ts";

/** The linked agent must be in the center (an admin may link a user before the agent is synced). */
function ensureAgent(ctx: Context, agentId: string): void {
  if (!own(ctx.core.state.agents, agentId)) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `your agent "${agentId}" is not in the center (not synced yet, or the link is wrong)`,
    });
  }
}

/** Only the tab holding the softphone may act on calls: a second tab says so instead of racing the first. */
function ensureSoftphone(ctx: Context, agentId: string, deviceId: string): void {
  if (!ctx.desk.holdsSoftphone(agentId, deviceId)) {
    throw new TRPCError({
      code: "CONFLICT",
      message: "your softphone is open in another tab; use that tab, or take the softphone over here",
    });
  }
}

/**
 * The agent desk (`/agent`): every procedure acts as the signed-in agent (ctx.agentId, from the
 * session). None takes an agent id, so an agent can never act on another agent.
 */
export const deskRouter = {
  /** The agent's own manual status: an event every board sees; in stringee mode written to PCC first. */
  setStatus: agentProcedure.input(deskStatusSchema).mutation(async ({ ctx, input }) => {
    ensureAgent(ctx, ctx.agentId);
    const before = own(ctx.core.state.agents, ctx.agentId)?.manualStatus ?? null;
    await ctx.pcc?.setManualStatus(ctx.agentId, input.status);
    return submitAsPerson(
      ctx,
      ctx.actor,
      { type: "agent.manual_status_set", agentId: ctx.agentId, status: input.status },
      {
        action: "agent.manual_status_set",
        before: { manualStatus: before },
        after: { manualStatus: input.status },
      },
    );
  }),
  answer: agentProcedure.input(deskCallSchema).mutation(({ ctx, input }) => {
    ensureSoftphone(ctx, ctx.agentId, input.deviceId);
    return ctx.desk.telephony.answer(ctx.agentId, input.callId);
  }),
  decline: agentProcedure.input(deskCallSchema).mutation(({ ctx, input }) => {
    ensureSoftphone(ctx, ctx.agentId, input.deviceId);
    return ctx.desk.telephony.decline(ctx.agentId, input.callId);
  }),
  hangUp: agentProcedure.input(deskCallSchema).mutation(({ ctx, input }) => {
    ensureSoftphone(ctx, ctx.agentId, input.deviceId);
    return ctx.desk.telephony.hangUp(ctx.agentId, input.callId);
  }),
  /** The page is open (repeated as a heartbeat) or closing; the answer says whether this tab rings. */
  presence: agentProcedure.input(deskPresenceSchema).mutation(({ ctx, input }) => {
    ensureAgent(ctx, ctx.agentId);
    return ctx.desk.presence(ctx.agentId, input);
  }),
  /**
   * Stringee mode: the page's own short-lived client token (userId = the agent, icc_api), through
   * the agent's session — never the operator token. Asked again before it expires.
   */
  token: agentProcedure.mutation(({ ctx }) => {
    const issue = ctx.desk.issueToken;
    if (!issue) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "standalone mode: Callboard's own softphone needs no Stringee token",
      });
    }
    ensureAgent(ctx, ctx.agentId);
    return issue(ctx.agentId);
  }),
} satisfies TRPCRouterRecord;
