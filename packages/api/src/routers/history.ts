import {
  type AgentsHistory,
  type HistoryRange,
  historyAgentsInputSchema,
  historyQueueInputSchema,
  type QueueHistory,
} from "@callboard/contracts";
import {
  agentSeries,
  historyPeriods,
  isRefusal,
  queueSeries,
  queueTimeZone,
  type ResolvedRange,
  resolveHistoryRange,
} from "@callboard/kpi";
import { own, type QueueConfig, queueRoster } from "@callboard/routing";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import type { Context, HistoryRow } from "../context.ts";
import { RangeRefusedError } from "../errors.ts";
import { viewerProcedure } from "../trpc.ts";

function queueOf(ctx: Context, queueId: string): QueueConfig {
  const queue = own(ctx.core.state.queues, queueId);
  if (!queue) throw new TRPCError({ code: "NOT_FOUND", message: `queueId: no queue "${queueId}"` });
  return queue;
}

/** The range's days in the queue's zone at the server's now; a day after today is refused naming its field. */
function daysOf(range: HistoryRange, now: number, timeZone: string): ResolvedRange {
  const resolved = resolveHistoryRange(range, now, timeZone);
  if (isRefusal(resolved)) {
    const cause = new RangeRefusedError(resolved);
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  }
  return resolved;
}

/**
 * History (viewers and up): a queue's calls and service level per 15 minutes, hour or day, and
 * its members' state time and calls, over whole days in the queue's time zone. The figures come
 * from the read model's buckets plus the time still open, through the live tiles' formulas.
 */
export const historyRouter = {
  queue: viewerProcedure.input(historyQueueInputSchema).query(({ ctx, input }) => {
    const queue = queueOf(ctx, input.queueId);
    const timeZone = queueTimeZone(queue);
    const now = ctx.clock();
    const days = daysOf(input.range, now, timeZone);
    const rows = ctx.history.queueBuckets(queue.id, days.start, days.end, now);
    const points = queueSeries(rows, historyPeriods(days.start, days.end, input.granularity, timeZone));
    const [total] = queueSeries(rows, [{ from: days.start, to: days.end }]);
    return {
      queueId: queue.id,
      name: queue.name,
      fromDate: days.fromDate,
      toDate: days.toDate,
      today: days.today,
      timeZone,
      granularity: input.granularity,
      target: { serviceLevelSec: queue.serviceLevelSec, serviceLevelTarget: queue.serviceLevelTarget },
      points,
      total: total!,
    } satisfies QueueHistory;
  }),

  agents: viewerProcedure.input(historyAgentsInputSchema).query(({ ctx, input }) => {
    const queue = queueOf(ctx, input.queueId);
    const timeZone = queueTimeZone(queue);
    const now = ctx.clock();
    const days = daysOf(input.range, now, timeZone);
    const members = queueRoster(ctx.core.state, queue).map(({ agent }) => agent);
    const totals = ctx.history.agentTotals(
      members.map((a) => a.id),
      days.start,
      days.end,
      now,
    );
    const byId = new Map<string, HistoryRow[]>();
    for (const row of totals) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    const whole = [{ from: days.start, to: days.end }];
    const agents = members.map((a) => ({
      agentId: a.id,
      name: a.name,
      ...agentSeries(byId.get(a.id) ?? [], whole)[0]!,
    }));
    let series = null;
    if (input.agentId !== null) {
      const agent = own(ctx.core.state.agents, input.agentId);
      if (!agent) throw new TRPCError({ code: "NOT_FOUND", message: `agentId: no agent "${input.agentId}"` });
      const rows = ctx.history.agentBuckets(agent.id, days.start, days.end, now);
      series = {
        agentId: agent.id,
        name: agent.name,
        points: agentSeries(rows, historyPeriods(days.start, days.end, input.granularity, timeZone)),
      };
    }
    return {
      queueId: queue.id,
      fromDate: days.fromDate,
      toDate: days.toDate,
      today: days.today,
      timeZone,
      granularity: input.granularity,
      agents,
      series,
    } satisfies AgentsHistory;
  }),
} satisfies TRPCRouterRecord;
