/** PCC's default and minimum for wait_agent_answer_timeout, in seconds. */
export const DEFAULT_ANSWER_TIMEOUT_SEC = 15;
export const MIN_ANSWER_TIMEOUT_SEC = 3;

/** A queue: calls wait here FIFO and are offered to its member agents. */
export interface QueueConfig {
  id: string;
  name: string;
  /** Agent ids (stringee_user_id) that may answer this queue's calls. */
  members: string[];
  /** How long one agent rings before the call moves on (PCC wait_agent_answer_timeout). */
  answerTimeoutSec: number;
}
