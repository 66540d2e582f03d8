import type { ConnectorProblem, ConnectorStatus } from "@callboard/contracts";
import type { StringeeConfig } from "../env.ts";

const RECENT_ERRORS = 20;

/**
 * The model behind the board's connector panel: the connector's parts record what they did and
 * what went wrong here, and tRPC connector.status serves `status` as it is.
 */
export class ConnectorPanel {
  readonly status: ConnectorStatus;

  constructor(config: StringeeConfig) {
    this.status = {
      projectId: config.projectId,
      baseUrl: config.baseUrl,
      signatureCheck: config.signingSecret !== null,
      syncIntervalMs: config.syncIntervalMs,
      sync: {
        state: "pending",
        lastAttemptAt: null,
        lastSuccessAt: null,
        nextAt: null,
        durationMs: null,
        agents: 0,
        groups: 0,
        queues: 0,
        changes: 0,
        warnings: [],
      },
      routing: { requests: 0, lastAt: null, lastQueueId: null, unknownQueues: 0 },
      events: { received: 0, applied: 0, ignored: 0, refusedSignatures: 0, lastAt: null, lastStatus: null },
      lastError: null,
      recentErrors: [],
    };
  }

  /** Records a problem for the panel; the message must already be free of secrets (PccError's are). */
  problem(where: ConnectorProblem["where"], message: string, at: number): void {
    const problem = { at, where, message };
    this.status.lastError = problem;
    this.status.recentErrors.unshift(problem);
    this.status.recentErrors.length = Math.min(this.status.recentErrors.length, RECENT_ERRORS);
  }
}
