import { createUserSchema, resetPasswordSchema, updateUserSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { adminProcedure } from "../trpc.ts";

/** Admins manage who may sign in, and as what. Every change is audited by the auth service. */
export const usersRouter = {
  list: adminProcedure.query(({ ctx }) => ctx.auth.listUsers()),
  create: adminProcedure
    .input(createUserSchema)
    .mutation(({ ctx, input }) => ctx.auth.createUser(input, ctx.actor)),
  /** Rename, change role, disable or enable, link to an agent. Shrinking access signs the person out everywhere. */
  update: adminProcedure
    .input(updateUserSchema)
    .mutation(({ ctx, input }) => ctx.auth.updateUser(input, ctx.actor)),
  resetPassword: adminProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await ctx.auth.resetPassword(input.userId, input.password, ctx.actor);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
