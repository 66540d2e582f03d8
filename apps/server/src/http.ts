import type { IncomingMessage, ServerResponse } from "node:http";
import { type AuthHandle, submitAsPerson } from "@callboard/api";
import {
  type Actor,
  AuthError,
  type AuthErrorCode,
  CoreUnavailableError,
  DomainRejectedError,
  describeZodError,
  PccWriteError,
  type PccWriteFailure,
  submitEventSchema,
} from "@callboard/contracts";
import type { RejectCode } from "@callboard/routing";
import { isJsonContentType } from "./auth/request-policy.ts";
import type { Core } from "./core.ts";

/** Bodies larger than this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The HTTP status a domain refusal is answered with. */
export const HTTP_STATUS_FOR_REJECTION: Record<RejectCode, number> = {
  UNKNOWN_AGENT: 404,
  UNKNOWN_GROUP: 404,
  UNKNOWN_QUEUE: 404,
  UNKNOWN_CALL: 404,
  INVALID: 400,
  CONFLICT: 409,
};

/** The HTTP status a failed write-through to PCC is answered with: retry later (412), or PCC said no (502). */
export const HTTP_STATUS_FOR_PCC_WRITE: Record<PccWriteFailure, number> = {
  NOT_SYNCED: 412,
  PCC_REFUSED: 502,
};

/** The HTTP status an auth refusal is answered with. */
export const HTTP_STATUS_FOR_AUTH: Record<AuthErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** A request the client must fix: its status and a message that says what is wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}

/** The raw body, refused with 413 past MAX_BODY_BYTES (webhook signatures are computed over these bytes). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON text, or says why it is not JSON (400). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A JSON body (content-type checked, size limited). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!isJsonContentType(req.headers["content-type"])) {
    throw new HttpError(415, "the body must be JSON (content-type: application/json)");
  }
  return parseJson(await readBody(req));
}

/**
 * Runs a handler and answers its expected failures: HttpError with its status, a domain refusal
 * with the domain's words, a failed write to PCC with 412/502. Anything else is a bug and goes to
 * the caller's 500.
 */
export async function answerErrors(res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.status === 413) res.setHeader("connection", "close");
      sendJson(res, error.status, { error: error.message });
    } else if (error instanceof DomainRejectedError) {
      sendJson(res, HTTP_STATUS_FOR_REJECTION[error.code], { error: error.message, code: error.code });
    } else if (error instanceof PccWriteError) {
      sendJson(res, HTTP_STATUS_FOR_PCC_WRITE[error.kind], { error: error.message, code: error.kind });
    } else if (error instanceof CoreUnavailableError) {
      res.setHeader("retry-after", "5");
      sendJson(res, 503, { error: error.message });
    } else if (error instanceof AuthError) {
      if (error.retryAfterSec !== undefined) res.setHeader("retry-after", String(error.retryAfterSec));
      sendJson(res, HTTP_STATUS_FOR_AUTH[error.code], { error: error.message, code: error.code });
    } else {
      throw error;
    }
  }
}

/**
 * POST /api/events: the plain-HTTP door for event sources that are not TypeScript clients
 * (agent apps, scripts, the e2e suite). Same validation and answers as the events.submit mutation.
 */
export async function handleSubmitEvent(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { core: Core; auth: AuthHandle },
  actor: Actor,
): Promise<void> {
  await answerErrors(res, async () => {
    if (req.method !== "POST") throw new HttpError(405, "use POST");
    const parsed = submitEventSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
    const result = await submitAsPerson(deps, actor, parsed.data.event, {
      idempotencyKey: parsed.data.idempotencyKey ?? null,
    });
    sendJson(res, result.duplicate ? 200 : 201, result);
  });
}
