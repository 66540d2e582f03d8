import {
  changedPccFields,
  createQueueSchema,
  removeQueueSchema,
  updateQueueSchema,
} from "@callboard/contracts";
import { own, type QueueConfig } from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { adminProcedure } from "../trpc.ts";
import { submitDirectoryChange, versionedRows } from "./directory-change.ts";

export interface QueueRow {
  queue: QueueConfig;
  version: number;
  /** Calls in the queue now: it cannot be removed while there are any. */
  calls: number;
}

export const queuesRouter = {
  list: adminProcedure.query(({ ctx }): QueueRow[] => {
    const state = ctx.core.state;
    const calls = new Map<string, number>();
    for (const call of Object.values(state.calls))
      calls.set(call.queueId, (calls.get(call.queueId) ?? 0) + 1);
    return versionedRows(state.queues, state.versions.queues, (queue, version) => ({
      queue,
      version,
      calls: calls.get(queue.id) ?? 0,
    }));
  }),

  /** A new queue with its groups, in one event. */
  create: adminProcedure
    .input(createQueueSchema)
    .mutation(({ ctx, input }) =>
      submitDirectoryChange(
        ctx,
        "queues are",
        { type: "queue.upserted", queue: input.queue, ifVersion: 0 },
        { action: "queue.created", after: input.queue },
      ),
    ),

  /**
   * Every setting of a queue as it was at `version`. In stringee mode only Callboard's own settings
   * may change here (strategy, misses limit, seed, KPI and wallboard settings); PCC's are edited in PCC.
   */
  update: adminProcedure.input(updateQueueSchema).mutation(({ ctx, input }) => {
    const before = own(ctx.core.state.queues, input.queue.id) ?? null;
    if (ctx.pcc !== null && before !== null) {
      const changed = changedPccFields(before, input.queue);
      if (changed.length > 0) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: `queue.${changed.join(", queue.")} managed in Stringee PCC: change ${changed.length === 1 ? "it" : "them"} there, and the next sync brings ${changed.length === 1 ? "it" : "them"} here`,
        });
      }
    }
    // PCC's fields were checked above, one by one: Callboard's own settings stay editable.
    return submitDirectoryChange(
      ctx,
      null,
      { type: "queue.upserted", queue: input.queue, ifVersion: input.version },
      { action: "queue.updated", before, after: input.queue },
    );
  }),

  /** Refused while the queue holds calls. */
  remove: adminProcedure
    .input(removeQueueSchema)
    .mutation(({ ctx, input }) =>
      submitDirectoryChange(
        ctx,
        "queues are",
        { type: "queue.removed", queueId: input.queueId, ifVersion: input.version },
        { action: "queue.removed", before: own(ctx.core.state.queues, input.queueId) ?? null, after: null },
      ),
    ),
} satisfies TRPCRouterRecord;
