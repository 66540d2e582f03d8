/** What went wrong talking to PCC; decides whether a retry can help. */
export const PccErrorKind = {
  /** No answer within timeoutMs. */
  TIMEOUT: "timeout",
  /** Connection refused, reset, DNS… */
  NETWORK: "network",
  /** A non-2xx HTTP status. */
  HTTP: "http",
  /** HTTP 2xx but the envelope's `r` is not 0. */
  API: "api",
  /** The body is not the JSON shape PCC documents. */
  INVALID_RESPONSE: "invalid-response",
} as const;
export type PccErrorKind = (typeof PccErrorKind)[keyof typeof PccErrorKind];

/** Everything a PccError carries. */
export interface PccErrorInit {
  kind: PccErrorKind;
  message: string;
  path: string;
  attempts: number;
  status?: number;
  r?: number;
}

/** A failed PCC call, typed so callers can branch on `kind`; the message never holds the key secret or a token. */
export class PccError extends Error {
  readonly kind: PccErrorKind;
  readonly path: string;
  readonly attempts: number;
  readonly status: number | undefined;
  readonly r: number | undefined;

  constructor(init: PccErrorInit) {
    super(init.message);
    this.name = "PccError";
    this.kind = init.kind;
    this.path = init.path;
    this.attempts = init.attempts;
    this.status = init.status;
    this.r = init.r;
  }
}
