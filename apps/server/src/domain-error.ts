import type { RejectCode, Rejection } from "@callboard/routing";

/** A domain rejection travelling to an edge, which maps it to 404/400/409 or the tRPC equivalent. */
export class DomainRejectedError extends Error {
  readonly code: RejectCode;
  constructor(rejection: Rejection) {
    super(rejection.message);
    this.name = "DomainRejectedError";
    this.code = rejection.code;
  }
}

export const HTTP_STATUS_FOR: Record<RejectCode, number> = {
  UNKNOWN_AGENT: 404,
  UNKNOWN_GROUP: 404,
  UNKNOWN_QUEUE: 404,
  UNKNOWN_CALL: 404,
  INVALID: 400,
  CONFLICT: 409,
};

export const TRPC_CODE_FOR = {
  UNKNOWN_AGENT: "NOT_FOUND",
  UNKNOWN_GROUP: "NOT_FOUND",
  UNKNOWN_QUEUE: "NOT_FOUND",
  UNKNOWN_CALL: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
} as const satisfies Record<RejectCode, string>;
