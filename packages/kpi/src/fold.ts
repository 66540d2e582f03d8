import {
  AVAILABLE,
  type CenterState,
  DEFAULT_TIME_ZONE,
  type LoggedEvent,
  membersAfter,
  own,
  PUSH_TOKENS_PER_AGENT,
  QUEUE_KPI_DEFAULTS,
  type QueueConfig,
} from "@callboard/routing";
import { F, FIELDS, type KpiPeriod, kpiPeriod } from "./counters.ts";
import {
  A,
  type AgentStateField,
  createHistoryRecorder,
  drainHistory,
  type HistoryDelta,
  type HistoryRecorder,
  recordAgent,
  recordAgentSpan,
  recordQueue,
  recordQueueSpan,
} from "./history-recorder.ts";
import { type LocalDay, localDayCached } from "./local-day.ts";

/**
 * Queue KPIs folded from the LOGGED events, one event at a time, with time as data (each event's
 * `at`; reads take `now`). Per queue, two periods: **today** (since local midnight in the queue's
 * time zone: its business-hours zone, else Asia/Ho_Chi_Minh) and a **rolling window** of the
 * queue's `kpiWindowMin` minutes.
 *
 * ## What each event counts (every count goes to the period holding the event's own `at`)
 *
 * | event                                           | counts                                                 |
 * | ----------------------------------------------- | ------------------------------------------------------ |
 * | `call.arrived`                                  | arrived                                                |
 * | `call.finished` closed                          | closed — never admitted, so **not offered**            |
 * | `call.finished` rejected (queue full)           | rejected — never admitted, so **not offered**          |
 * | `call.finished` timed_out                       | offered, timed out                                     |
 * | `call.answered`                                 | offered, answered; wait = answer − arrival             |
 * | `call.abandoned` / `call.ended`, not answered   | offered, and abandoned — or short abandoned when the   |
 * |                                                 | caller waited under `shortAbandonSec`                  |
 * | `call.ended {answered: true}`, no answer seen   | offered, answered with an unknown wait (PCC named no   |
 * |                                                 | agent): left out of SL and ASA both                    |
 * | end of talk (`call.ended`/`abandoned` talking)  | handled, at the end of wrap-up (`agent.wrap_up_ended`) |
 * |                                                 | or at the end of talk when the queue has no wrap-up    |
 *
 * "Offered" follows the industry convention — calls admitted to the queue (`call.queued`) — and is
 * counted when the call's wait ends (answer, abandon, time-out), so a period's offered calls are
 * exactly its answered + abandoned + short abandoned + timed out, and a caller still waiting does
 * not weigh on the service level before their fate is known. Calls refused at the door (closed,
 * queue full) are never offered; they are counted apart. A call abandoned before admission (the
 * engine admits in the same step as the arrival, so it does not happen) counts only as arrived.
 *
 * ## Formulas (`queueKpis`; each is null when its denominator is 0)
 *
 * - service level = answered within T ÷ (offered − short abandoned − answered with unknown wait),
 *   T = the queue's `serviceLevelSec` (default 20 s), "within" meaning wait ≤ T; a call that times
 *   out or abandons after N s counts against it. T and N are those in force when the wait ended.
 * - abandon rate = abandoned ÷ (offered − short abandoned) (short abandons: wait < N =
 *   `shortAbandonSec`, default 5 s, out of both).
 * - ASA = total wait of answered calls ÷ answered calls with a known wait (wait from arrival).
 * - AHT = (talk + wrap-up) of handled calls ÷ handled. Talk is the telephony's `talkSec` when it
 *   sent one, else answer → end; wrap-up is end of talk → `agent.wrap_up_ended`.
 * - occupancy = busy time ÷ staffed time of the queue's agents (members of its groups, primary and
 *   backup, at the time), summed over agents: **busy** = talking on a Callboard call or in its
 *   after-call work; **staffed** = online (any of PCC's signals: App, push token, SIP) and either
 *   Available or busy. Ringing counts as staffed, not busy. PCC's own reports of calls Callboard
 *   does not track (`agent.system_status_reported`) are not seen. An agent in two queues counts in
 *   both. Time is cut at every event of the agent, so it is exact to the millisecond; an interval
 *   still open is added at read time up to `now`.
 *
 * ## Window resolution
 *
 * The window is a ring of one-minute buckets (aligned to UTC minutes, so also to local midnights):
 * at `now` it holds the current minute and the `kpiWindowMin − 1` before it, i.e. it starts at
 * the start of the minute `kpiWindowMin − 1` minutes before now's. Its edge is exact to the
 * minute: an event leaves the window when its minute does, up to 59.999 s later than a sliding
 * window would drop it. `window.from` says where the window starts (or when the fold first saw
 * the queue, if later), so rates divide by the real span.
 *
 * ## Late and out-of-order events
 *
 * The log is ordered by seq; `at` is the core's clock, monotonic in practice. An event older than
 * the newest one folded still counts: in today if it is in the queue's current day, and in its own
 * minute's bucket if that minute is still inside the window (measured from the newest minute
 * seen). Older than that, it only counts where it still can. Negative durations count as 0.
 *
 * ## Cost
 *
 * O(1) per call event. An agent's change of state adds the time since its last change to each of
 * its queues' buckets: one bucket per minute elapsed, at most `kpiWindowMin` — O(1) amortized
 * over time. Reads cost O(window + the queue's members).
 *
 * `center` is a read-only lookup, used only for records the fold has no event for (a fold started
 * from a snapshot mid-log). Settings and memberships come from the `queue.upserted` and
 * `group.upserted` events themselves, in log order, so the fold gives the same result whether it
 * runs before, after, or a batch after `applyEvent` — live and replay agree.
 */

/** Bucket width of the rolling window, ms. */
export const BUCKET_MS = 60_000;

export interface QueueTrack {
  id: string;
  serviceLevelMs: number;
  shortAbandonMs: number;
  /** Wrap-up after each answered call, ms (0: none), as applyEvent sets it. */
  wrapUpMs: number;
  timeZone: string;
  groupIds: string[];
  /** Buckets in the ring (= kpiWindowMin). */
  width: number;
  firstAt: number;
  day: LocalDay;
  today: Float64Array;
  /** width × FIELDS counters; bucket b lives in slot b mod width. */
  ring: Float64Array;
  /** The bucket each slot holds (-1: none yet). */
  ringBucket: Float64Array;
  /** The newest bucket seen. */
  head: number;
}

export interface CallTrack {
  queueId: string;
  arrivedAt: number;
  admitted: boolean;
  answeredAt: number | null;
  agentId: string | null;
}

export interface AgentTrack {
  id: string;
  app: boolean;
  sip: boolean;
  pushTokens: string[];
  available: boolean;
  talking: boolean;
  wrapping: boolean;
  /** Start of the interval not yet accrued. */
  since: number;
  /** A call whose handling ends with this agent's wrap-up. */
  pending: { queueId: string; agentId: string; talkMs: number; endedAt: number } | null;
}

export interface KpiState {
  seq: number;
  queues: Map<string, QueueTrack>;
  calls: Map<string, CallTrack>;
  agents: Map<string, AgentTrack>;
  groups: Map<string, readonly string[]>;
  /** agent → queues and queue → agents, rebuilt lazily after a group or queue changes membership. */
  membership: { ofAgent: Map<string, string[]>; ofQueue: Map<string, string[]> } | null;
  /** Where history's 15-minute buckets are recorded (history-recorder.ts); null: not kept. */
  history: HistoryRecorder | null;
}

/**
 * From now on, `kpi` records history into `recorder` (null: stops recording). A fold restored from
 * a checkpoint has already counted the events up to its seq and will never fold them again, so the
 * recorder must have them stored (`afterSeq` at or past the fold's seq): else they would be missing
 * from history for good, and this throws — boot must then start from an older checkpoint or the log.
 */
export function recordHistory(kpi: KpiState, recorder: HistoryRecorder | null): void {
  if (recorder && recorder.afterSeq < kpi.seq)
    throw new Error(
      `history is stored up to seq ${recorder.afterSeq}, before the KPI fold's seq ${kpi.seq}: the events between would never be recorded`,
    );
  kpi.history = recorder;
}

/** A fold with nothing in it; give it a recorder to keep history's buckets too. */
export function emptyKpiState(history: HistoryRecorder | null = null): KpiState {
  return {
    seq: 0,
    queues: new Map(),
    calls: new Map(),
    agents: new Map(),
    groups: new Map(),
    membership: null,
    history,
  };
}

/**
 * Folds one logged event into `kpi`. `center` is consulted only for queues, groups and agents the
 * fold has seen no event for (see the module comment); it is never modified.
 */
export function foldKpi(kpi: KpiState, event: LoggedEvent, center: CenterState): void {
  if (event.seq > kpi.seq) kpi.seq = event.seq;
  const { at } = event;
  switch (event.type) {
    case "agent.upserted": {
      if (!kpi.agents.has(event.agent.id)) kpi.agents.set(event.agent.id, newAgentTrack(event.agent.id, at));
      return;
    }
    case "agent.presence_changed": {
      const agent = agentAt(kpi, event.agentId, center, at);
      if (!agent) return;
      if (event.signal === "app") agent.app = event.online;
      else agent.sip = event.online;
      return;
    }
    case "agent.push_token_changed": {
      const agent = agentAt(kpi, event.agentId, center, at);
      if (!agent) return;
      // As applyEvent keeps them: oldest first, at most PUSH_TOKENS_PER_AGENT.
      const others = agent.pushTokens.filter((t) => t !== event.token);
      agent.pushTokens = event.registered ? [...others, event.token].slice(-PUSH_TOKENS_PER_AGENT) : others;
      return;
    }
    case "agent.manual_status_set": {
      const agent = agentAt(kpi, event.agentId, center, at);
      if (agent) agent.available = event.status === AVAILABLE;
      return;
    }
    case "agent.system_status_reported":
      return;
    case "agent.wrap_up_ended": {
      const agent = agentAt(kpi, event.agentId, center, at);
      if (!agent) return;
      agent.wrapping = false;
      completePending(kpi, agent, at, center);
      return;
    }
    case "group.upserted": {
      const old = membersOf(kpi, event.group.id, center);
      for (const id of new Set([...old, ...event.group.members])) agentAt(kpi, id, center, at);
      kpi.groups.set(event.group.id, event.group.members);
      kpi.membership = null;
      return;
    }
    case "group.members_changed": {
      for (const change of event.changes) {
        const old = membersOf(kpi, change.groupId, center);
        for (const id of new Set([...old, ...change.add])) agentAt(kpi, id, center, at);
        kpi.groups.set(change.groupId, membersAfter(old, change));
      }
      kpi.membership = null;
      return;
    }
    case "group.removed":
      // No queue routes to a group that may be removed: nobody's time changes queue.
      kpi.groups.delete(event.groupId);
      kpi.membership = null;
      return;
    case "agent.removed": {
      // Close the agent's time under its queues, then forget it (and its place in every group).
      agentAt(kpi, event.agentId, center, at);
      kpi.agents.delete(event.agentId);
      for (const [groupId, members] of kpi.groups) {
        if (members.includes(event.agentId)) {
          kpi.groups.set(
            groupId,
            members.filter((id) => id !== event.agentId),
          );
        }
      }
      kpi.membership = null;
      return;
    }
    case "queue.upserted": {
      upsertQueue(kpi, event.queue, at, center);
      return;
    }
    case "queue.removed":
      // A queue holding calls cannot be removed: its figures simply stop.
      kpi.queues.delete(event.queueId);
      kpi.membership = null;
      return;
    case "call.arrived": {
      kpi.calls.set(event.callId, {
        queueId: event.queueId,
        arrivedAt: at,
        admitted: false,
        answeredAt: null,
        agentId: null,
      });
      const queue = queueAt(kpi, event.queueId, center, at);
      if (queue) add(kpi, queue, at, F.ARRIVED, 1);
      return;
    }
    case "call.queued": {
      const call = callOf(kpi, event.callId, center);
      if (call) call.admitted = true;
      return;
    }
    case "call.finished": {
      const call = callOf(kpi, event.callId, center);
      if (!call) return;
      kpi.calls.delete(event.callId);
      const queue = queueAt(kpi, call.queueId, center, at);
      if (!queue) return;
      if (event.outcome === "closed") add(kpi, queue, at, F.CLOSED, 1);
      else if (event.outcome === "rejected") add(kpi, queue, at, F.REJECTED, 1);
      else {
        add(kpi, queue, at, F.OFFERED, 1);
        add(kpi, queue, at, F.TIMED_OUT, 1);
      }
      return;
    }
    case "call.offered":
    case "call.declined":
      return;
    case "call.offer_ended": {
      for (const id of event.autoNotAvailable) {
        const agent = agentAt(kpi, id, center, at);
        if (agent) agent.available = false;
      }
      return;
    }
    case "call.answered": {
      const call = callOf(kpi, event.callId, center);
      if (!call) return;
      call.answeredAt = at;
      call.agentId = event.agentId;
      const agent = agentAt(kpi, event.agentId, center, at);
      if (agent) agent.talking = true;
      const rec = recorder(kpi);
      if (rec) recordAgent(rec, event.agentId, at, A.ANSWERED, 1);
      const queue = queueAt(kpi, call.queueId, center, at);
      if (!queue) return;
      const wait = Math.max(0, at - call.arrivedAt);
      add(kpi, queue, at, F.OFFERED, 1);
      add(kpi, queue, at, F.ANSWERED, 1);
      add(kpi, queue, at, F.WAIT_MS, wait);
      if (wait <= queue.serviceLevelMs) add(kpi, queue, at, F.ANSWERED_IN_SL, 1);
      return;
    }
    case "call.ended":
    case "call.abandoned": {
      const call = callOf(kpi, event.callId, center);
      if (!call) return;
      kpi.calls.delete(event.callId);
      const queue = queueAt(kpi, call.queueId, center, at);
      if (call.agentId !== null && call.answeredAt !== null) {
        endTalk(kpi, event, call, queue, at, center);
        return;
      }
      if (!queue || !call.admitted) return;
      add(kpi, queue, at, F.OFFERED, 1);
      if (event.type === "call.ended" && event.answered) {
        add(kpi, queue, at, F.ANSWERED, 1);
        add(kpi, queue, at, F.ANSWERED_UNKNOWN_WAIT, 1);
      } else {
        const wait = Math.max(0, at - call.arrivedAt);
        add(kpi, queue, at, wait < queue.shortAbandonMs ? F.SHORT_ABANDONED : F.ABANDONED, 1);
      }
      return;
    }
  }
}

function endTalk(
  kpi: KpiState,
  event: Extract<LoggedEvent, { type: "call.ended" | "call.abandoned" }>,
  call: CallTrack,
  queue: QueueTrack | undefined,
  at: number,
  center: CenterState,
): void {
  const agent = agentAt(kpi, call.agentId!, center, at);
  const measured = event.type === "call.ended" ? event.talkSec : undefined;
  const talkMs = measured !== undefined ? Math.round(measured * 1000) : Math.max(0, at - call.answeredAt!);
  if (!agent) {
    if (queue) handled(kpi, queue, at, talkMs, talkMs, call.agentId!);
    return;
  }
  agent.talking = false;
  if (queue && queue.wrapUpMs > 0) {
    // A second call ended while the first one's wrap-up still ran: the first is handled now.
    completePending(kpi, agent, at, center);
    agent.pending = { queueId: queue.id, agentId: agent.id, talkMs, endedAt: at };
    agent.wrapping = true;
  } else if (queue) {
    handled(kpi, queue, at, talkMs, talkMs, agent.id);
  }
}

function completePending(kpi: KpiState, agent: AgentTrack, at: number, center: CenterState): void {
  const pending = agent.pending;
  if (!pending) return;
  agent.pending = null;
  const queue = queueAt(kpi, pending.queueId, center, at);
  const handleMs = pending.talkMs + Math.max(0, at - pending.endedAt);
  if (queue) handled(kpi, queue, at, pending.talkMs, handleMs, pending.agentId);
}

function handled(
  kpi: KpiState,
  queue: QueueTrack,
  at: number,
  talkMs: number,
  handleMs: number,
  agentId: string,
): void {
  add(kpi, queue, at, F.HANDLED, 1);
  add(kpi, queue, at, F.TALK_MS, talkMs);
  add(kpi, queue, at, F.HANDLE_MS, handleMs);
  const rec = recorder(kpi);
  if (!rec) return;
  recordAgent(rec, agentId, at, A.HANDLED, 1);
  recordAgent(rec, agentId, at, A.TALK_MS, talkMs);
  recordAgent(rec, agentId, at, A.HANDLE_MS, handleMs);
}

/** The history recorder, when there is one and the event being folded is not stored yet. */
function recorder(kpi: KpiState): HistoryRecorder | null {
  const rec = kpi.history;
  return rec && kpi.seq > rec.afterSeq ? rec : null;
}

// --- records -------------------------------------------------------------------------------------

function newAgentTrack(id: string, at: number): AgentTrack {
  return {
    id,
    app: false,
    sip: false,
    pushTokens: [],
    available: false,
    talking: false,
    wrapping: false,
    since: at,
    pending: null,
  };
}

/**
 * The agent's record, with the time since its last change accrued (so the caller may change it
 * at `at`); undefined for an agent neither the fold nor the center knows.
 */
function agentAt(kpi: KpiState, id: string, center: CenterState, at: number): AgentTrack | undefined {
  let agent = kpi.agents.get(id);
  if (!agent) {
    const known = own(center.agents, id);
    if (!known) return undefined;
    agent = {
      id,
      app: known.presence.app,
      sip: known.presence.sip,
      pushTokens: [...known.presence.pushTokens],
      available: known.manualStatus === AVAILABLE,
      talking: known.activeCallId !== null,
      wrapping: known.wrapUpUntil !== null,
      since: at,
      pending: null,
    };
    kpi.agents.set(id, agent);
    return agent;
  }
  accrue(kpi, id, agent, at, center);
  return agent;
}

const isBusy = (a: AgentTrack) => a.talking || a.wrapping;
const isOnline = (a: AgentTrack) => a.app || a.sip || a.pushTokens.length > 0;
const isStaffed = (a: AgentTrack) => isOnline(a) && (a.available || a.talking || a.wrapping);

/** The agent's state as history counts its time (history-recorder.ts, AgentStateField). */
function stateField(a: AgentTrack): AgentStateField {
  if (a.talking) return A.ON_CALL_MS;
  if (a.wrapping) return A.WRAP_UP_MS;
  if (!isOnline(a)) return A.OFFLINE_MS;
  return a.available ? A.CAN_RING_MS : A.AWAY_MS;
}

/** Adds the agent's time since `since` to its queues (busy and/or staffed), then starts anew at `at`. */
function accrue(kpi: KpiState, id: string, agent: AgentTrack, at: number, center: CenterState): void {
  if (at <= agent.since) return;
  const rec = recorder(kpi);
  if (rec) recordAgentSpan(rec, id, agent.since, at, stateField(agent));
  const staffed = isStaffed(agent);
  if (staffed) {
    const busy = isBusy(agent);
    for (const queueId of membership(kpi, center).ofAgent.get(id) ?? []) {
      const queue = queueAt(kpi, queueId, center, at);
      if (!queue) continue;
      addSpan(kpi, queue, agent.since, at, F.STAFFED_MS);
      if (busy) addSpan(kpi, queue, agent.since, at, F.BUSY_MS);
    }
  }
  agent.since = at;
}

function callOf(kpi: KpiState, id: string, center: CenterState): CallTrack | undefined {
  const call = kpi.calls.get(id);
  if (call) return call;
  const known = own(center.calls, id);
  if (!known) return undefined;
  const track: CallTrack = {
    queueId: known.queueId,
    arrivedAt: known.arrivedAt,
    admitted: known.admitted,
    answeredAt: known.answeredAt,
    agentId: known.agentId,
  };
  kpi.calls.set(id, track);
  return track;
}

/** The time zone a queue's days are counted in: its business hours' zone, else the center's default. */
export function queueTimeZone(queue: QueueConfig): string {
  return queue.schedule.kind === "business-hours" ? queue.schedule.timeZone : DEFAULT_TIME_ZONE;
}

function queueAt(kpi: KpiState, id: string, center: CenterState, at: number): QueueTrack | undefined {
  const queue = kpi.queues.get(id);
  if (queue) return queue;
  const known = own(center.queues, id);
  return known ? upsertQueue(kpi, known, at, center) : undefined;
}

function upsertQueue(kpi: KpiState, config: QueueConfig, at: number, center: CenterState): QueueTrack {
  // Logs from before the KPI settings: their defaults, as applyEvent folds them.
  const settings = { ...QUEUE_KPI_DEFAULTS, ...definedOnly(config) };
  const groupIds = config.groups.map((g) => g.groupId);
  const existing = kpi.queues.get(config.id);
  if (!existing || !sameList(existing.groupIds, groupIds)) {
    // Membership changes at `at`: close the time of every agent concerned under the old one.
    const concerned = new Set([...(existing?.groupIds ?? []), ...groupIds]);
    for (const groupId of concerned) {
      for (const agentId of membersOf(kpi, groupId, center)) agentAt(kpi, agentId, center, at);
    }
    kpi.membership = null;
  }
  const width = settings.kpiWindowMin;
  const timeZone = queueTimeZone(config);
  const queue: QueueTrack = existing ?? {
    id: config.id,
    serviceLevelMs: 0,
    shortAbandonMs: 0,
    wrapUpMs: 0,
    timeZone,
    groupIds,
    width,
    firstAt: at,
    day: localDayCached(at, timeZone),
    today: new Float64Array(FIELDS),
    ring: new Float64Array(width * FIELDS),
    ringBucket: new Float64Array(width).fill(-1),
    head: Math.floor(at / BUCKET_MS),
  };
  queue.serviceLevelMs = settings.serviceLevelSec * 1000;
  queue.shortAbandonMs = settings.shortAbandonSec * 1000;
  queue.wrapUpMs = config.agentWrapUpAfterCalls ? config.wrapUpTimeLimit * 1000 : 0;
  queue.groupIds = groupIds;
  if (timeZone !== queue.timeZone) {
    // Today's counts stay; the day now ends at the new zone's midnight.
    queue.timeZone = timeZone;
    queue.day = localDayCached(at, timeZone);
  }
  if (width !== queue.width) resize(queue, width);
  kpi.queues.set(config.id, queue);
  return queue;
}

function definedOnly(config: QueueConfig): Partial<QueueConfig> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (v !== undefined) out[k] = v;
  return out as Partial<QueueConfig>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A group's members: from its last upsert folded, else (remembered) from the center. */
function membersOf(kpi: KpiState, groupId: string, center: CenterState): readonly string[] {
  const mine = kpi.groups.get(groupId);
  if (mine) return mine;
  const known = own(center.groups, groupId)?.members;
  if (known) kpi.groups.set(groupId, known);
  return known ?? [];
}

function membership(kpi: KpiState, center: CenterState): NonNullable<KpiState["membership"]> {
  if (kpi.membership) return kpi.membership;
  const ofAgent = new Map<string, string[]>();
  const ofQueue = new Map<string, string[]>();
  for (const queue of kpi.queues.values()) {
    const members = new Set<string>();
    for (const groupId of queue.groupIds) for (const id of membersOf(kpi, groupId, center)) members.add(id);
    ofQueue.set(queue.id, [...members]);
    for (const id of members) {
      const list = ofAgent.get(id);
      if (list) list.push(queue.id);
      else ofAgent.set(id, [queue.id]);
    }
  }
  kpi.membership = { ofAgent, ofQueue };
  return kpi.membership;
}

// --- counters ------------------------------------------------------------------------------------

/** Moves the queue's day forward when `at` is in a later local day (a midnight passed). */
function roll(queue: QueueTrack, at: number): void {
  if (at < queue.day.end) return;
  queue.day = localDayCached(at, queue.timeZone);
  queue.today.fill(0);
}

function slotFor(queue: QueueTrack, bucket: number): number {
  if (bucket > queue.head) queue.head = bucket;
  if (bucket <= queue.head - queue.width) return -1;
  const slot = bucket % queue.width;
  if (queue.ringBucket[slot] !== bucket) {
    queue.ringBucket[slot] = bucket;
    queue.ring.fill(0, slot * FIELDS, slot * FIELDS + FIELDS);
  }
  return slot;
}

function add(kpi: KpiState, queue: QueueTrack, at: number, field: number, value: number): void {
  const rec = recorder(kpi);
  if (rec) recordQueue(rec, queue.id, at, field, value);
  roll(queue, at);
  if (at >= queue.day.start && at < queue.day.end) queue.today[field]! += value;
  const slot = slotFor(queue, Math.floor(at / BUCKET_MS));
  if (slot >= 0) queue.ring[slot * FIELDS + field]! += value;
}

/** Adds the milliseconds of [from, to) to `field`: to today's share and to each minute's bucket. */
function addSpan(kpi: KpiState, queue: QueueTrack, from: number, to: number, field: number): void {
  if (to <= from) return;
  const rec = recorder(kpi);
  if (rec) recordQueueSpan(rec, queue.id, from, to, field);
  roll(queue, to);
  const dayPart = Math.min(to, queue.day.end) - Math.max(from, queue.day.start);
  if (dayPart > 0) queue.today[field]! += dayPart;
  const last = Math.floor(to / BUCKET_MS);
  if (last > queue.head) queue.head = last;
  const first = Math.max(Math.floor(from / BUCKET_MS), queue.head - queue.width + 1);
  for (let b = first; b <= last; b++) {
    const part = Math.min(to, (b + 1) * BUCKET_MS) - Math.max(from, b * BUCKET_MS);
    if (part <= 0) continue;
    const slot = slotFor(queue, b);
    if (slot >= 0) queue.ring[slot * FIELDS + field]! += part;
  }
}

/** A new window length: the buckets still inside it move to their new slots. */
function resize(queue: QueueTrack, width: number): void {
  const ring = new Float64Array(width * FIELDS);
  const ringBucket = new Float64Array(width).fill(-1);
  for (let slot = 0; slot < queue.width; slot++) {
    const bucket = queue.ringBucket[slot]!;
    if (bucket < 0 || bucket <= queue.head - width) continue;
    const to = bucket % width;
    ringBucket[to] = bucket;
    ring.set(queue.ring.subarray(slot * FIELDS, slot * FIELDS + FIELDS), to * FIELDS);
  }
  queue.width = width;
  queue.ring = ring;
  queue.ringBucket = ringBucket;
}

// --- reading -------------------------------------------------------------------------------------

export interface QueueKpis {
  queueId: string;
  now: number;
  /** The settings the figures were counted under (their values now). */
  serviceLevelSec: number;
  shortAbandonSec: number;
  windowMin: number;
  timeZone: string;
  today: KpiPeriod;
  window: KpiPeriod;
}

/**
 * The queue's KPIs at `now` (≥ the newest event folded), today and over the rolling window, as a
 * plain JSON object; null for a queue the fold has not seen. Reads only (a membership table may be
 * rebuilt once after a change, which changes no figure).
 */
export function queueKpis(kpi: KpiState, queueId: string, now: number): QueueKpis | null {
  const queue = kpi.queues.get(queueId);
  if (!queue) return null;
  const today = new Float64Array(FIELDS);
  const day = localDayCached(now, queue.timeZone);
  if (queue.day.start === day.start) today.set(queue.today);
  const window = new Float64Array(FIELDS);
  const nowBucket = Math.floor(now / BUCKET_MS);
  const firstBucket = nowBucket - queue.width + 1;
  for (let slot = 0; slot < queue.width; slot++) {
    const bucket = queue.ringBucket[slot]!;
    if (bucket < firstBucket || bucket > nowBucket) continue;
    for (let f = 0; f < FIELDS; f++) window[f]! += queue.ring[slot * FIELDS + f]!;
  }
  const windowStart = firstBucket * BUCKET_MS;
  // Time still open: agents staffed (or busy) since their last change, up to now.
  const members = membership(kpi, EMPTY_CENTER).ofQueue.get(queueId) ?? [];
  for (const id of members) {
    const agent = kpi.agents.get(id);
    if (!agent || !isStaffed(agent) || now <= agent.since) continue;
    const busy = isBusy(agent);
    const inDay = now - Math.max(agent.since, day.start);
    if (inDay > 0) {
      today[F.STAFFED_MS]! += inDay;
      if (busy) today[F.BUSY_MS]! += inDay;
    }
    const inWindow = now - Math.max(agent.since, windowStart);
    if (inWindow > 0) {
      window[F.STAFFED_MS]! += inWindow;
      if (busy) window[F.BUSY_MS]! += inWindow;
    }
  }
  return {
    queueId,
    now,
    serviceLevelSec: queue.serviceLevelMs / 1000,
    shortAbandonSec: queue.shortAbandonMs / 1000,
    windowMin: queue.width,
    timeZone: queue.timeZone,
    today: kpiPeriod(today, day.start, now),
    window: kpiPeriod(window, Math.max(windowStart, queue.firstAt), now),
  };
}

/**
 * Memberships are rebuilt from the fold's own groups and queues: every group a queue names was
 * looked up (and remembered) when the fold first met the queue, so reads need no center.
 */
const EMPTY_CENTER: CenterState = {
  seq: 0,
  clock: 0,
  agents: {},
  groups: {},
  queues: {},
  queueRuntime: {},
  versions: { agents: {}, groups: {}, queues: {} },
  calls: {},
  decisions: [],
};

/** What `openHistory` covers: one queue's staffed and busy time, some agents' state time, or (neither given) all. */
export interface OpenHistoryScope {
  /** Time before this is left out (a query's first bucket). */
  from?: number;
  queueId?: string;
  agentIds?: readonly string[];
}

/**
 * History's share of the time still open at `now`: each agent's current state since its last
 * change, and its queues' staffed and busy time — what `queueKpis` adds at read time, cut into
 * the same 15-minute buckets. Reads only; add it to the stored buckets to see up to `now`. Cost:
 * the scope's agents × the buckets since `from` (a query passes both, so an agent offline for
 * weeks costs one range, not weeks of buckets).
 */
export function openHistory(kpi: KpiState, now: number, scope: OpenHistoryScope = {}): HistoryDelta {
  const rec = createHistoryRecorder();
  const { ofAgent, ofQueue } = membership(kpi, EMPTY_CENTER);
  const from = scope.from ?? Number.NEGATIVE_INFINITY;
  const everything = scope.queueId === undefined && scope.agentIds === undefined;
  const ids =
    scope.queueId !== undefined
      ? (ofQueue.get(scope.queueId) ?? [])
      : (scope.agentIds ?? [...kpi.agents.keys()]);
  for (const id of ids) {
    const agent = kpi.agents.get(id);
    if (!agent) continue;
    const start = Math.max(agent.since, from);
    if (now <= start) continue;
    if (everything || scope.agentIds !== undefined) recordAgentSpan(rec, id, start, now, stateField(agent));
    if (scope.agentIds !== undefined || !isStaffed(agent)) continue;
    for (const queueId of ofAgent.get(id) ?? []) {
      if (scope.queueId !== undefined && queueId !== scope.queueId) continue;
      recordQueueSpan(rec, queueId, start, now, F.STAFFED_MS);
      if (isBusy(agent)) recordQueueSpan(rec, queueId, start, now, F.BUSY_MS);
    }
  }
  return drainHistory(rec);
}
