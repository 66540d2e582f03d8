import { describeZodError } from "@callboard/contracts";
import type { z } from "zod";
import { type PccEnvelope, pccEnvelopeSchema, pccMessage } from "./envelope.ts";
import { PccError, type PccErrorKind } from "./pcc-error.ts";
import {
  type PccAgent,
  type PccGroup,
  type PccGroupMember,
  type PccGroupRouting,
  type PccQueue,
  pccAgentListSchema,
  pccGroupListSchema,
  pccGroupMemberListSchema,
  pccGroupRoutingListSchema,
  pccQueueListSchema,
} from "./pcc-records.ts";
import { createRestToken, DEFAULT_TOKEN_TTL_SEC } from "./rest-token.ts";

/** PCC's REST host (§1). */
export const PCC_BASE_URL = "https://icc-api.stringee.com";
/** PCC's default page size (§1). */
export const PCC_PAGE_SIZE = 50;
/** A list stops after this many pages even if PCC keeps saying there are more. */
const MAX_PAGES = 10_000;
/** PCC texts quoted in errors are cut to this length. */
const MAX_QUOTED = 200;
/** Anything shaped like a JWT (base64url JSON header first), in case PCC echoes some other token. */
const JWT_LIKE = /eyJ[\w-]*(\.[\w-]*){0,2}/g;

/** The API key, PCC's URL, and the retry/timeout policy; clock, fetch and sleep are injectable for tests. */
export interface PccClientOptions {
  baseUrl?: string;
  keySid: string;
  keySecret: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first. */
  retries?: number;
  /** First backoff; doubles on each retry. */
  backoffMs?: number;
  pageSize?: number;
  tokenTtlSec?: number;
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Extra delay added to each backoff (default: up to a quarter of backoffMs, random). */
  jitter?: (backoffMs: number) => number;
}

/** Body of `POST /v1/agent` and `PUT /v1/agent/{id}` (partial for PUT), in PCC's names. */
export interface PccAgentInput {
  name: string;
  stringee_user_id: string;
  manual_status?: string;
  routing_type?: 1 | 2;
  phone_number?: string;
}

/** Body of `POST /v1/queue`, in PCC's names (§5.1); omitted fields take PCC's defaults. */
export interface PccQueueInput {
  name: string;
  record_calls?: boolean;
  agent_wrap_up_after_calls?: boolean;
  wrap_up_time_limit?: number;
  schedule?: 1 | 2;
  wait_agent_answer_timeout?: number;
  maximum_queue_size?: number;
  maximum_queue_wait_time?: number;
  from_number_callout_to_agent?: string;
  get_list_agents_url?: string;
  route_to_backup_groups_after?: number;
}

/** The PCC REST calls Callboard makes. */
export interface PccClient {
  listAgents(): Promise<PccAgent[]>;
  listGroups(): Promise<PccGroup[]>;
  /** PCC agent ids (`AG_…`) of the group's members. */
  listGroupMembers(groupId: string): Promise<PccGroupMember[]>;
  listQueues(): Promise<PccQueue[]>;
  listGroupRoutings(queueId: string): Promise<PccGroupRouting[]>;
  updateAgent(agentId: string, patch: Partial<PccAgentInput>): Promise<void>;
  /** Returns the new PCC agent id. */
  createAgent(input: PccAgentInput): Promise<string>;
  /** Returns the new group id. */
  createGroup(input: { name: string }): Promise<string>;
  addAgentToGroup(agentId: string, groupId: string): Promise<void>;
  /** Returns the new queue id. */
  createQueue(input: PccQueueInput): Promise<string>;
  /** Returns the new group routing id. */
  routeQueueToGroup(queueId: string, groupId: string, primary: boolean): Promise<string>;
}

type Query = Record<string, string | number>;

interface Failure {
  kind: PccErrorKind;
  message: string;
  retry: boolean;
  status?: number;
  r?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pathWithQuery(path: string, query: Query | undefined): string {
  if (!query || Object.keys(query).length === 0) return path;
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `${path}?${params}`;
}

/**
 * A PCC REST client: signs every request with a cached REST token, bounds each attempt with a timeout,
 * retries what a retry can fix (network, timeout, 5xx, 429, `r != 0`) with exponential backoff, fails fast
 * on other 4xx, and walks every page of a list. Creates (POST) are retried only when PCC surely did not
 * act on them (429, `r != 0`), so a lost answer never creates an agent twice.
 */
export function createPccClient(options: PccClientOptions): PccClient {
  const {
    baseUrl = PCC_BASE_URL,
    keySid,
    keySecret,
    timeoutMs = 5000,
    retries = 3,
    backoffMs = 200,
    pageSize = PCC_PAGE_SIZE,
    tokenTtlSec = DEFAULT_TOKEN_TTL_SEC,
    now = Date.now,
    fetch = globalThis.fetch,
    sleep = defaultSleep,
    jitter = (base: number) => Math.random() * base * 0.25,
  } = options;
  const root = baseUrl.replace(/\/+$/, "");
  const refreshMarginSec = Math.min(300, Math.floor(tokenTtlSec / 2));
  let cached: { token: string; expSec: number } | null = null;

  async function token(): Promise<string> {
    const nowMs = now();
    if (cached && cached.expSec - refreshMarginSec > nowMs / 1000) return cached.token;
    const fresh = await createRestToken({ keySid, keySecret, nowMs, ttlSec: tokenTtlSec });
    cached = { token: fresh, expSec: Math.floor(nowMs / 1000) + tokenTtlSec };
    return fresh;
  }

  /** Removes the secret and the token from any text that may reach a log. */
  function redact(text: string): string {
    let out = text;
    for (const hidden of [keySecret, cached?.token]) {
      if (hidden) out = out.split(hidden).join("[redacted]");
    }
    return out.replace(JWT_LIKE, "[redacted]").slice(0, MAX_QUOTED);
  }

  async function attempt(
    method: string,
    target: string,
    body: unknown,
    idempotent: boolean,
  ): Promise<{ ok: true; envelope: PccEnvelope } | { ok: false; failure: Failure }> {
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const headers: Record<string, string> = {
        "X-STRINGEE-AUTH": await token(),
        Accept: "application/json",
      };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(`${root}${target}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (signal.aborted || (error instanceof Error && error.name === "TimeoutError")) {
        return {
          ok: false,
          failure: { kind: "timeout", message: `no answer within ${timeoutMs} ms`, retry: idempotent },
        };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const code = (cause as { code?: unknown } | null)?.code;
      const detail = typeof code === "string" ? code : cause instanceof Error ? cause.message : String(cause);
      return {
        ok: false,
        failure: { kind: "network", message: `network error: ${redact(detail)}`, retry: idempotent },
      };
    }
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const envelope = pccEnvelopeSchema.safeParse(json);
    if (status < 200 || status >= 300) {
      const said = envelope.success ? pccMessage(envelope.data) : "";
      return {
        ok: false,
        failure: {
          kind: "http",
          message: `HTTP ${status}${said ? `: ${redact(said)}` : ""}`,
          retry: status === 429 || (status >= 500 && idempotent),
          status,
          ...(envelope.success ? { r: envelope.data.r } : {}),
        },
      };
    }
    if (!envelope.success) {
      return {
        ok: false,
        failure: {
          kind: "invalid-response",
          message: `not a PCC envelope (${redact(describeZodError(envelope.error))})`,
          retry: false,
          status,
        },
      };
    }
    if (envelope.data.r !== 0) {
      const said = pccMessage(envelope.data);
      return {
        ok: false,
        failure: {
          kind: "api",
          message: `PCC answered r=${envelope.data.r}${said ? `: ${redact(said)}` : ""}`,
          retry: true,
          status,
          r: envelope.data.r,
        },
      };
    }
    return { ok: true, envelope: envelope.data };
  }

  async function send(method: string, path: string, query?: Query, body?: unknown): Promise<PccEnvelope> {
    const target = pathWithQuery(path, query);
    const idempotent = method !== "POST";
    for (let attempts = 1; ; attempts++) {
      const result = await attempt(method, target, body, idempotent);
      if (result.ok) return result.envelope;
      const { failure } = result;
      if (!failure.retry || attempts > retries) {
        throw new PccError({
          kind: failure.kind,
          message: `${method} ${target} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${failure.message}`,
          path: target,
          attempts,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
          ...(failure.r !== undefined ? { r: failure.r } : {}),
        });
      }
      await sleep(backoffMs * 2 ** (attempts - 1) + jitter(backoffMs));
    }
  }

  function invalid(path: string, message: string): PccError {
    return new PccError({
      kind: "invalid-response",
      message: `${path}: ${redact(message)}`,
      path,
      attempts: 1,
    });
  }

  async function listAll<D extends { totalPages: number }, T>(
    path: string,
    query: Query,
    schema: z.ZodType<D>,
    items: (data: D) => T[],
  ): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const pageQuery = { ...query, page, limit: pageSize };
      const envelope = await send("GET", path, pageQuery);
      const parsed = schema.safeParse(envelope.data);
      if (!parsed.success) {
        throw invalid(
          pathWithQuery(path, pageQuery),
          `unexpected list data (${describeZodError(parsed.error)})`,
        );
      }
      const rows = items(parsed.data);
      out.push(...rows);
      if (rows.length === 0 || page >= parsed.data.totalPages) break;
    }
    return out;
  }

  async function create(path: string, body: unknown, idKey: string): Promise<string> {
    const envelope = await send("POST", path, undefined, body);
    const id = envelope[idKey];
    if (typeof id !== "string" && typeof id !== "number") throw invalid(path, `answer has no ${idKey}`);
    return String(id);
  }

  return {
    listAgents: () => listAll("/v1/agent", {}, pccAgentListSchema, (d) => d.agents),
    listGroups: () => listAll("/v1/group", {}, pccGroupListSchema, (d) => d.groups),
    listGroupMembers: (groupId) =>
      listAll(
        "/v1/manage-agents-in-group",
        { group: groupId },
        pccGroupMemberListSchema,
        (d) => d.groupAgents,
      ),
    listQueues: () => listAll("/v1/queue", {}, pccQueueListSchema, (d) => d.queues),
    listGroupRoutings: (queueId) =>
      listAll(
        "/v1/routing-call-to-groups",
        { queue: queueId },
        pccGroupRoutingListSchema,
        (d) => d.groupRoutings,
      ),
    updateAgent: async (agentId, patch) => {
      await send("PUT", `/v1/agent/${encodeURIComponent(agentId)}`, undefined, patch);
    },
    createAgent: (input) => create("/v1/agent", input, "agentID"),
    createGroup: (input) => create("/v1/group", input, "groupID"),
    addAgentToGroup: async (agentId, groupId) => {
      await send("POST", "/v1/manage-agents-in-group", undefined, { agent_id: agentId, group_id: groupId });
    },
    createQueue: (input) => create("/v1/queue", input, "queueID"),
    routeQueueToGroup: (queueId, groupId, primary) =>
      create(
        "/v1/routing-call-to-groups",
        { queue_id: queueId, group_id: groupId, primary_group: primary ? 1 : 0 },
        "groupRoutingID",
      ),
  };
}
