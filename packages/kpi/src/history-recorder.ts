import { FIELDS } from "./counters.ts";

/**
 * What the KPI fold hands to history: the same counts it adds to today and the rolling window,
 * cut into 15-minute buckets (aligned to UTC quarter hours, so to every local midnight and hour of
 * today's time zones), per queue and per agent. The recorder keeps only what changed since the
 * last `drainHistory` — deltas an adapter adds to its stored buckets — and ignores events at or
 * before `afterSeq` (already stored), so folding the whole log again at boot stores each event once.
 */
export const HISTORY_BUCKET_MS = 15 * 60_000;

/**
 * The fold's version as stored beside the buckets: raise it when what a bucket counts changes,
 * and every server rebuilds its read model from the log at the next boot.
 */
export const HISTORY_VERSION = 1;

/** Per-agent counters; sums of milliseconds end in _MS. The five states partition the agent's time. */
export const A = {
  ANSWERED: 0,
  HANDLED: 1,
  TALK_MS: 2,
  HANDLE_MS: 3,
  CAN_RING_MS: 4,
  ON_CALL_MS: 5,
  WRAP_UP_MS: 6,
  AWAY_MS: 7,
  OFFLINE_MS: 8,
} as const;
export const AGENT_FIELDS = 9;

export const AGENT_COUNTER_NAMES = [
  "answered",
  "handled",
  "talkMs",
  "handleMs",
  "canRingMs",
  "onCallMs",
  "wrapUpMs",
  "awayMs",
  "offlineMs",
] as const satisfies readonly string[] & { length: typeof AGENT_FIELDS };

/**
 * An agent's state as history counts its time, first that applies: on a call (talking), in
 * wrap-up, offline (no App, push token or SIP), can ring (online and Available — ringing
 * included), away (online, not Available).
 */
export type AgentStateField =
  | typeof A.ON_CALL_MS
  | typeof A.WRAP_UP_MS
  | typeof A.OFFLINE_MS
  | typeof A.CAN_RING_MS
  | typeof A.AWAY_MS;

type Buckets = Map<string, Map<number, Float64Array>>;

export interface HistoryRecorder {
  /** Events with seq ≤ this are already stored: they are folded but not recorded. */
  afterSeq: number;
  queues: Buckets;
  agents: Buckets;
}

/** One bucket's change: add `values` (in F's or A's order) to the stored bucket. */
export interface BucketDelta {
  id: string;
  /** Start of the 15-minute bucket, ms. */
  bucket: number;
  values: Float64Array;
}

export interface HistoryDelta {
  queues: BucketDelta[];
  agents: BucketDelta[];
}

export function createHistoryRecorder(afterSeq = 0): HistoryRecorder {
  return { afterSeq, queues: new Map(), agents: new Map() };
}

const bucketOf = (at: number) => Math.floor(at / HISTORY_BUCKET_MS) * HISTORY_BUCKET_MS;

function cell(buckets: Buckets, id: string, bucket: number, width: number): Float64Array {
  let byBucket = buckets.get(id);
  if (!byBucket) {
    byBucket = new Map();
    buckets.set(id, byBucket);
  }
  let values = byBucket.get(bucket);
  if (!values) {
    values = new Float64Array(width);
    byBucket.set(bucket, values);
  }
  return values;
}

/** Adds `value` to a queue's `field` in the bucket holding `at`. */
export function recordQueue(
  rec: HistoryRecorder,
  queueId: string,
  at: number,
  field: number,
  value: number,
): void {
  cell(rec.queues, queueId, bucketOf(at), FIELDS)[field]! += value;
}

/** Adds `value` to an agent's `field` in the bucket holding `at`. */
export function recordAgent(
  rec: HistoryRecorder,
  agentId: string,
  at: number,
  field: number,
  value: number,
): void {
  cell(rec.agents, agentId, bucketOf(at), AGENT_FIELDS)[field]! += value;
}

/** Adds the milliseconds of [from, to) to `field`, each bucket its share. */
function recordSpan(
  buckets: Buckets,
  width: number,
  id: string,
  from: number,
  to: number,
  field: number,
): void {
  for (let b = bucketOf(from); b < to; b += HISTORY_BUCKET_MS) {
    const part = Math.min(to, b + HISTORY_BUCKET_MS) - Math.max(from, b);
    if (part > 0) cell(buckets, id, b, width)[field]! += part;
  }
}

export function recordQueueSpan(
  rec: HistoryRecorder,
  queueId: string,
  from: number,
  to: number,
  field: number,
): void {
  recordSpan(rec.queues, FIELDS, queueId, from, to, field);
}

export function recordAgentSpan(
  rec: HistoryRecorder,
  agentId: string,
  from: number,
  to: number,
  field: number,
): void {
  recordSpan(rec.agents, AGENT_FIELDS, agentId, from, to, field);
}

/** Everything recorded since the last drain, in (id, bucket) order; the recorder is left empty. */
export function drainHistory(rec: HistoryRecorder): HistoryDelta {
  const rows = (buckets: Buckets): BucketDelta[] => {
    const out: BucketDelta[] = [];
    for (const [id, byBucket] of buckets)
      for (const [bucket, values] of byBucket) out.push({ id, bucket, values });
    buckets.clear();
    return out;
  };
  return { queues: rows(rec.queues), agents: rows(rec.agents) };
}

/** True when nothing was recorded since the last drain. */
export function isHistoryEmpty(rec: HistoryRecorder): boolean {
  return rec.queues.size === 0 && rec.agents.size === 0;
}
