export const CallStatus = { WAITING: "waiting", RINGING: "ringing", TALKING: "talking" } as const;
export type CallStatus = (typeof CallStatus)[keyof typeof CallStatus];

/** How a call left the center; every call gets exactly one. */
export const CallOutcome = {
  ANSWERED: "answered",
  /** The caller hung up while waiting or ringing. */
  ABANDONED: "abandoned",
  /** The queue was full when the call arrived. */
  REJECTED: "rejected",
  /** Nobody answered within the queue's maximum wait. */
  TIMED_OUT: "timed_out",
  /** The call arrived outside the queue's business hours. */
  CLOSED: "closed",
} as const;
export type CallOutcome = (typeof CallOutcome)[keyof typeof CallOutcome];

/** A live call: it leaves the state when it ends, is abandoned, or the engine finishes it. */
export interface Call {
  id: string;
  queueId: string;
  /** The caller's number. */
  from: string;
  arrivedAt: number;
  /** The seq of its arrival: breaks ties between calls that arrived in the same millisecond (FIFO). */
  arrivedSeq: number;
  /** False between arrival and the engine's admission (schedule and queue-size checks). */
  admitted: boolean;
  status: CallStatus;
  /** Agents ringing now: one, or several for ring-all. */
  ringing: string[];
  /** The agent talking (status talking). */
  agentId: string | null;
  /** When the current offer times out (status ringing). */
  offerExpiresAt: number | null;
  answeredAt: number | null;
  /** Agents whose offer for this call ended unanswered; ranked last for this call. */
  missedBy: string[];
  /** Offers made for this call so far; the next decision is attempt offers + 1. */
  offers: number;
}
