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

/**
 * A server refusal placed beside the field it concerns when its words say which: a tRPC input error
 * names the path ("agent.phoneNumber: …"), and `known` maps words of a domain refusal to a field
 * (e.g. "already exists" → the id). Anything else stays a form-level alert (an empty result).
 */
export function serverFieldErrors(error: unknown, known: Record<string, string>): Record<string, string> {
  const message = errorMessage(error);
  const out: Record<string, string> = {};
  for (const part of message.split("; ")) {
    const match = /^(?:[a-z]+\.)?([A-Za-z]+)(?:\.[^:]*)?: (.+)$/.exec(part);
    if (match) out[match[1]!] ??= match[2]!;
  }
  for (const [words, field] of Object.entries(known)) {
    if (message.includes(words)) out[field] ??= message;
  }
  return out;
}
