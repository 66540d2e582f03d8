import type { z } from "zod";

/**
 * One line naming each bad field and what is wrong with it, e.g.
 * `event.agent.phoneNumber: must be country code first…`. Used by every edge so HTTP and tRPC
 * clients read the same message.
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** What a submit returns: the seq the event got, or the seq it already had when the key was seen before. */
export interface SubmitResult {
  seq: number;
  duplicate: boolean;
}
