import { and, asc, desc, eq, gt, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { readArchivedAfter } from "./archive.ts";
import type { CallboardDb } from "./client.ts";
import { createRowCodec } from "./row-codec.ts";
import {
  agentKeys,
  type CheckpointRow,
  checkpoints,
  type EventRow,
  eventAgents,
  events,
  type RejectionRow,
  rejections,
} from "./schema.ts";

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
  /** A path inside the event to a value that repeats across events: stored once (row-codec.ts). */
  shared?: readonly string[] | undefined;
}

/** A call found by call search: its arrival, as logged. */
export interface CallHit {
  callId: string;
  /** The caller's number. */
  caller: string;
  /** The arrival's seq and time. */
  seq: number;
  at: number;
  /** The arrival's body (queue, number), decoded whatever form it is stored in. */
  arrival: Record<string, unknown>;
}

/**
 * Append and read the ordered log with statements prepared once. The log knows envelopes only, not
 * the domain, so the schema can outlive any event type.
 */
/** Refused inputs kept for `events.rejections`; older ones are dropped, so a flood of bad input cannot fill the disk. */
export const REJECTIONS_KEPT = 10_000;

/** Checkpoints kept: the newest, and the one before it in case the newest cannot be read. */
export const CHECKPOINTS_KEPT = 2;

/** A checkpoint to write in a group commit (its format and content are the writer's business). */
export type NewCheckpoint = CheckpointRow;

export interface EventLogOptions {
  rejectionsKept?: number;
  /**
   * Where retention moved the log's oldest stretches (archive.ts); a replay from before the first
   * event still in the table reads them first. Absent: the table is the whole log.
   */
  archiveDir?: string | null;
  /** The writer's deflate dictionary: given, bodies are written compact (row-codec.ts). */
  dictionary?: string | undefined;
}

/**
 * A row is of the type named `type` (`:type`): compact rows hold the type's code (`:code`, see
 * row-codec.ts), the other forms its name.
 */
const ofType = () =>
  or(
    and(isNull(events.dictionary), eq(events.type, sql.placeholder("type"))),
    and(isNotNull(events.dictionary), eq(events.type, sql.placeholder("code"))),
  );

export function createEventLog<E extends LoggableEvent>(
  db: CallboardDb,
  { rejectionsKept = REJECTIONS_KEPT, archiveDir = null, dictionary }: EventLogOptions = {},
) {
  const insert = db
    .insert(events)
    .values({
      seq: sql.placeholder("seq"),
      at: sql.placeholder("at"),
      type: sql.placeholder("type"),
      data: sql.placeholder("data"),
      packed: sql.placeholder("packed"),
      dictionary: sql.placeholder("dictionary"),
      shared: sql.placeholder("shared"),
      idempotencyKey: sql.placeholder("idempotencyKey"),
      callId: sql.placeholder("callId"),
      caller: sql.placeholder("caller"),
    })
    .prepare();
  const insertCheckpoint = db
    .insert(checkpoints)
    .values({
      seq: sql.placeholder("seq"),
      at: sql.placeholder("at"),
      centerId: sql.placeholder("centerId"),
      format: sql.placeholder("format"),
      data: sql.placeholder("data"),
    })
    .onConflictDoNothing()
    .prepare();
  const pruneCheckpoints = db.$client.prepare(
    `DELETE FROM checkpoints WHERE seq NOT IN (SELECT seq FROM checkpoints ORDER BY seq DESC LIMIT ${CHECKPOINTS_KEPT})`,
  );
  const newestCheckpoints = db
    .select()
    .from(checkpoints)
    .orderBy(desc(checkpoints.seq))
    .limit(CHECKPOINTS_KEPT)
    .prepare();
  const first = db.select({ seq: events.seq }).from(events).orderBy(asc(events.seq)).limit(1).prepare();
  const insertAgent = db
    .insert(eventAgents)
    .values({ agent: sql.placeholder("agent"), seq: sql.placeholder("seq") })
    .onConflictDoNothing()
    .prepare();
  const findAgentKey = db
    .select({ id: agentKeys.id })
    .from(agentKeys)
    .where(eq(agentKeys.agentId, sql.placeholder("agentId")))
    .prepare();
  const insertAgentKey = db
    .insert(agentKeys)
    .values({ agentId: sql.placeholder("agentId") })
    .returning({ id: agentKeys.id })
    .prepare();
  // One per agent of the center: kept for the process's life (forgotten on a rollback).
  const keyOfAgent = new Map<string, number>();
  /** The agent's key in agent_keys, stored now if new (inside the append's transaction). */
  const agentKey = (agentId: string): number => {
    let key = keyOfAgent.get(agentId);
    if (key === undefined) {
      key = findAgentKey.get({ agentId })?.id ?? insertAgentKey.get({ agentId })!.id;
      keyOfAgent.set(agentId, key);
    }
    return key;
  };
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
    .where(and(eq(events.callId, sql.placeholder("callId")), ofType()))
    .orderBy(asc(events.seq))
    .limit(sql.placeholder("limit"))
    .prepare();
  const ofTypeForAgent = db
    .select({
      seq: events.seq,
      at: events.at,
      type: events.type,
      data: events.data,
      packed: events.packed,
      dictionary: events.dictionary,
      shared: events.shared,
    })
    .from(eventAgents)
    .innerJoin(events, eq(events.seq, eventAgents.seq))
    .where(
      and(
        eq(
          eventAgents.agent,
          sql`(SELECT ${agentKeys.id} FROM ${agentKeys} WHERE ${agentKeys.agentId} = ${sql.placeholder("agentId")})`,
        ),
        lt(eventAgents.seq, sql.placeholder("beforeSeq")),
        ofType(),
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
    packed: events.packed,
    dictionary: events.dictionary,
    shared: events.shared,
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

  const codec = createRowCodec(db, { dictionary });
  const appendAll = db.$client.transaction(
    (rows: AppendRow<E>[], refused: RejectedInput[], checkpoint: NewCheckpoint | null) => {
      let lastId = 0;
      for (const rejection of refused) lastId = Number(insertRejection.run(rejection).lastInsertRowid);
      if (lastId > rejectionsKept) pruneRejections.run({ upTo: lastId - rejectionsKept });
      for (const { event, idempotencyKey, agentIds, callId, caller = null, shared } of rows) {
        const { seq, at, type, ...rest } = event;
        insert.run({ seq, at, ...codec.encode(type, rest, shared), idempotencyKey, callId, caller });
        for (const agentId of agentIds) insertAgent.run({ agent: agentKey(agentId), seq });
      }
      if (checkpoint) {
        insertCheckpoint.run(checkpoint);
        pruneCheckpoints.run();
      }
    },
  );

  // The body was appended from an E, so with its envelope back it is one.
  const toEvent = (
    row: Pick<EventRow, "seq" | "at" | "type" | "data" | "packed" | "shared" | "dictionary">,
  ): E => ({ ...codec.decode(row), seq: row.seq, at: row.at, type: codec.typeOf(row) }) as E;

  /** A call's events in order (its timeline), optionally of one type only, typed as that event. */
  function forCall<T extends E["type"]>(
    callId: string,
    options: { type: T; limit?: number },
  ): EventOfType<E, T>[];
  function forCall(callId: string, options?: { type?: undefined; limit?: number }): E[];
  function forCall(callId: string, options: { type?: string; limit?: number } = {}): E[] {
    const limit = options.limit ?? 1_000;
    const rows = options.type
      ? ofTypeForCall.all({ callId, type: options.type, code: codec.typeCode(options.type) ?? "", limit })
      : allForCall.all({ callId, limit });
    return rows.map(toEvent);
  }

  return {
    /**
     * Appends rows (and records refused inputs) in one transaction — a group commit: all are durable
     * when this returns, or none are.
     */
    append(
      rows: AppendRow<E>[],
      refused: RejectedInput[] = [],
      checkpoint: NewCheckpoint | null = null,
    ): void {
      if (rows.length === 0 && refused.length === 0 && !checkpoint) return;
      try {
        appendAll.immediate(rows, refused, checkpoint);
      } catch (error) {
        // Shared values and agent keys stored in the rolled-back transaction are gone: forget them.
        codec.forgetUncommitted();
        keyOfAgent.clear();
        throw error;
      }
    },
    /** The newest checkpoints, newest first (at most CHECKPOINTS_KEPT). */
    checkpoints(): CheckpointRow[] {
      return newestCheckpoints.all();
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
    /**
     * Every event after `seq`, read in pages so a long log never sits in memory twice — from the
     * archive first when `seq` is before the first event still in the table.
     */
    *readAllAfter(seq: number, pageSize = 10_000): Generator<E> {
      let from = seq;
      const firstInTable = first.get()?.seq ?? null;
      if (archiveDir !== null && (firstInTable === null || from < firstInTable - 1)) {
        for (const row of readArchivedAfter(archiveDir, from)) {
          if (firstInTable !== null && row.seq >= firstInTable) break;
          yield toEvent(row);
          from = row.seq;
        }
      }
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
      const add = (row: ReturnType<typeof arrivalsFromCaller.all>[number]) =>
        hits.set(row.callId, {
          callId: row.callId,
          caller: row.caller,
          seq: row.seq,
          at: row.at,
          arrival: codec.decode(row),
        });
      const first = firstOfCall.get({ callId: query });
      if (first && codec.typeOf(first) === "call.arrived") add(first);
      for (const caller of new Set(numbers)) {
        for (const hit of arrivalsFromCaller.all({ caller, limit })) add(hit);
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
        .all({ agentId, type, code: codec.typeCode(type) ?? "", beforeSeq, limit: options.limit ?? 50 })
        .map((row) => toEvent(row) as EventOfType<E, T>);
    },
    lastSeq(): number {
      return last.get()?.seq ?? 0;
    },
  };
}

export type EventLog<E extends LoggableEvent> = ReturnType<typeof createEventLog<E>>;
