import {
  AuthError,
  type AuthErrorCode,
  CoreUnavailableError,
  DomainRejectedError,
  PccWriteError,
  type PccWriteFailure,
} from "@callboard/contracts";
import type { RangeRefusal } from "@callboard/kpi";
import type { RejectCode } from "@callboard/routing";
import { TRPCError } from "@trpc/server";

/** The tRPC code a domain refusal is answered with (the HTTP edge's twin is in apps/server/src/http.ts). */
export const TRPC_CODE_FOR_REJECTION = {
  UNKNOWN_AGENT: "NOT_FOUND",
  UNKNOWN_GROUP: "NOT_FOUND",
  UNKNOWN_QUEUE: "NOT_FOUND",
  UNKNOWN_CALL: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
} as const satisfies Record<RejectCode, TRPCError["code"]>;

/** The tRPC code a failed write-through to PCC is answered with: retry later, or PCC said no. */
export const TRPC_CODE_FOR_PCC_WRITE = {
  NOT_SYNCED: "PRECONDITION_FAILED",
  PCC_REFUSED: "BAD_GATEWAY",
} as const satisfies Record<PccWriteFailure, TRPCError["code"]>;

/** Auth refusals keep their own names: tRPC has a code for each. */
export const TRPC_CODE_FOR_AUTH = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
} as const satisfies Record<AuthErrorCode, TRPCError["code"]>;

/**
 * The typed tRPC error for a failure the domain, the connector or the auth service expects (with
 * their words), or null for anything else — a bug, which stays an internal error.
 */
export function toTRPCError(cause: unknown): TRPCError | null {
  if (cause instanceof DomainRejectedError) {
    return new TRPCError({ code: TRPC_CODE_FOR_REJECTION[cause.code], message: cause.message, cause });
  }
  if (cause instanceof PccWriteError) {
    return new TRPCError({ code: TRPC_CODE_FOR_PCC_WRITE[cause.kind], message: cause.message, cause });
  }
  if (cause instanceof CoreUnavailableError) {
    // Not a bug: the log cannot be written or the core is stopping; the message says which.
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.message, cause });
  }
  if (cause instanceof AuthError) {
    return new TRPCError({ code: TRPC_CODE_FOR_AUTH[cause.code], message: cause.message, cause });
  }
  return null;
}

/**
 * A history range the server refused (a day after today in the queue's zone): carried to the
 * client as `data.rangeRefusal`, so the page can say it beside its field in its own language.
 */
export class RangeRefusedError extends Error {
  constructor(readonly refusal: RangeRefusal) {
    super(`range.${refusal.field}: ${refusal.message}`);
    this.name = "RangeRefusedError";
  }
}
