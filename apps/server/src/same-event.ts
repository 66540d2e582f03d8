import type { DomainEvent, LoggedEvent } from "@callboard/routing";

/** JSON with object keys sorted, so two equal events compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether a resubmitted event is the one logged under its idempotency key (ignoring seq and time). */
export function isSameEvent(logged: LoggedEvent, submitted: DomainEvent): boolean {
  const { seq: _seq, at: _at, ...event } = logged;
  return canonical(event) === canonical(submitted);
}
