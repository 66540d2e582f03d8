import { and, asc, desc, eq, gt, lt, lte, sql } from "drizzle-orm";
import type { CallboardDb } from "./client.ts";
import { type EventRow, eventAgents, events, type RejectionRow, rejections } from "./schema.ts";

/** The envelope every logged event has; the rest of it is stored as JSON. */
export interface LoggableEvent {
  seq: number;
  at: number;
  type: string;
}

/**
 * The events of `E` whose type is `T`: `Extract<E, { type: T }>` for a discriminated union such as
 * the engine's LoggedEvent; E itself when E's `type` is a plain string (nothing to narrow to).
 */
export type EventOfType<E extends LoggableEvent, T extends E["type"]> = [Extract<E, { type: T }>] extends [
  never,
]
  ? E
  : Extract<E, { type: T }>;

/** A refused input, recorded beside the log (never in it). */
export type RejectedInput = Omit<RejectionRow, "id">;

export interface AppendRow<E extends LoggableEvent> {
  event: E;
  idempotencyKey: string | null;
  /** Agents the event concerns (indexed for per-agent queries). */
  agentIds: readonly string[];
  callId: string | null;
  /** The caller's number, on a call's arrival (indexed for call search); null or absent otherwise. */
  caller?: string | null;
}

/** A call found by call search: its arrival, as logged. */
export interface CallHit {
  callId: string;
  /** The caller's number. */
  caller: string;
  /** The arrival's seq and time. */
  seq: number;
  at: number;
  /** The arrival's JSON (queue, number), as stored. */
  data: string;
}

/**
 * Append and read the ordered log with statements prepared once. The log knows envelopes only, not
 * the domain, so the schema can outlive any event type.
 */
/** Refused inputs kept for `events.rejections`; older ones are dropped, so a flood of bad input cannot fill the disk. */
export const REJECTIONS_KEPT = 10_000;

export function createEventLog<E extends LoggableEvent>(
  db: CallboardDb,
  { rejectionsKept = REJECTIONS_KEPT }: { rejectionsKept?: number } = {},
) {
  const insert = db
    .insert(events)
    .values({
      seq: sql.placeholder("seq"),
      at: sql.placeholder("at"),
      type: sql.placeholder("type"),
      data: sql.placeholder("data"),
      idempotencyKey: sql.placeholder("idempotencyKey"),
      callId: sql.placeholder("callId"),
      caller: sql.placeholder("caller"),
    })
    .prepare();
  const insertAgent = db
    .insert(eventAgents)
    .values({ agentId: sql.placeholder("agentId"), seq: sql.placeholder("seq") })
    .onConflictDoNothing()
    .prepare();
  const allForCall = db
    .select()
    .from(events)
    .where(eq(events.callId, sql.placeholder("callId")))
    .orderBy(asc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const ofTypeForCall = db
    .select()
    .from(events)
    .where(and(eq(events.callId, sql.placeholder("callId")), eq(events.type, sql.placeholder("type"))))
    .orderBy(asc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const ofTypeForAgent = db
    .select({ seq: events.seq, at: events.at, type: events.type, data: events.data })
    .from(eventAgents)
    .innerJoin(events, eq(events.seq, eventAgents.seq))
    .where(
      and(
        eq(eventAgents.agentId, sql.placeholder("agentId")),
        lt(eventAgents.seq, sql.placeholder("beforeSeq")),
        eq(events.type, sql.placeholder("type")),
      ),
    )
    .orderBy(desc(eventAgents.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const hitColumns = {
    callId: sql<string>`${events.callId}`,
    caller: sql<string>`${events.caller}`,
    seq: events.seq,
    at: events.at,
    data: events.data,
  };
  // Each is one index seek: a call's first event (events_call_id_idx — its arrival; naming the type
  // instead would let the planner walk events_type_idx over every arrival), and the partial
  // events_caller_idx, newest first.
  const firstOfCall = db
    .select({ ...hitColumns, type: events.type })
    .from(events)
    .where(eq(events.callId, sql.placeholder("callId")))
    .orderBy(asc(events.seq))
    .limit(1)
    .prepare();
  const arrivalsFromCaller = db
    .select(hitColumns)
    .from(events)
    .where(eq(events.caller, sql.placeholder("caller")))
    .orderBy(desc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const byKey = db
    .select({ seq: events.seq })
    .from(events)
    .where(eq(events.idempotencyKey, sql.placeholder("key")))
    .prepare();
  const after = db
    .select()
    .from(events)
    .where(gt(events.seq, sql.placeholder("seq")))
    .orderBy(asc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const last = db.select({ seq: events.seq }).from(events).orderBy(desc(events.seq)).limit(1).prepare();

  const insertRejection = db
    .insert(rejections)
    .values({
      at: sql.placeholder("at"),
      type: sql.placeholder("type"),
      code: sql.placeholder("code"),
      message: sql.placeholder("message"),
      data: sql.placeholder("data"),
    })
    .prepare();
  const pruneRejections = db
    .delete(rejections)
    .where(lte(rejections.id, sql.placeholder("upTo")))
    .prepare();
  const recentRejections = db
    .select()
    .from(rejections)
    .orderBy(desc(rejections.id))
    .limit(sql.placeholder("limit"))
    .prepare();

  const appendAll = db.$client.transaction((rows: AppendRow<E>[], refused: RejectedInput[]) => {
    let lastId = 0;
    for (const rejection of refused) lastId = Number(insertRejection.run(rejection).lastInsertRowid);
    if (lastId > rejectionsKept) pruneRejections.run({ upTo: lastId - rejectionsKept });
    for (const { event, idempotencyKey, agentIds, callId, caller = null } of rows) {
      const { seq, at, type, ...rest } = event;
      insert.run({ seq, at, type, data: JSON.stringify(rest), idempotencyKey, callId, caller });
      for (const agentId of agentIds) insertAgent.run({ agentId, seq });
    }
  });

  const toEvent = (row: Pick<EventRow, "seq" | "at" | "type" | "data">): E => ({
    ...JSON.parse(row.data),
    seq: row.seq,
    at: row.at,
    type: row.type,
  });

  /** A call's events in order (its timeline), optionally of one type only, typed as that event. */
  function forCall<T extends E["type"]>(
    callId: string,
    options: { type: T; limit?: number },
  ): EventOfType<E, T>[];
  function forCall(callId: string, options?: { type?: undefined; limit?: number }): E[];
  function forCall(callId: string, options: { type?: string; limit?: number } = {}): E[] {
    const limit = options.limit ?? 1_000;
    const rows = options.type
      ? ofTypeForCall.all({ callId, type: options.type, limit })
      : allForCall.all({ callId, limit });
    return rows.map(toEvent);
  }

  return {
    /**
     * Appends rows (and records refused inputs) in one transaction — a group commit: all are durable
     * when this returns, or none are.
     */
    append(rows: AppendRow<E>[], refused: RejectedInput[] = []): void {
      if (rows.length > 0 || refused.length > 0) appendAll.immediate(rows, refused);
    },
    /** The most recently refused inputs, newest first. */
    recentRejections(limit: number): RejectionRow[] {
      return recentRejections.all({ limit });
    },
    /** The seq of the event first submitted with this key, if any. */
    seqForKey(key: string): number | null {
      return byKey.get({ key })?.seq ?? null;
    },
    /** Up to `limit` events after `seq`, in order. */
    readAfter(seq: number, limit: number): E[] {
      return after.all({ seq, limit }).map(toEvent);
    },
    /** Every event after `seq`, read in pages so a long log never sits in memory twice. */
    *readAllAfter(seq: number, pageSize = 10_000): Generator<E> {
      let from = seq;
      for (;;) {
        const page = after.all({ seq: from, limit: pageSize });
        for (const row of page) yield toEvent(row);
        const tail = page.at(-1);
        if (!tail || page.length < pageSize) return;
        from = tail.seq;
      }
    },
    forCall,
    /**
     * Calls whose id is `query` or whose caller's number is one of `numbers`, newest arrival first,
     * at most `limit`: two or three index seeks, whatever the log's size (no JSON is scanned).
     */
    searchCalls(query: string, numbers: readonly string[], limit: number): CallHit[] {
      const hits = new Map<string, CallHit>();
      const first = firstOfCall.get({ callId: query });
      if (first?.type === "call.arrived") {
        const { type: _, ...hit } = first;
        hits.set(hit.callId, hit);
      }
      for (const caller of new Set(numbers)) {
        for (const hit of arrivalsFromCaller.all({ caller, limit })) hits.set(hit.callId, hit);
      }
      return [...hits.values()].sort((a, b) => b.seq - a.seq).slice(0, limit);
    },
    /**
     * The newest events of one type that concern an agent, newest first, before `beforeSeq` (paging),
     * typed as that event: `forAgent("lan", "call.offered")` returns offers.
     */
    forAgent<T extends E["type"]>(
      agentId: string,
      type: T,
      options: { beforeSeq?: number; limit?: number } = {},
    ): EventOfType<E, T>[] {
      const beforeSeq = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
      // The rows were selected by type, so each is an event of that type.
      return ofTypeForAgent
        .all({ agentId, type, beforeSeq, limit: options.limit ?? 50 })
        .map((row) => toEvent(row) as EventOfType<E, T>);
    },
    lastSeq(): number {
      return last.get()?.seq ?? 0;
    },
  };
}

export type EventLog<E extends LoggableEvent> = ReturnType<typeof createEventLog<E>>;
