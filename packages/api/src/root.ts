import { agentsRouter } from "./routers/agents.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { callsRouter } from "./routers/calls.ts";
import { centerRouter } from "./routers/center.ts";
import { connectorRouter } from "./routers/connector.ts";
import { decisionsRouter } from "./routers/decisions.ts";
import { deskRouter } from "./routers/desk.ts";
import { eventsRouter } from "./routers/events.ts";
import { groupsRouter } from "./routers/groups.ts";
import { historyRouter } from "./routers/history.ts";
import { queuesRouter } from "./routers/queues.ts";
import { usersRouter } from "./routers/users.ts";
import { wallboardsRouter } from "./routers/wallboards.ts";
import { whatIfRouter } from "./routers/what-if.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

/** Every procedure the board calls, served by apps/server under /trpc. */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  center: centerRouter,
  agents: agentsRouter,
  groups: groupsRouter,
  queues: queuesRouter,
  events: eventsRouter,
  decisions: decisionsRouter,
  calls: callsRouter,
  connector: connectorRouter,
  users: usersRouter,
  wallboards: wallboardsRouter,
  audit: auditRouter,
  desk: deskRouter,
  history: historyRouter,
  whatIf: whatIfRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a given context (tests, and server-side callers later). */
export const createCaller = createCallerFactory(appRouter);
