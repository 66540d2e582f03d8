import { isManualStatus, type ManualStatus } from "@callboard/routing";

/** PCC's spelling of each Callboard manual status (PCC's own samples use spaces: "NOT AVAILABLE"). */
export const PCC_MANUAL_STATUS: Record<ManualStatus, string> = {
  AVAILABLE: "AVAILABLE",
  NOT_AVAILABLE: "NOT AVAILABLE",
  LUNCH_BREAK: "LUNCH BREAK",
  SHORT_BREAK: "SHORT BREAK",
  INVISIBLE: "INVISIBLE",
  ACW: "ACW",
};

/**
 * Reads PCC's free-string manual_status ignoring case, spaces, dashes and underscores ("Lunch break" →
 * LUNCH_BREAK). An unknown value becomes NOT_AVAILABLE with `known: false`: it must not ring, since only
 * AVAILABLE rings on PCC.
 */
export function fromPccManualStatus(raw: string): { status: ManualStatus; known: boolean } {
  const normalized = raw
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, "_");
  return isManualStatus(normalized)
    ? { status: normalized, known: true }
    : { status: "NOT_AVAILABLE", known: false };
}
