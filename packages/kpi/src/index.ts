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
export {
  COUNTER_NAMES,
  type CounterName,
  F,
  FIELDS,
  type KpiPeriod,
  kpiPeriod,
  serviceLevelParts,
} from "./counters.ts";
export { type AgentDayFigures, agentDayFigures } from "./desk-day.ts";
export { agentsNeeded, erlangAsa, erlangB, erlangC, erlangServiceLevel } from "./erlang.ts";
export {
  BUCKET_MS,
  emptyKpiState,
  foldKpi,
  type KpiState,
  type OpenHistoryScope,
  openHistory,
  type QueueKpis,
  queueKpis,
  queueTimeZone,
  recordHistory,
} from "./fold.ts";
export {
  checkRangeShape,
  checkStep,
  HISTORY_MAX_DAYS,
  HISTORY_PRESETS,
  type HistoryPreset,
  type HistoryRangeInput,
  isRefusal,
  LOCAL_DATE_PATTERN,
  localDateOf,
  QUARTER_HOUR_MAX_DAYS,
  type RangeRefusal,
  type RangeRefusalReason,
  type ResolvedRange,
  resolveHistoryRange,
} from "./history-range.ts";
export {
  A,
  AGENT_COUNTER_NAMES,
  AGENT_FIELDS,
  type BucketDelta,
  createHistoryRecorder,
  drainHistory,
  HISTORY_BUCKET_MS,
  HISTORY_VERSION,
  type HistoryDelta,
  type HistoryRecorder,
  isHistoryEmpty,
} from "./history-recorder.ts";
export {
  type AgentPeriod,
  agentPeriod,
  agentSeries,
  type BucketRow,
  GRANULARITIES,
  type Granularity,
  historyPeriods,
  queueSeries,
  sumIntoPeriods,
} from "./history-series.ts";
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
