import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyRestToken } from "../verify-rest-token.ts";
import { createFakeStore, type FakeAgentRow, type FakeStore } from "./fake-store.ts";

/** A failure the fake injects into the next requests, before authentication. */
export const FakeFailure = { HTTP_500: "http500", API_ERROR: "api-error", TIMEOUT: "timeout" } as const;
export type FakeFailure = (typeof FakeFailure)[keyof typeof FakeFailure];

/** One request the fake received, for assertions. */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The REST token presented (header or `access_token`), or null. */
  token: string | null;
  authorized: boolean;
  /** The HTTP status sent; null while held by an injected timeout. */
  status: number | null;
}

/** The API key the fake accepts tokens for, and the project id it reports. */
export interface FakePccOptions {
  keySid: string;
  keySecret: string;
  projectId: number;
  /**
   * HTTP status for a missing or invalid token. PCC's is undocumented; 401 with a non-zero `r` is assumed.
   */
  authFailureStatus?: number;
}

/** A running fake PCC: its URL, data, request log and failure injection. */
export interface FakePcc {
  /** Base URL, e.g. http://127.0.0.1:54321 (paths start with /v1/…). */
  url: string;
  store: FakeStore;
  requests: FakeRequest[];
  /** The next `n` requests fail this way (HTTP 500, `{r: 1}`, or no answer at all). */
  failNext(n: number, kind: FakeFailure): void;
  close(): Promise<void>;
}

/** `r` the fake answers when it refuses a token or a request (PCC's codes are undocumented). */
export const FAKE_AUTH_ERROR_R = 1;
/** `r` the fake answers for refused requests and injected API errors. */
export const FAKE_ERROR_R = 1;

/** PCC's default and (assumed) maximum page size. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

type Json = Record<string, unknown>;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

function intParam(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? Math.min(n, max) : fallback;
}

function text(body: Json, key: string, required: boolean): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw new HttpProblem(400, `${key} is required`);
    return undefined;
  }
  if (typeof value !== "string" && typeof value !== "number")
    throw new HttpProblem(400, `${key} must be a string`);
  return String(value);
}

/**
 * A real HTTP server speaking PCC's REST dialect (§3–§5): string counts, `r`/`message` envelopes,
 * `page`/`limit` paging, `X-STRINGEE-AUTH` checked like PCC would. Tests point the real client at it.
 */
export async function startFakePcc(options: FakePccOptions): Promise<FakePcc> {
  const { keySid, keySecret, projectId, authFailureStatus = 401 } = options;
  const store = createFakeStore(projectId);
  const requests: FakeRequest[] = [];
  const failures: FakeFailure[] = [];
  const ok = (message: string, extra: Json = {}): Json => ({ r: 0, project: projectId, message, ...extra });

  function list<T>(
    query: Record<string, string>,
    rows: T[],
    totalKey: string,
    itemsKey: string,
    message: string,
  ) {
    const limit = intParam(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const currentPage = intParam(query.page, 1, 1, Number.MAX_SAFE_INTEGER);
    const totalPages = Math.ceil(rows.length / limit);
    return ok(message, {
      data: {
        [totalKey]: String(rows.length),
        totalPages,
        currentPage,
        limit,
        [itemsKey]: rows.slice((currentPage - 1) * limit, currentPage * limit),
      },
    });
  }

  function route(method: string, path: string, query: Record<string, string>, body: Json): Json {
    const agentPath = /^\/v1\/agent\/([^/]+)$/.exec(path);
    const key = `${method} ${agentPath ? "/v1/agent/:id" : path}`;
    switch (key) {
      case "GET /v1/agent": {
        const userId = query.stringee_user_id;
        const rows =
          userId === undefined ? store.agents : store.agents.filter((a) => a.stringee_user_id === userId);
        return list(query, rows, "totalAgents", "agents", "Load agent(s) success");
      }
      case "POST /v1/agent": {
        const stringeeUserId = text(body, "stringee_user_id", true) as string;
        if (store.agents.some((a) => a.stringee_user_id === stringeeUserId)) {
          throw new HttpProblem(400, "stringee_user_id already exists");
        }
        const routingType = body.routing_type === undefined ? undefined : Number(body.routing_type);
        if (routingType !== undefined && routingType !== 1 && routingType !== 2) {
          throw new HttpProblem(400, "routing_type must be 1 or 2");
        }
        const name = text(body, "name", true) as string;
        const manualStatus = text(body, "manual_status", false);
        const phoneNumber = text(body, "phone_number", false);
        const agentID = store.addAgent({
          stringeeUserId,
          name,
          ...(manualStatus !== undefined ? { manualStatus } : {}),
          ...(routingType !== undefined ? { routingType } : {}),
          ...(phoneNumber !== undefined ? { phoneNumber } : {}),
        });
        return ok("Create agent success", { agentID });
      }
      case "PUT /v1/agent/:id": {
        const id = decodeURIComponent(agentPath?.[1] ?? "");
        const patch: Partial<FakeAgentRow> = {};
        for (const field of ["name", "stringee_user_id", "manual_status", "phone_number"] as const) {
          const value = text(body, field, false);
          if (value !== undefined) patch[field] = value;
        }
        if (body.routing_type !== undefined) {
          const routingType = Number(body.routing_type);
          if (routingType !== 1 && routingType !== 2)
            throw new HttpProblem(400, "routing_type must be 1 or 2");
          patch.routing_type = routingType;
        }
        if (!store.updateAgent(id, patch)) throw new HttpProblem(404, "Agent not found");
        return ok("Update agent success");
      }
      case "GET /v1/group":
        return list(query, store.groups, "totalGroups", "groups", "Load group(s) success");
      case "POST /v1/group":
        return ok("Create group success", { groupID: store.addGroup(text(body, "name", true) as string) });
      case "GET /v1/manage-agents-in-group": {
        const group = query.group;
        if (!group) throw new HttpProblem(400, "group is required");
        const rows = store.members.filter((m) => m.group_id === group);
        return list(query, rows, "totalCount", "groupAgents", "Load agent(s) in group success");
      }
      case "POST /v1/manage-agents-in-group": {
        const agentID = text(body, "agent_id", true) as string;
        const groupID = text(body, "group_id", true) as string;
        if (!store.agents.some((a) => a.id === agentID)) throw new HttpProblem(404, "Agent not found");
        if (!store.groups.some((g) => g.id === groupID)) throw new HttpProblem(404, "Group not found");
        store.addMember(groupID, agentID);
        return ok("Add agent to Group success", { agentID, groupID });
      }
      case "GET /v1/queue":
        return list(query, store.queues, "totalQueues", "queues", "Load queue(s) success");
      case "POST /v1/queue": {
        const { id: _id, account: _a, project: _p, ...settings } = body;
        const name = text(body, "name", true) as string;
        return ok("Create queue success", { queueID: store.addQueue({ ...settings, name }) });
      }
      case "GET /v1/routing-call-to-groups": {
        const queue = query.queue;
        if (!queue) throw new HttpProblem(400, "queue is required");
        const rows = store.routings.filter((r) => r.queue_id === queue);
        return list(query, rows, "totalCount", "groupRoutings", "Load group routing(s) success");
      }
      case "POST /v1/routing-call-to-groups": {
        const queueId = text(body, "queue_id", true) as string;
        const groupId = text(body, "group_id", true) as string;
        const primary = Number(body.primary_group);
        if (primary !== 0 && primary !== 1) throw new HttpProblem(400, "primary_group must be 0 or 1");
        if (!store.queues.some((q) => q.id === queueId)) throw new HttpProblem(404, "Queue not found");
        if (!store.groups.some((g) => g.id === groupId)) throw new HttpProblem(404, "Group not found");
        const groupRoutingID = store.routeQueueToGroup(queueId, groupId, primary === 1);
        return ok("Create group routing success", { groupRoutingID });
      }
      default:
        throw new HttpProblem(404, `No route ${method} ${path}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const raw = await readBody(req);
    const query = Object.fromEntries(url.searchParams);
    const header = req.headers["x-stringee-auth"];
    const token = (Array.isArray(header) ? header[0] : header) ?? query.access_token ?? null;
    const entry: FakeRequest = {
      method: req.method ?? "GET",
      path: url.pathname.replace(/(.)\/+$/, "$1"),
      query,
      body: undefined,
      token,
      authorized: false,
      status: null,
    };
    requests.push(entry);
    const reply = (status: number, body: Json) => {
      entry.status = status;
      send(res, status, body);
    };

    const failure = failures.shift();
    if (failure === "timeout") return; // Hold the request: the client's timeout must fire.
    if (failure === "http500") {
      entry.status = 500;
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("Internal Server Error");
      return;
    }
    if (failure === "api-error") return reply(200, { r: FAKE_ERROR_R, message: "Server is busy, try again" });

    const verdict = token ? await verifyRestToken(token, keySecret, { keySid }) : null;
    if (!verdict?.ok) {
      const why = verdict ? verdict.message : "missing X-STRINGEE-AUTH";
      return reply(authFailureStatus, { r: FAKE_AUTH_ERROR_R, message: `Access token is invalid: ${why}` });
    }
    entry.authorized = true;

    let body: Json = {};
    if (raw !== "") {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error();
        body = parsed as Json;
      } catch {
        return reply(400, { r: FAKE_ERROR_R, message: "Body must be a JSON object" });
      }
    }
    entry.body = raw === "" ? undefined : body;
    try {
      reply(200, route(entry.method, entry.path, query, body));
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      reply(error.status, { r: FAKE_ERROR_R, message: error.message });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { r: FAKE_ERROR_R, message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    requests,
    failNext(n, kind) {
      for (let i = 0; i < n; i++) failures.push(kind);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
