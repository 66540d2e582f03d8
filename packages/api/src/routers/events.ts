import { submitEventSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc.ts";

export const eventsRouter = {
  /** Any input event (presence, calls, admin), at most once per idempotency key. */
  submit: procedure
    .input(submitEventSchema)
    .mutation(({ ctx, input }) => ctx.core.submit(input.event, input.idempotencyKey ?? null)),
  /** Inputs the domain refused lately (never applied), newest first: "why was my event ignored?". */
  rejections: procedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => ctx.log.recentRejections(input.limit)),
} satisfies TRPCRouterRecord;
