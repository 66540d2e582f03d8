import { submitEventSchema } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc.ts";

export const eventsRouter = {
  /** Any input event (presence, calls, admin), at most once per idempotency key. */
  submit: procedure
    .input(submitEventSchema)
    .mutation(({ ctx, input }) => ctx.core.submit(input.event, input.idempotencyKey ?? null)),
} satisfies TRPCRouterRecord;
