export const CallStatus = { WAITING: "waiting", RINGING: "ringing", TALKING: "talking" } as const;
export type CallStatus = (typeof CallStatus)[keyof typeof CallStatus];

/** A live call: it leaves the state when it ends or is abandoned. */
export interface Call {
  id: string;
  queueId: string;
  /** The caller's number. */
  from: string;
  arrivedAt: number;
  status: CallStatus;
  /** The agent ringing (status ringing) or talking (status talking). */
  agentId: string | null;
  /** When the current offer times out (status ringing). */
  offerExpiresAt: number | null;
  answeredAt: number | null;
  /** Agents whose offer for this call ended unanswered; ranked last for this call. */
  missedBy: string[];
  /** Offers made for this call so far; the next decision is attempt offers + 1. */
  offers: number;
}
