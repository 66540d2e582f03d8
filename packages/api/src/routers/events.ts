import { submitEventSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { submitAsPerson } from "../audited-submit.ts";
import { adminProcedure, supervisorProcedure } from "../trpc.ts";

export const eventsRouter = {
  /** Any input event (presence, calls, admin), at most once per idempotency key: raw power, so admins only. */
  submit: adminProcedure
    .input(submitEventSchema)
    .mutation(({ ctx, input }) =>
      submitAsPerson(ctx, ctx.actor, input.event, { idempotencyKey: input.idempotencyKey ?? null }),
    ),
  /** Inputs the domain refused lately (never applied), newest first: "why was my event ignored?". */
  rejections: supervisorProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => ctx.log.recentRejections(input.limit)),
} satisfies TRPCRouterRecord;
