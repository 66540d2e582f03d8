import { describeZodError, hasRole, type StaffRole, type UserPrincipal } from "@callboard/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { RangeRefusedError, toTRPCError } from "./errors.ts";

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
    const rangeRefusal = error.cause instanceof RangeRefusedError ? error.cause.refusal : null;
    return { ...shape, message, data: { ...shape.data, rangeRefusal } };
  },
});

/** Turns domain rejections, failed PCC writes and auth refusals into typed tRPC errors with their words. */
const expectedErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause);
  if (mapped) throw mapped;
  return result;
});

/** A procedure only a signed-in person holding `role` (or a higher one) may call. */
function withRole(role: StaffRole) {
  return t.procedure.use(expectedErrors).use(({ ctx, next }) => {
    const principal = ctx.actor.principal;
    if (principal?.kind !== "user") {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
    }
    if (!hasRole(principal.role, role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `this needs the ${role} role; you are ${principal.role}`,
      });
    }
    return next({ ctx: { ...ctx, user: principal satisfies UserPrincipal } });
  });
}

/**
 * A procedure only a signed-in agent linked to a Callboard agent may call, acting as that agent
 * (ctx.agentId, from the session, never from the input): an agent can act on no one else.
 */
const agentOnly = t.procedure.use(expectedErrors).use(({ ctx, next }) => {
  const principal = ctx.actor.principal;
  if (principal?.kind !== "user") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  }
  if (principal.role !== "agent") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `the agent desk needs the agent role; you are ${principal.role}`,
    });
  }
  if (principal.agentId === null) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "your account is not linked to an agent yet; ask an admin to link it",
    });
  }
  return next({ ctx: { ...ctx, user: principal satisfies UserPrincipal, agentId: principal.agentId } });
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The procedures every endpoint is built from. There is deliberately no bare `procedure`: a new
 * endpoint must say who may call it, and the route-enumeration test proves each one refuses the rest.
 */
/** Open to anyone: only `auth.me`, which tells the page whether it is signed in. */
export const publicProcedure = t.procedure.use(expectedErrors);
/** Read only: the board, decisions, timelines. */
export const viewerProcedure = withRole("viewer");
/** The agent actions: manual status (and, later, moving agents between groups). */
export const supervisorProcedure = withRole("supervisor");
/** Users, wallboard tokens, the audit trail, raw events. */
export const adminProcedure = withRole("admin");
/** The agent desk: the signed-in agent's own status, calls, presence and client token. */
export const agentProcedure = agentOnly;
