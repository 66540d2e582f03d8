import type { Actor, Role, UserPrincipal } from "@callboard/contracts";
import { type CenterState, emptyState, type InputEvent } from "@callboard/routing";
import {
  type AuthHandle,
  type Context,
  type DeskHandle,
  type PccHandle,
  type WhatIfHandle,
  type WhatIfStatus,
  WhatIfUnavailableError,
} from "./context.ts";

/** A signed-in person of `role`, for tests. */
export function personActor(role: Role, username = `${role}-user`): Actor {
  const principal: UserPrincipal = {
    kind: "user",
    sessionId: `session-${username}`,
    userId: `id-${username}`,
    username,
    name: username,
    role,
    agentId: role === "agent" ? "agent-1" : null,
  };
  return { principal, address: "10.0.0.1" };
}

export const ANONYMOUS: Actor = { principal: null, address: "10.0.0.1" };

/** An auth service that records audit entries and refuses nothing (procedures only forward to it). */
function fakeAuth(): AuthHandle & { audited: unknown[][] } {
  const audited: unknown[][] = [];
  const user = {
    userId: "u1",
    username: "u",
    name: "U",
    role: "viewer" as const,
    agentId: null,
    disabled: false,
    createdAt: 0,
    lastSignInAt: null,
  };
  const token = {
    tokenId: "t1",
    label: "TV",
    queueIds: ["q"],
    createdAt: 0,
    createdBy: "a",
    lastUsedAt: null,
    revokedAt: null,
  };
  return {
    audited,
    listUsers: () => [user],
    createUser: async () => user,
    updateUser: () => user,
    resetPassword: async () => {},
    listWallboardTokens: () => [token],
    createWallboardToken: () => ({ token: "secret", summary: token }),
    revokeWallboardToken: () => token,
    audit: (...args) => {
      audited.push(args);
    },
    queryAudit: () => [],
  };
}

/** A tab id the fake desk treats as not holding the softphone (another tab of the agent does). */
export const OTHER_TAB = "other-tab-0";

/** A desk that records what the telephony port was asked to do, as whom. */
function fakeDesk(issueToken: DeskHandle["issueToken"]): DeskHandle & { calls: string[][] } {
  const calls: string[][] = [];
  const record = (what: string) => async (agentId: string, callId: string) => {
    calls.push([what, agentId, callId]);
    return { seq: calls.length, duplicate: false };
  };
  return {
    calls,
    telephony: {
      kind: "standalone",
      answer: record("answer"),
      decline: record("decline"),
      hangUp: record("hangUp"),
    },
    presence: async (_agentId, report) => ({ online: report.online, holdsSoftphone: true }),
    holdsSoftphone: (_agentId, deviceId) => deviceId !== OTHER_TAB,
    issueToken,
  };
}

/** A context of fakes: procedures need only the interfaces in context.ts, never the server. */
export function fakeContext(
  options: {
    pcc?: PccHandle | null;
    refuse?: Error;
    actor?: Actor;
    state?: CenterState;
    issueToken?: DeskHandle["issueToken"];
  } = {},
): {
  ctx: Context;
  submitted: InputEvent[];
  auth: ReturnType<typeof fakeAuth>;
  desk: ReturnType<typeof fakeDesk>;
} {
  const submitted: InputEvent[] = [];
  const auth = fakeAuth();
  const desk = fakeDesk(options.issueToken ?? null);
  const ctx: Context = {
    core: {
      state: options.state ?? emptyState(),
      submit: async (event) => {
        if (options.refuse) throw options.refuse;
        submitted.push(event);
        return { seq: submitted.length, duplicate: false };
      },
    },
    log: { forCall: () => [], forAgent: () => [], recentRejections: () => [], searchCalls: () => [] },
    clock: () => 1_800_000_000_000,
    centerId: "center-test",
    agentsToday: () => ({ timeZone: "Asia/Ho_Chi_Minh", dayStart: 0, agents: {} }),
    connectorStatus: null,
    pcc: options.pcc ?? null,
    auth,
    desk,
    history: { queueBuckets: () => [], agentBuckets: () => [], agentTotals: () => [] },
    whatIf: fakeWhatIf(),
    actor: options.actor ?? personActor("admin"),
  };
  return { ctx, submitted, auth, desk };
}

/** What-if runs kept in a map, never finishing by themselves: one running at a time, like the server's. */
export function fakeWhatIf(): WhatIfHandle & { started: Parameters<WhatIfHandle["start"]>[0][] } {
  const runs = new Map<string, WhatIfStatus>();
  const started: Parameters<WhatIfHandle["start"]>[0][] = [];
  return {
    started,
    start(request) {
      if ([...runs.values()].some((r) => r.state === "running"))
        throw new WhatIfUnavailableError("busy", "A what-if is already running: wait for it or cancel it.");
      started.push(request);
      const runId = `run-${started.length}`;
      runs.set(runId, { runId, state: "running", progress: 0, startedAt: 0 });
      return { runId };
    },
    status: (runId) => runs.get(runId) ?? null,
    cancel(runId) {
      const run = runs.get(runId);
      if (run?.state !== "running") return false;
      runs.set(runId, { runId, state: "cancelled", startedAt: run.startedAt });
      return true;
    },
  };
}
