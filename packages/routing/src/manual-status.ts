/**
 * Statuses an agent picks by hand. Only AVAILABLE can ring; the rest exist so the board can say which
 * break an agent is on. Extend the list here (one line) and every edge's validation follows.
 */
export const MANUAL_STATUSES = [
  "AVAILABLE",
  "NOT_AVAILABLE",
  "LUNCH_BREAK",
  "SHORT_BREAK",
  "INVISIBLE",
  "ACW",
] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

/** The only manual status that lets a call ring (PCC: "Agent bắt buộc phải ở trạng thái Available"). */
export const AVAILABLE = "AVAILABLE" satisfies ManualStatus;

/** @example isManualStatus("LUNCH_BREAK") === true; isManualStatus("lunch") === false */
export function isManualStatus(value: unknown): value is ManualStatus {
  return typeof value === "string" && (MANUAL_STATUSES as readonly string[]).includes(value);
}
