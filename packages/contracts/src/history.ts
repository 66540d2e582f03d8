import {
  type AgentPeriod,
  checkRangeShape,
  checkStep,
  GRANULARITIES,
  type Granularity,
  HISTORY_PRESETS,
  type KpiPeriod,
  LOCAL_DATE_PATTERN,
} from "@callboard/kpi";
import { z } from "zod";
import { agentIdSchema, queueIdSchema } from "./domain-schemas.ts";

/**
 * History's inputs: a period of whole local days (a preset, or two dates at most HISTORY_MAX_DAYS
 * apart) and a queue. The clock-free checks run here, for the page's form and the server alike;
 * "not after today" needs the server's clock and the queue's time zone (resolveHistoryRange).
 */
const localDate = z.string().max(10).regex(LOCAL_DATE_PATTERN, "not a date (YYYY-MM-DD)");

export const historyRangeSchema = z
  .strictObject({
    preset: z.enum(HISTORY_PRESETS),
    from: localDate.optional(),
    to: localDate.optional(),
  })
  .superRefine((range, ctx) => {
    const refusal = checkRangeShape(range);
    // The refusal rides along as params: a page words it in its own language (apps/web range-refusal.ts).
    if (refusal)
      ctx.addIssue({ code: "custom", path: [refusal.field], message: refusal.message, params: refusal });
  });
export type HistoryRange = z.infer<typeof historyRangeSchema>;

/** 15-minute steps over a long range would send thousands of points: refused, naming the step. */
function stepFits(input: { range: HistoryRange; granularity: Granularity }, ctx: z.RefinementCtx): void {
  const refusal = checkStep(input.range, input.granularity);
  if (refusal) ctx.addIssue({ code: "custom", path: ["granularity"], message: refusal });
}

export const historyQueueInputSchema = z
  .strictObject({
    queueId: queueIdSchema,
    range: historyRangeSchema,
    granularity: z.enum(GRANULARITIES),
  })
  .superRefine(stepFits);
export type HistoryQueueInput = z.infer<typeof historyQueueInputSchema>;

export const historyAgentsInputSchema = z
  .strictObject({
    queueId: queueIdSchema,
    range: historyRangeSchema,
    granularity: z.enum(GRANULARITIES),
    /** One member to follow over time; null for the members' totals only. */
    agentId: agentIdSchema.nullable(),
  })
  .superRefine(stepFits);
export type HistoryAgentsInput = z.infer<typeof historyAgentsInputSchema>;

/** The days a history answer covers, in the queue's time zone. */
export interface HistoryWindow {
  fromDate: string;
  toDate: string;
  today: string;
  timeZone: string;
  granularity: Granularity;
}

/** A queue's history: one point per period, and the whole range's figures (the live formulas). */
export interface QueueHistory extends HistoryWindow {
  queueId: string;
  name: string;
  target: { serviceLevelSec: number; serviceLevelTarget: number };
  points: KpiPeriod[];
  total: KpiPeriod;
}

/** Each member's state time and calls over the range; one member's periods when asked for. */
export interface AgentsHistory extends HistoryWindow {
  queueId: string;
  agents: (AgentPeriod & { agentId: string; name: string })[];
  /** The asked-for member's periods; null when none was asked for. */
  series: { agentId: string; name: string; points: AgentPeriod[] } | null;
}
