/**
 * Whether a failed query is worth another try: a glitch (the network, the core restarting, a 5xx,
 * too many requests) is; an answer is not. The server's 4xx refusals — a bad range, an unknown queue,
 * a signed-out or forbidden user — say the same the next time, and retrying them only delays the
 * message beside its field by the retries' backoff (1 s, then 2 s).
 */
export function worthRetrying(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  if (typeof status !== "number") return true;
  return status < 400 || status >= 500 || status === 408 || status === 429;
}
