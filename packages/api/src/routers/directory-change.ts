import { TRPCError } from "@trpc/server";
import type { Context } from "../context.ts";

/**
 * Stringee mode: PCC is the source of truth for agents, groups, memberships and its queue fields,
 * and the sync writes what PCC holds. An edit made only here would be undone by the next sync, so
 * it is refused with where to make it instead.
 */
export function refuseWhenPccManages(ctx: Pick<Context, "pcc">, what: string): void {
  if (ctx.pcc === null) return;
  throw new TRPCError({
    code: "PRECONDITION_FAILED",
    message: `${what} managed in Stringee PCC: change it there, and the next sync brings it here`,
  });
}
