import { auditQuerySchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { adminProcedure } from "../trpc.ts";

export const auditRouter = {
  /** Who did what, newest first, filterable by action, actor and target; page with `beforeId`. */
  list: adminProcedure.input(auditQuerySchema).query(({ ctx, input }) => ctx.auth.queryAudit(input)),
} satisfies TRPCRouterRecord;
