import type { z } from "zod";

/** zod issues keyed by their first path segment, so each message can sit beside its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** A tRPC error's message, for a visible alert (the server already says what is wrong). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
