import type { QueueConfig, Strategy } from "@callboard/routing";

/** The one thing a what-if changes about its queue. */
export type WhatIfChange =
  /** Nothing: the run must reproduce the recorded day (the tool's proof). */
  | { kind: "none" }
  | { kind: "strategy"; strategy: Strategy }
  /** The queue's answer timeout (waitAgentAnswerTimeout), seconds. */
  | { kind: "answer-timeout"; seconds: number }
  /** The queue's backup delay (routeToBackupAfterSec), seconds; null = as soon as no primary agent can ring. */
  | { kind: "backup-delay"; seconds: number | null }
  /** +N agents copying the queue's busiest members, or −N of its busiest members sitting the period out. */
  | { kind: "agents"; delta: number };

/** The queue's settings under the change (the same object when the change is not about settings). */
export function changedQueue(queue: QueueConfig, change: WhatIfChange): QueueConfig {
  switch (change.kind) {
    case "strategy":
      return { ...queue, strategy: change.strategy };
    case "answer-timeout":
      return { ...queue, waitAgentAnswerTimeout: change.seconds };
    case "backup-delay":
      return { ...queue, routeToBackupAfterSec: change.seconds };
    case "none":
    case "agents":
      return queue;
  }
}

/** The id of the `index`-th added agent, copying `sourceId`: visibly not a real agent. */
export const cloneId = (sourceId: string, index: number) => `${sourceId}+whatif${index + 1}`;
