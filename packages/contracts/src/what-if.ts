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

/** The field a period is refused for, and why; null when it is a past period of at most a day. */
export function checkWhatIfPeriod(
  from: number,
  to: number,
  now: number,
): { field: "from" | "to"; message: string } | null {
  if (from >= now) return { field: "from", message: "is in the future: pick a past period" };
  if (to <= from) return { field: "to", message: "must be after the start" };
  if (to > now) return { field: "to", message: "is in the future: the period must have ended" };
  if (to - from > WHAT_IF_MAX_MS) return { field: "to", message: "the period is longer than one day" };
  return null;
}

/** A what-if: a queue, a period (ms since the epoch; `checkWhatIfPeriod` needs the server's now) and one change. */
export const whatIfInputSchema = z
  .strictObject({ queueId: queueIdSchema, from: instant, to: instant, change: whatIfChangeSchema })
  .superRefine((input, ctx) => {
    // The clock-free part, so the page's form says it before asking.
    if (input.to <= input.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after the start" });
    else if (input.to - input.from > WHAT_IF_MAX_MS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "the period is longer than one day" });
  });
export type WhatIfInput = z.infer<typeof whatIfInputSchema>;

/** A run is named by the id `whatIf.start` returned. */
export const whatIfRunSchema = z.strictObject({ runId: z.string().min(1).max(64) });
