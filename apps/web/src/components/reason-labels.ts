import type { Reason } from "@callboard/routing";

/** Short badge words for each reason; the long explanation (REASON_TEXT) goes in the tooltip. */
export const REASON_LABEL: Record<Reason, string> = {
  ON_CALL: "On a call",
  MANUAL_NOT_AVAILABLE: "Not Available",
  OFFLINE: "Offline",
  NO_PHONE_NUMBER: "No phone number",
  RESERVED: "Ringing",
};
