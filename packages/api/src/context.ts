import type {
  Actor,
  AgentDaySnapshot,
  AuditAction,
  AuditEntry,
  AuditQuery,
  ConnectorStatus,
  CreateUserInput,
  CreateWallboardTokenInput,
  DeskPresenceInput,
  DeskPresenceResult,
  DeskToken,
  SubmitResult,
  UpdateUserInput,
  UserSummary,
  WallboardTokenSummary,
} from "@callboard/contracts";
import type { EventLog } from "@callboard/db";
import type { BucketRow } from "@callboard/kpi";
import type { AgentProfile, CenterState, InputEvent, LoggedEvent, ManualStatus } from "@callboard/routing";
import type { WhatIfChange, WhatIfResult } from "@callboard/whatif";

/** What procedures need of the core (the single writer): its state to read, and the one way to write. */
export interface CoreHandle {
  readonly state: CenterState;
  /** Resolves once the event is durable; rejects with DomainRejectedError if the domain refuses it. */
  submit(event: InputEvent, idempotencyKey?: string | null): Promise<SubmitResult>;
}

/** The event log's read side, for history queries (decisions, timelines, rejections). Only the core writes. */
export type EventHistory = Pick<
  EventLog<LoggedEvent>,
  "forCall" | "forAgent" | "recentRejections" | "searchCalls"
>;

/**
 * History's read model (apps/server/src/history.ts): 15-minute buckets starting in [from, to),
 * with the time still open at `now` added, so a read of today counts up to now like the live tiles.
 * Queue buckets hold packages/kpi's counters (F), agent buckets its agent counters (A).
 */
export interface HistoryReader {
  queueBuckets(queueId: string, from: number, to: number, now: number): HistoryRow[];
  agentBuckets(agentId: string, from: number, to: number, now: number): HistoryRow[];
  /** Each agent's rows in [from, to), some already summed (bucket = from): add them up per agent. */
  agentTotals(agentIds: readonly string[], from: number, to: number, now: number): HistoryRow[];
}

/** A bucket of one queue's or agent's counters. */
export type HistoryRow = BucketRow & { id: string };

/** Stringee mode's connector, as far as procedures use it: admin edits go to PCC first. */
export interface PccHandle {
  /** Rejects with PccWriteError when PCC cannot take the change (then nothing is recorded). */
  setManualStatus(agentId: string, status: ManualStatus): Promise<void>;
  /** An admin's new agent, created at PCC (POST /v1/agent) before it is recorded. */
  createAgent(agent: AgentProfile, status: ManualStatus): Promise<void>;
  /** An admin's change of an agent's name, number or routing type, written to PCC (PUT /v1/agent/{id}). */
  updateAgent(agent: AgentProfile): Promise<void>;
}

/**
 * The telephony port: what an agent's softphone does to a call. Standalone mode drives Callboard's
 * own engine (the answer is the event); stringee mode records what the page's Stringee SDK did with
 * PCC. Each resolves once the event is durable and rejects with DomainRejectedError when the call is
 * not the agent's to act on (taken by someone else, withdrawn, ended).
 */
export interface TelephonyPort {
  readonly kind: "standalone" | "stringee";
  answer(agentId: string, callId: string): Promise<SubmitResult>;
  decline(agentId: string, callId: string): Promise<SubmitResult>;
  hangUp(agentId: string, callId: string): Promise<SubmitResult>;
}

/** What the agent desk's procedures need of the server beside the core. */
export interface DeskHandle {
  telephony: TelephonyPort;
  /** Records the page's presence report; says whether this tab holds the agent's softphone. */
  presence(agentId: string, report: DeskPresenceInput): Promise<DeskPresenceResult>;
  /** Whether `deviceId` (one tab) holds the agent's softphone now. */
  holdsSoftphone(agentId: string, deviceId: string): boolean;
  /** Stringee mode: a fresh short-lived client token for the agent; null in standalone mode. */
  issueToken: ((agentId: string) => Promise<DeskToken>) | null;
}

/** Users, wallboard tokens and the audit trail; refusals are AuthErrors. */
export interface AuthHandle {
  listUsers(): UserSummary[];
  createUser(input: CreateUserInput, actor: Actor): Promise<UserSummary>;
  updateUser(input: UpdateUserInput, actor: Actor): UserSummary;
  resetPassword(userId: string, password: string, actor: Actor): Promise<void>;
  listWallboardTokens(): WallboardTokenSummary[];
  createWallboardToken(
    input: CreateWallboardTokenInput,
    actor: Actor,
  ): { token: string; summary: WallboardTokenSummary };
  revokeWallboardToken(tokenId: string, actor: Actor): WallboardTokenSummary;
  audit(
    action: AuditAction,
    actor: Actor,
    target: string | null,
    before: unknown,
    after: unknown,
    seq?: number | null,
  ): void;
  queryAudit(query: AuditQuery): AuditEntry[];
}

/**
 * Everything a procedure may use, built per request by the server (apps/server/src/app.ts). Described
 * as interfaces so this package never imports the server, and tests can hand in fakes.
 */
export interface Context {
  core: CoreHandle;
  log: EventHistory;
  clock: () => number;
  /** Which event history this server holds (see Snapshot.centerId). */
  centerId: string;
  /** Each agent's figures today at the core's seq, as a board snapshot carries them. */
  agentsToday: (now: number) => AgentDaySnapshot;
  /** The Stringee connector's live status; null in standalone mode. */
  connectorStatus: ConnectorStatus | null;
  /** Stringee mode: the connector admin edits are written through; null in standalone mode. */
  pcc: PccHandle | null;
  auth: AuthHandle;
  /** The agent desk's telephony, presence and tokens. */
  desk: DeskHandle;
  history: HistoryReader;
  /** What-if replays, run off the core's thread (apps/server/src/what-if/). */
  whatIf: WhatIfHandle;
  /** Who is calling (from the session cookie), and from where; the role procedures in trpc.ts check it. */
  actor: Actor;
}

/** What a what-if run is doing. `progress` is 0–1. */
export type WhatIfStatus =
  | { runId: string; state: "running"; progress: number; startedAt: number }
  | { runId: string; state: "done"; result: WhatIfResult; startedAt: number; ms: number }
  | { runId: string; state: "failed"; message: string; startedAt: number }
  | { runId: string; state: "cancelled"; startedAt: number };

/** Why a what-if could not start: another is running, or this server keeps its log in memory only. */
export class WhatIfUnavailableError extends Error {
  constructor(
    readonly reason: "busy" | "no-file",
    message: string,
  ) {
    super(message);
    this.name = "WhatIfUnavailableError";
  }
}

/** Starts, follows and cancels what-if runs; the server runs each in a worker thread. */
export interface WhatIfHandle {
  /** Throws WhatIfUnavailableError when it cannot start now. */
  start(request: { queueId: string; from: number; to: number; change: WhatIfChange }): { runId: string };
  /** Null for a run this server does not know (never started, or forgotten). */
  status(runId: string): WhatIfStatus | null;
  /** True when the run was running and is now cancelled. */
  cancel(runId: string): boolean;
}
