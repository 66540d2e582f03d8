import { agentsRouter } from "./routers/agents.ts";
import { centerRouter } from "./routers/center.ts";
import { eventsRouter } from "./routers/events.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  center: centerRouter,
  agents: agentsRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
