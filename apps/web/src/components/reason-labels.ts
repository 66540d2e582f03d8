import type { Reason } from "@callboard/routing";

/** Short badge words for each reason (the agent's own status replaces MANUAL_NOT_AVAILABLE's); REASON_TEXT is the tooltip. */
export const REASON_LABEL: Record<Reason, string> = {
  ON_CALL: "On a call",
  WRAP_UP: "Wrap-up",
  SYSTEM_STATUS_OTHER: "Not free (PCC)",
  MANUAL_NOT_AVAILABLE: "Not Available",
  OFFLINE: "Offline",
  NO_PHONE_NUMBER: "No phone number",
  UNKNOWN_ROUTING_TYPE: "Unknown routing type",
  RESERVED: "Ringing",
};
