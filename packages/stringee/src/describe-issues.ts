import type { z } from "zod";

/** One line naming each bad field and what is wrong with it (e.g. `calls.0.callId: must be …`), for logs and 400s. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
