// The KPI package's public surface: only what other packages import.

export { type Advice, advise, MIN_ARRIVALS, MIN_HANDLED, MIN_SPAN_SEC } from "./advise.ts";
export {
  type AgentDay,
  type AgentDayJson,
  type AgentDaySnapshot,
  type AgentDayState,
  agentDayJson,
  agentDaySnapshot,
  agentDayStateFrom,
  agentToday,
  emptyAgentDayState,
  foldAgentDay,
  restoreAgentDay,
} from "./agent-day.ts";
export { type AgentDayFigures, agentDayFigures } from "./desk-day.ts";
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
export { type KpiSnapshot, kpiSnapshot, restoreKpi } from "./snapshot.ts";
export {
  emptyStatusDayState,
  foldStatusDay,
  restoreStatusDay,
  type StatusDay,
  type StatusDayJson,
  type StatusDayState,
  statusDayJson,
  statusToday,
} from "./status-day.ts";
export {
  type KpiPeriodView,
  type Level,
  longestWaitLevel,
  type QueueKpiView,
  queueKpiView,
  serviceLevelLevel,
} from "./view.ts";
