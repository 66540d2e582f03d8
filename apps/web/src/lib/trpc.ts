import type { AppRouter } from "@callboard/api";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";

export type CallboardClient = TRPCClient<AppRouter>;

/** The one typed client the dashboard uses for snapshots and commands. */
export function createCallboardClient(serverUrl: string): CallboardClient {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${serverUrl}/trpc` })] });
}
