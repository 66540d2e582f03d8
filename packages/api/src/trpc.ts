import { describeZodError } from "@callboard/contracts";
import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { toTRPCError } from "./errors.ts";

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

/** Turns domain rejections and failed PCC writes into typed tRPC errors with the domain's words. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause);
  if (mapped) throw mapped;
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The one procedure every endpoint is built from, so authorization is added in one place. */
export const procedure = t.procedure.use(domainErrors);
