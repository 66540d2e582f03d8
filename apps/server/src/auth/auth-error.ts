/** Why a sign-in or an administration request was refused; edges map `code` to HTTP or tRPC. */
export type AuthErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** For TOO_MANY_REQUESTS: when to try again, in whole seconds (Retry-After). */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export const AUTH_HTTP_STATUS: Record<AuthErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};
