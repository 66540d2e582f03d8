import type { CallStatus } from "@callboard/routing";
import { z } from "zod";
import { ID_MAX_LENGTH } from "./domain-schemas.ts";

/** At most this many calls come back from one search (newest first); `more` says there were others. */
export const CALL_SEARCH_LIMIT = 20;

/**
 * A call search: a call id, or a caller's number exactly as the telephony sent it (with or without
 * its leading "+"). Visible ASCII only — ids and numbers have no spaces — and at most an id's length.
 */
export const callSearchSchema = z.strictObject({
  query: z
    .string({ error: "query must be a string" })
    .trim()
    .min(1, "query: type a call id or a caller's number")
    .max(ID_MAX_LENGTH, `query must be at most ${ID_MAX_LENGTH} characters`)
    .regex(/^[!-~]+$/, "query may hold letters, digits and symbols only (no spaces)"),
});
export type CallSearchInput = z.infer<typeof callSearchSchema>;

/** One call found: from its logged arrival, and whether it is still live. */
export interface CallSearchHit {
  callId: string;
  /** The caller's number. */
  from: string;
  queueId: string;
  arrivedAt: number;
  /** Where the call is now: live (waiting, ringing, talking) or ended (its timeline says how). */
  status: CallStatus | "ended";
}

export interface CallSearchResult {
  calls: CallSearchHit[];
  /** More calls matched than CALL_SEARCH_LIMIT; the oldest were left out. */
  more: boolean;
}
