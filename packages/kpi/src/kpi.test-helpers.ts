/**
 * Test-only helpers: a center driven through the pure engine's `step`, with the KPI fold run on
 * every logged event the way the server runs it (after the whole step, with the state as it is
 * then), and the log kept for replays. Not exported from index.ts.
 */
import {
  type CenterState,
  type DomainEvent,
  emptyState,
  type LoggedEvent,
  QUEUE_DEFAULTS,
  type QueueConfig,
  replay,
  step,
} from "@callboard/routing";
import { emptyKpiState, foldKpi, type KpiState } from "./fold.ts";
import type { HistoryRecorder } from "./history-recorder.ts";

/** Monday 23 November 2026, 09:00 in Ho Chi Minh City (UTC+7) = 02:00Z. */
export const MONDAY_0900_HCM = Date.parse("2026-11-23T02:00:00Z");
/** Local midnight that ends that Monday in Ho Chi Minh City. */
export const TUESDAY_0000_HCM = Date.parse("2026-11-23T17:00:00Z");
export const SEC = 1000;
export const MIN = 60_000;

export type QueueOverrides = Partial<Omit<QueueConfig, "id" | "groups">>;

export function queueConfig(id: string, groupIds: string[], overrides: QueueOverrides = {}): QueueConfig {
  return {
    ...QUEUE_DEFAULTS,
    id,
    name: id,
    groups: groupIds.map((groupId) => ({ groupId, primary: true })),
    agentWrapUpAfterCalls: false,
    // Tests answer when they choose: offers ring for 10 minutes unless a test says otherwise.
    waitAgentAnswerTimeout: 600,
    maximumQueueSize: 100,
    maximumQueueWaitTime: 3600,
    ...overrides,
  };
}

/** A center whose KPI fold also records history's buckets when given a recorder. */
export function center(history: HistoryRecorder | null = null) {
  const state: CenterState = emptyState();
  const kpi: KpiState = emptyKpiState(history);
  const log: LoggedEvent[] = [];
  const send = (event: DomainEvent | null, at: number): LoggedEvent[] => {
    const result = step(state, event, at);
    if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
    log.push(...result.applied);
    for (const e of result.applied) foldKpi(kpi, e, state);
    return result.applied;
  };
  const agent = (id: string, at: number, { available = true } = {}) => {
    send({ type: "agent.upserted", agent: { id, name: id, phoneNumber: null, routingType: 1 } }, at);
    send({ type: "agent.presence_changed", agentId: id, signal: "app", online: true }, at);
    if (available) send({ type: "agent.manual_status_set", agentId: id, status: "AVAILABLE" }, at);
  };
  const team = (queueId: string, members: string[], at: number, overrides: QueueOverrides = {}) => {
    send({ type: "group.upserted", group: { id: `${queueId}.team`, name: "team", members } }, at);
    send({ type: "queue.upserted", queue: queueConfig(queueId, [`${queueId}.team`], overrides) }, at);
  };
  /** The agent the engine offered the call to last, if it is ringing one. */
  const ringing = (callId: string) => state.calls[callId]?.ringing[0];
  return {
    state,
    kpi,
    log,
    send,
    agent,
    team,
    ringing,
    tick: (at: number) => send(null, at),
    arrive: (callId: string, queueId: string, at: number) =>
      send({ type: "call.arrived", callId, queueId, from: "84900000000" }, at),
    answer: (callId: string, at: number, agentId = ringing(callId)!) =>
      send({ type: "call.answered", callId, agentId }, at),
    end: (callId: string, at: number, extra: { talkSec?: number; answered?: boolean } = {}) =>
      send({ type: "call.ended", callId, ...extra }, at),
    abandon: (callId: string, at: number) => send({ type: "call.abandoned", callId }, at),
  };
}

/** Folds `log` from scratch as restart recovery does: each event with the state right after it. */
export function foldFromScratch(log: readonly LoggedEvent[]): KpiState {
  const state = emptyState();
  const kpi = emptyKpiState();
  for (const e of log) {
    replay(state, [e]);
    foldKpi(kpi, e, state);
  }
  return kpi;
}
