// The KPI package's public surface: only what other packages import.
export { type Advice, advise, MIN_ARRIVALS, MIN_HANDLED, MIN_SPAN_SEC } from "./advise.ts";
export {
  type AgentDayFigures,
  type AgentDayState,
  agentDay,
  emptyAgentDayState,
  foldAgentDay,
} from "./agent-day.ts";
export { agentsNeeded, erlangAsa, erlangB, erlangC, erlangServiceLevel } from "./erlang.ts";
export {
  BUCKET_MS,
  emptyKpiState,
  foldKpi,
  type KpiPeriod,
  type KpiState,
  type QueueKpis,
  queueKpis,
} from "./fold.ts";
export { localDay, localDayStart } from "./local-day.ts";
export { type MmcOptions, type MmcResult, simulateMmc } from "./mmc.ts";
export {
  type KpiPeriodView,
  type Level,
  longestWaitLevel,
  type QueueKpiView,
  queueKpiView,
  serviceLevelLevel,
} from "./view.ts";
