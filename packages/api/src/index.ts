/** The tRPC API: procedures over the core, the event log and the connector, typed end to end. */
export { submitAsPerson } from "./audited-submit.ts";
export type {
  AuthHandle,
  Context,
  CoreHandle,
  DeskHandle,
  EventHistory,
  HistoryReader,
  HistoryRow,
  PccHandle,
  TelephonyPort,
  WhatIfHandle,
  WhatIfStatus,
} from "./context.ts";
export { WhatIfUnavailableError } from "./context.ts";
export {
  TRPC_CODE_FOR_AUTH,
  TRPC_CODE_FOR_PCC_WRITE,
  TRPC_CODE_FOR_REJECTION,
  toTRPCError,
} from "./errors.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
