import type { RangeRefusal } from "@callboard/kpi";
import { TRPCClientError } from "@trpc/client";
import type { z } from "zod";

/** What a page needs to word a refused history range (the server's English `message` aside). */
export type RangeRefusalFacts = Pick<RangeRefusal, "field" | "reason" | "date" | "today" | "maxDays">;

/**
 * The refusals of a history range the form's own check found (historyRangeSchema), by field. Its
 * refinement carries the reason as params; a date the pattern refused is "not a date". One per
 * field, the first: a date that fails the pattern fails the refinement's own check too.
 */
export function rangeRefusalsOfIssues(error: z.ZodError): RangeRefusalFacts[] {
  const refusals: RangeRefusalFacts[] = [];
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field !== "from" && field !== "to") || refusals.some((r) => r.field === field)) continue;
    const params = issue.code === "custom" ? (issue.params as RangeRefusalFacts | undefined) : undefined;
    refusals.push(params?.reason ? { ...params, field } : { field, reason: "notADate" });
  }
  return refusals;
}

/** The refusal the server sent for a history range (a day after today in the queue's zone), or null. */
export function rangeRefusalOfError(error: unknown): RangeRefusalFacts | null {
  if (!(error instanceof TRPCClientError)) return null;
  const refusal = (error.data as { rangeRefusal?: RangeRefusalFacts | null } | undefined)?.rangeRefusal;
  return refusal ?? null;
}
