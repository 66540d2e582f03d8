import type { RejectCode, Rejection } from "@callboard/routing";
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

/**
 * A domain rejection travelling from the core to an edge, which maps it to 404/400/409 or the tRPC
 * equivalent, with the domain's words.
 */
export class DomainRejectedError extends Error {
  readonly code: RejectCode;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = "DomainRejectedError";
    this.code = rejection.code;
  }
}

/**
 * The core could not commit to its event log (disk full, file locked by another process, I/O error)
 * or has stopped: the input was not recorded and the core stops (decision 0002). Edges answer 503
 * with this message; the sender may retry once the core is back.
 */
export class CoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CoreUnavailableError";
  }
}

/** Why a change Callboard had to write to Stringee PCC first did not get there. */
export const PccWriteFailure = {
  /** The agent is not known to PCC yet (no sync has brought its PCC id): retry after the next sync. */
  NOT_SYNCED: "NOT_SYNCED",
  /** PCC answered the write with an error. */
  PCC_REFUSED: "PCC_REFUSED",
} as const;
export type PccWriteFailure = (typeof PccWriteFailure)[keyof typeof PccWriteFailure];

/**
 * A write-through to PCC that failed, so the change was not made. Thrown by the connector; the edges
 * map it (NOT_SYNCED → 412 / PRECONDITION_FAILED, PCC_REFUSED → 502 / BAD_GATEWAY).
 */
export class PccWriteError extends Error {
  readonly kind: PccWriteFailure;
  constructor(kind: PccWriteFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PccWriteError";
    this.kind = kind;
  }
}

/** Why a sign-in, an authorization check or an administration request was refused. */
export type AuthErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

/** Thrown by the server's auth service; each edge maps `code` to its HTTP status or tRPC code. */
export class AuthError extends Error {
  readonly code: AuthErrorCode;
  /** For TOO_MANY_REQUESTS: when to try again, in whole seconds (sent as Retry-After). */
  readonly retryAfterSec: number | undefined;
  constructor(code: AuthErrorCode, message: string, retryAfterSec?: number) {
    super(message);
    this.name = "AuthError";
    this.code = code;
    this.retryAfterSec = retryAfterSec;
  }
}
