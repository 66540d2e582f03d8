import { createWallboardTokenSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { adminProcedure } from "../trpc.ts";

/** Read-only screens: a token scoped to chosen queues, shown once, revocable. */
export const wallboardsRouter = {
  list: adminProcedure.query(({ ctx }) => ctx.auth.listWallboardTokens()),
  /** The token is in the answer once and never again (only its digest is stored). */
  create: adminProcedure
    .input(createWallboardTokenSchema)
    .mutation(({ ctx, input }) => ctx.auth.createWallboardToken(input, ctx.actor)),
  /** Screens using the token are disconnected within seconds and told their access was revoked. */
  revoke: adminProcedure
    .input(z.strictObject({ tokenId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => ctx.auth.revokeWallboardToken(input.tokenId, ctx.actor)),
} satisfies TRPCRouterRecord;
