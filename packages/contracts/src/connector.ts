import { z } from "zod";

/** One problem the Stringee connector met, kept for the status panel (never a secret or a token). */
export interface ConnectorProblem {
  at: number;
  /** Which part: sync (and writes to PCC), routing webhook, call events, presence. */
  where: "sync" | "routing" | "events" | "presence";
  message: string;
}

/**
 * What the board's connector panel shows in stringee mode: is PCC in sync, is it calling us, and what
 * went wrong last. Null in standalone mode.
 */
export interface ConnectorStatus {
  projectId: string;
  baseUrl: string;
  /** Call events are checked against the signing secret (STRINGEE_SIGNING_SECRET is set). */
  signatureCheck: boolean;
  syncIntervalMs: number;
  sync: {
    state: "pending" | "ok" | "failed";
    lastAttemptAt: number | null;
    lastSuccessAt: number | null;
    nextAt: number | null;
    durationMs: number | null;
    /** What the last successful pull held. */
    agents: number;
    groups: number;
    queues: number;
    /** Inputs the last sync submitted (changes only). */
    changes: number;
    /** What PCC has that Callboard could not mirror, from the last sync. */
    warnings: string[];
  };
  routing: { requests: number; lastAt: number | null; lastQueueId: string | null; unknownQueues: number };
  events: {
    received: number;
    applied: number;
    ignored: number;
    refusedSignatures: number;
    lastAt: number | null;
    lastStatus: string | null;
  };
  lastError: ConnectorProblem | null;
  /** Newest first, at most 20. */
  recentErrors: ConnectorProblem[];
}

/** Body of POST /stringee/agent-token (operator only). */
export const agentTokenRequestSchema = z.strictObject({
  agentId: z.string().trim().min(1, "must not be empty").max(128),
  /** Lifetime of the token; PCC's samples use one hour. */
  ttlSec: z
    .number()
    .int()
    .min(60, "must be at least 60")
    .max(86_400, "must be at most 86400 (a day)")
    .default(3_600),
});

/** Body of POST /stringee/presence: what an agent's client reports about itself. */
export const presenceReportSchema = z.discriminatedUnion(
  "signal",
  [
    z.strictObject({
      signal: z.literal("app"),
      online: z.boolean({ error: "must be true or false" }),
      /** A logged-in client repeats the report within this many seconds, or it counts as logged out. */
      ttlSec: z.number().int().min(10, "must be at least 10").max(3_600, "must be at most 3600").default(60),
    }),
    z.strictObject({
      signal: z.literal("push"),
      token: z.string().trim().min(1, "must not be empty").max(4_096),
      registered: z.boolean({ error: "must be true or false" }),
    }),
    z.strictObject({ signal: z.literal("sip"), registered: z.boolean({ error: "must be true or false" }) }),
  ],
  { error: 'signal must be "app", "push" or "sip"' },
);
export type PresenceReport = z.infer<typeof presenceReportSchema>;
