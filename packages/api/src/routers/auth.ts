import type { Me } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.ts";

export const authRouter = {
  /** Who this browser is signed in as, or null: the page decides between the board and the sign-in form. */
  me: publicProcedure.query(({ ctx }): Me | null => {
    const p = ctx.actor.principal;
    if (p?.kind !== "user") return null;
    return { userId: p.userId, username: p.username, name: p.name, role: p.role, agentId: p.agentId };
  }),
} satisfies TRPCRouterRecord;
