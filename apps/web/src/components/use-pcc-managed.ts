"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc";

/** True in stringee mode, where PCC holds agents, groups, members and its queue fields. */
export function usePccManaged(): boolean {
  const trpc = useTRPC();
  const status = useQuery(trpc.connector.status.queryOptions());
  return status.data?.mode === "stringee";
}
