import type { ConnectorStatus } from "@callboard/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerProcedure } from "../trpc.ts";

export const connectorRouter = {
  /** Which mode the core runs in and, in stringee mode, the connector's status panel. */
  status: viewerProcedure.query(
    ({ ctx }): { mode: "standalone" } | { mode: "stringee"; status: ConnectorStatus } =>
      ctx.connectorStatus ? { mode: "stringee", status: ctx.connectorStatus } : { mode: "standalone" },
  ),
} satisfies TRPCRouterRecord;
