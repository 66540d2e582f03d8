import type { IncomingMessage, ServerResponse } from "node:http";
import { describeZodError, signInSchema } from "@callboard/contracts";
import { z } from "zod";
import { HttpError, readJson, sendJson } from "../http.ts";
import type { Auth, SignedIn } from "./auth.ts";
import { clientAddress, isHttps, type RequestPolicy } from "./request-policy.ts";
import { clearedSessionCookie, sessionCookie, sessionToken } from "./session-cookie.ts";

const signInLinkSchema = z.strictObject({ code: z.string().min(1).max(100) });

export interface AuthHandlerDeps {
  auth: Auth;
  policy: RequestPolicy;
  clock: () => number;
}

/** POST /auth/sign-in, /auth/sign-in-link and /auth/sign-out: the only doors that set or clear the cookie. */
export function authHandlers({ auth, policy, clock }: AuthHandlerDeps) {
  const opened = (req: IncomingMessage, res: ServerResponse, signed: SignedIn) => {
    res.setHeader("set-cookie", sessionCookie(signed.token, signed.expiresAt, isHttps(req, policy), clock()));
    res.setHeader("cache-control", "no-store");
    sendJson(res, 200, { me: signed.me, expiresAt: signed.expiresAt });
  };
  return {
    signIn: async (req: IncomingMessage, res: ServerResponse) => {
      const parsed = signInSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
      opened(
        req,
        res,
        await auth.signIn(parsed.data.username, parsed.data.password, clientAddress(req, policy)),
      );
    },
    signInLink: async (req: IncomingMessage, res: ServerResponse) => {
      const parsed = signInLinkSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new HttpError(400, describeZodError(parsed.error));
      opened(req, res, auth.redeemSignInLink(parsed.data.code, clientAddress(req, policy)));
    },
    signOut: async (req: IncomingMessage, res: ServerResponse) => {
      const principal = auth.sessionPrincipal(sessionToken(req));
      if (principal) auth.signOut(principal, clientAddress(req, policy));
      res.setHeader("set-cookie", clearedSessionCookie(isHttps(req, policy)));
      res.writeHead(204).end();
    },
  };
}
