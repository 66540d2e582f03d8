import { STRATEGIES } from "@callboard/routing";
import { z } from "zod";
import { queueIdSchema } from "./domain-schemas.ts";

/** A what-if replays at most one day. */
export const WHAT_IF_MAX_MS = 24 * 60 * 60_000;
/** +/− this many agents at most. */
export const WHAT_IF_MAX_AGENTS = 50;
/** The longest answer timeout and backup delay a what-if may try, seconds. */
export const WHAT_IF_MAX_SEC = 3_600;

const instant = z.number().int().min(0).max(8_640_000_000_000_000);

/** The one change a what-if makes (packages/whatif's WhatIfChange). */
export const whatIfChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("strategy"), strategy: z.enum(STRATEGIES) }),
  z.strictObject({
    kind: z.literal("answer-timeout"),
    seconds: z.number().int().min(3).max(WHAT_IF_MAX_SEC),
  }),
  z.strictObject({
    kind: z.literal("backup-delay"),
    seconds: z.number().int().min(0).max(WHAT_IF_MAX_SEC).nullable(),
  }),
  z.strictObject({
    kind: z.literal("agents"),
    delta: z
      .number()
      .int()
      .min(-WHAT_IF_MAX_AGENTS)
      .max(WHAT_IF_MAX_AGENTS)
      .refine((n) => n !== 0, "add or remove at least one agent"),
  }),
]);

/** Why a what-if period is refused: a page words the reason in its language; `message` is the API's English. */
export type WhatIfPeriodReason = "startInFuture" | "endBeforeStart" | "endInFuture" | "longerThanDay";
export interface WhatIfPeriodRefusal {
  field: "from" | "to";
  reason: WhatIfPeriodReason;
  message: string;
}
const PERIOD_WORDS: Record<WhatIfPeriodReason, string> = {
  startInFuture: "is in the future: pick a past period",
  endBeforeStart: "must be after the start",
  endInFuture: "is in the future: the period must have ended",
  longerThanDay: "the period is longer than one day",
};
const refuse = (field: "from" | "to", reason: WhatIfPeriodReason): WhatIfPeriodRefusal => ({
  field,
  reason,
  message: PERIOD_WORDS[reason],
});

/** The clock-free part of the period check: in order, at most a day. */
function checkPeriodShape(from: number, to: number): WhatIfPeriodRefusal | null {
  if (to <= from) return refuse("to", "endBeforeStart");
  if (to - from > WHAT_IF_MAX_MS) return refuse("to", "longerThanDay");
  return null;
}

/** The field a period is refused for, and why; null when it is a past period of at most a day. */
export function checkWhatIfPeriod(from: number, to: number, now: number): WhatIfPeriodRefusal | null {
  if (from >= now) return refuse("from", "startInFuture");
  if (to <= from) return refuse("to", "endBeforeStart");
  if (to > now) return refuse("to", "endInFuture");
  return checkPeriodShape(from, to);
}

/** A what-if: a queue, a period (ms since the epoch; `checkWhatIfPeriod` needs the server's now) and one change. */
export const whatIfInputSchema = z
  .strictObject({ queueId: queueIdSchema, from: instant, to: instant, change: whatIfChangeSchema })
  .superRefine((input, ctx) => {
    // The clock-free part, so the page's form says it before asking (its reason rides as params).
    const refusal = checkPeriodShape(input.from, input.to);
    if (refusal)
      ctx.addIssue({ code: "custom", path: [refusal.field], message: refusal.message, params: refusal });
  });
export type WhatIfInput = z.infer<typeof whatIfInputSchema>;

/** A run is named by the id `whatIf.start` returned. */
export const whatIfRunSchema = z.strictObject({ runId: z.string().min(1).max(64) });
