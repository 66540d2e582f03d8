import {
  type ConnectorStatus,
  DomainRejectedError,
  describeZodError,
  PccWriteError,
  type PccWriteFailure,
} from "@callboard/contracts";
import type { EventLog } from "@callboard/db";
import type { LoggedEvent, RejectCode } from "@callboard/routing";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Core } from "../core.ts";
import type { Connector } from "../stringee/connector.ts";

export interface Context {
  core: Core;
  /** Read-only use here: history queries (decisions, timelines). Only the core writes. */
  log: EventLog<LoggedEvent>;
  clock: () => number;
  /** Which event history this server holds (see Snapshot.centerId). */
  centerId: string;
  /** The Stringee connector's live status; null in standalone mode. */
  connector: ConnectorStatus | null;
  /** Stringee mode: admin edits go to PCC first (see Connector.setManualStatus); null in standalone mode. */
  pcc: Pick<Connector, "setManualStatus"> | null;
  /** Who is calling; sign-in will set this, and `procedure` below is where roles get checked. */
  viewer: "anonymous";
}

const t = initTRPC.context<Context>().create({
  // Never send stack traces or file paths to clients, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    // zod's default message is a JSON dump; clients get one readable line naming each bad field.
    const message =
      error.cause instanceof ZodError
        ? describeZodError(error.cause)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "internal error"
          : shape.message;
    return { ...shape, message };
  },
});

const TRPC_CODE_FOR_REJECTION = {
  UNKNOWN_AGENT: "NOT_FOUND",
  UNKNOWN_GROUP: "NOT_FOUND",
  UNKNOWN_QUEUE: "NOT_FOUND",
  UNKNOWN_CALL: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
} as const satisfies Record<RejectCode, string>;

const TRPC_CODE_FOR_PCC_WRITE = {
  NOT_SYNCED: "PRECONDITION_FAILED",
  PCC_REFUSED: "BAD_GATEWAY",
} as const satisfies Record<PccWriteFailure, string>;

/** Turns domain rejections and failed PCC writes into typed tRPC errors with the domain's words. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainRejectedError) {
    throw new TRPCError({ code: TRPC_CODE_FOR_REJECTION[cause.code], message: cause.message, cause });
  }
  if (cause instanceof PccWriteError) {
    throw new TRPCError({ code: TRPC_CODE_FOR_PCC_WRITE[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
/** The one procedure every endpoint is built from, so authorization is added in one place. */
export const procedure = t.procedure.use(domainErrors);
