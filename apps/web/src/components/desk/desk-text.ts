/**
 * Every word the agent desk shows, in one place (plain English; the i18n move turns this file into
 * a catalog). Functions for the sentences that carry figures.
 */
export const DESK_TEXT = {
  title: "Agent desk",
  loading: "Connecting to Callboard…",
  live: "Connected",
  reconnecting: "Connection lost — reconnecting. Your call goes on; its state comes back when we reconnect.",
  signedOut: "Your session has ended; sign in again.",
  notLinked: "Your account is not linked to an agent yet. Ask an admin to link it on the Users page.",
  statusLabel: "My status",
  statusSection: "Status and how calls reach you",
  statusPending: "Saving…",
  idleAvailable: "Waiting for a call",
  idleNotAvailable: "Calls will not ring while you are not Available.",
  offline: "You are not online: calls cannot ring you.",
  ringing: "Incoming call",
  answer: "Answer",
  decline: "Decline",
  onCall: "On call",
  hangUp: "Hang up",
  wrapUp: "Wrap-up",
  wrapUpHint: "Calls can ring again when the countdown ends.",
  whyYou: "Why you",
  queue: "Queue",
  waited: "Waited",
  caller: "Caller",
  today: "Today",
  answered: "Calls answered",
  missed: "Missed offers",
  talkTime: "Talk time",
  timeInStatus: "Time in each status",
  otherTab: "Your softphone is open in another tab or window. Calls ring there.",
  takeOver: "Use this tab instead",
  lostSoftphone: "Another tab took over your softphone.",
  phoneRouting: (number: string | null) =>
    number
      ? `Calls ring your phone number ${number}, not this page (routing type 2).`
      : "Calls are set to ring your phone number (routing type 2), but no number is configured. Ask an admin.",
  sipHeading: "Desk phone (SIP)",
  sipRegistered: "Registered",
  sipNotRegistered: "Not registered",
  sdkConnecting: "Connecting the Stringee softphone…",
  sdkConnected: "Stringee softphone connected",
  sdkFailed: (why: string) => `The Stringee softphone could not connect: ${why}`,
  sdkOtherDevice: "You signed in to Stringee on another device; this softphone was disconnected.",
  statusBy: (by: string, you: boolean, why: string | null) =>
    `${you ? "Set by you" : `Set by ${by}`}${why ? ` — ${why}` : ""}`,
  signOut: "Sign out",
} as const;
