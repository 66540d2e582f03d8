import type { AppRouter } from "@callboard/api";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export type CallboardClient = TRPCClient<AppRouter>;

/** The core's API, through the dashboard's own origin (server.ts proxies /trpc): the session cookie rides along. */
export function createCallboardClient(): CallboardClient {
  return createTRPCClient<AppRouter>({
    // The core refuses batches over 20 calls; the link splits longer ones.
    links: [httpBatchLink({ url: "/trpc", maxItems: 20 })],
  });
}

/** Request/response pages (admin, audit) use tRPC through TanStack Query, as create-t3-turbo does. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
