"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { worthRetrying } from "~/lib/query-retry";
import { createCallboardClient, TRPCProvider } from "~/lib/trpc";

/** One query cache and one tRPC client per page load. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            // Refusals (4xx: bad input, unknown ids, signed out, forbidden) are answers, not glitches.
            retry: worthRetrying,
          },
        },
      }),
  );
  const [trpcClient] = useState(createCallboardClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
